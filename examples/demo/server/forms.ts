import {
  BooleanField,
  CharField,
  ChoiceField,
  type CleanedData,
  DateField,
  EmailField,
  FileField,
  Form,
  FormField,
  FormSet,
  formMeta,
  IntegerField,
  PasswordInput,
  type RequestContext,
  SlugField,
  Textarea,
  ValidationError,
} from "mizan";
import { announceToStaff } from "./channels.js";
import { SESSION_COOKIE } from "./functions.js";
import type { DemoStore } from "./store.js";

function storeOf(ctx: RequestContext): DemoStore {
  return (ctx.app as { store: DemoStore }).store;
}

export class ContactForm extends Form<ContactForm> {
  static override meta = formMeta({
    name: "contact",
    title: "Contact us",
    // Where a native post (no JavaScript) goes once it succeeded: Post/Redirect/Get.
    successUrl: (result) => `/contact/sent?ticket=${(result as { ticket: number }).ticket}`,
  });
  name = new CharField({ maxLength: 100 });
  email = new EmailField({ helpText: "We reply within a day." });
  topic = new ChoiceField({
    choices: [
      ["sales", "Sales"],
      ["support", "Support"],
      ["press", "Press"],
    ],
  });
  message = new CharField({ widget: new Textarea({ rows: 4 }), minLength: 10 });

  async onSubmitSuccess(ctx: RequestContext, data: CleanedData<ContactForm>) {
    storeOf(ctx).messages.push(data);
    return { sent: true, ticket: storeOf(ctx).messages.length };
  }
}

export class SignupForm extends Form<SignupForm> {
  static override meta = formMeta({
    name: "signup",
    title: "Create an account",
    successUrl: (result) =>
      `/signup/done?username=${encodeURIComponent((result as { username: string }).username)}`,
  });
  username = new SlugField({
    minLength: 3,
    maxLength: 30,
    helpText: "Letters, numbers, underscores or hyphens. Try “alice” to see a server-only check.",
  });
  email = new EmailField();
  password = new CharField({ minLength: 8, widget: new PasswordInput(), strip: false });
  confirm = new CharField({ label: "Confirm password", widget: new PasswordInput(), strip: false });
  age = new IntegerField({ minValue: 13, maxValue: 120 });
  birthdate = new DateField({ required: false });
  terms = new BooleanField({ label: "I accept the terms" });

  /** Server-only: the browser cannot see the user store. */
  cleanUsername(value: string, ctx: RequestContext) {
    if (storeOf(ctx).isUsernameTaken(value)) {
      throw new ValidationError("The username “%(value)s” is already taken.", {
        code: "taken",
        params: { value },
      });
    }
    return value.toLowerCase();
  }

  override clean() {
    const { password, confirm } = this.cleanedData;
    if (password && confirm && password !== confirm) {
      this.addError(
        "confirm",
        new ValidationError("The two passwords differ.", { code: "mismatch" }),
      );
    }
  }

  async onSubmitSuccess(ctx: RequestContext, data: CleanedData<SignupForm>) {
    const user = storeOf(ctx).addUser(data.username, data.email);
    return { id: user.id, username: user.username };
  }
}

export class AddressForm extends Form<AddressForm> {
  street = new CharField({ maxLength: 100 });
  city = new CharField({ maxLength: 60 });
  postcode = new CharField({ maxLength: 10 });
}

export class LineItemForm extends Form<LineItemForm> {
  product = new ChoiceField({
    choices: [
      ["tea", "Tea (250 g)"],
      ["coffee", "Coffee (500 g)"],
      ["mug", "Mug"],
    ],
  });
  quantity = new IntegerField({ minValue: 1, maxValue: 20, initial: 1 });
}

export class OrderForm extends Form<OrderForm> {
  static override meta = formMeta({
    name: "order",
    title: "Place an order",
    successUrl: (result) => {
      const { orderId, units } = result as { orderId: number; units: number };
      return `/order/placed?id=${orderId}&units=${units}`;
    },
  });
  shipping = new FormField(AddressForm, { label: "Shipping address" });
  items = new FormSet(LineItemForm, { minNum: 1, maxNum: 5, extra: 1, label: "Line items" });
  note = new CharField({ required: false, widget: new Textarea({ rows: 2 }) });

  async onSubmitSuccess(ctx: RequestContext, data: CleanedData<OrderForm>) {
    const store = storeOf(ctx);
    const id = store.orders.length + 1;
    store.orders.push({ id, items: data.items.length });
    const units = data.items.reduce((sum, item) => sum + item.quantity, 0);
    // Server code publishing to a channel group: staff on the chat page see it at once.
    await announceToStaff(ctx, `Order ${id}: ${units} units to ${data.shipping.city}.`);
    return { orderId: id, units, city: data.shipping.city };
  }
}

export class ProfileForm extends Form<ProfileForm> {
  static override meta = formMeta({
    name: "profile",
    title: "Your profile",
    auth: true,
    successUrl: (result) =>
      `/profile/saved?avatar=${encodeURIComponent((result as { avatar: { name: string } }).avatar.name)}`,
  });
  displayName = new CharField({ label: "Display name", maxLength: 50 });
  avatar = new FileField({
    maxSize: 200 * 1024,
    allowedContentTypes: ["image/png", "image/jpeg", "image/gif"],
    helpText: "PNG, JPEG or GIF, at most 200 KB.",
  });

  async onSubmitSuccess(ctx: RequestContext, data: CleanedData<ProfileForm>) {
    const user = ctx.user as { id: number };
    const file = data.avatar as File;
    const info = { name: file.name, size: file.size, type: file.type };
    storeOf(ctx).avatars.set(user.id, info);
    return { displayName: data.displayName, avatar: info };
  }
}

/**
 * The demo login (no passwords in the demo): a user that exists signs in with a session cookie.
 * A successful submit invalidates `currentUser` (and the greetings, which name the user), so
 * the header changes without a reload.
 */
export class LoginForm extends Form<LoginForm> {
  static override meta = formMeta({
    name: "login",
    title: "Sign in",
    invalidates: ["currentUser", "greet"],
    successUrl: "/profile",
  });
  username = new CharField({
    label: "Demo login as",
    maxLength: 30,
    helpText: "The demo has the users “alice” and “admin”.",
  });

  /** Server-only: the browser cannot see the user store. */
  cleanUsername(value: string, ctx: RequestContext) {
    if (!storeOf(ctx).users.has(value.toLowerCase())) {
      throw new ValidationError("No demo user named “%(value)s”.", {
        code: "unknown_user",
        params: { value },
      });
    }
    return value.toLowerCase();
  }

  async onSubmitSuccess(ctx: RequestContext, data: CleanedData<LoginForm>) {
    const user = storeOf(ctx).users.get(data.username);
    if (!user) throw new ValidationError("No such user.", { code: "unknown_user" });
    ctx.setCookie(SESSION_COOKIE, String(user.id), { httpOnly: true, sameSite: "Lax", path: "/" });
    return { id: user.id, username: user.username };
  }
}

/** Forms and requests the native-post tests share. */
import {
  BooleanField,
  CharField,
  EmailField,
  FileField,
  Form,
  FormField,
  FormSet,
  formMeta,
  IntegerField,
  MultipleChoiceField,
  Registry,
  type RequestContext,
  ValidationError,
} from "../../src/index.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";

export const BASE = "http://test.local/api/mizan";
export const TOKEN = "abcdefghijklmnopqrstuvwxyz012345";

class AddressForm extends Form {
  street = new CharField();
  city = new CharField({ required: false });
}

class LineForm extends Form {
  sku = new CharField();
  qty = new IntegerField({ minValue: 1 });
}

export const submitted: unknown[] = [];

export class ContactForm extends Form {
  static override meta = formMeta({ name: "contact", successUrl: "/thanks/" });
  name = new CharField({ maxLength: 50 });
  email = new EmailField();
  topics = new MultipleChoiceField({
    choices: [
      ["news", "News"],
      ["offers", "Offers"],
    ],
    required: false,
  });
  subscribe = new BooleanField({ required: false });
  address = new FormField(AddressForm, { required: false });
  lines = new FormSet(LineForm, { maxNum: 3 });
  attachment = new FileField({ required: false });

  onSubmitSuccess(ctx: RequestContext, data: Record<string, unknown>) {
    if (data.name === "taken") throw new ValidationError("That name is taken.");
    ctx.setCookie("seen", "1");
    submitted.push(data);
    return { ok: true };
  }
}

/** No successUrl, a `p` prefix, and a signed-in user required. */
export class PrefixedForm extends Form {
  static override meta = formMeta({ name: "prefixed", prefix: "p", auth: true });
  email = new EmailField();
  onSubmitSuccess() {
    return "done";
  }
}

export function registry(): Registry {
  const r = new Registry();
  r.register(ContactForm);
  r.register(PrefixedForm);
  return r;
}

export function handlerFor(options: HandlerOptions = {}) {
  return createHandler({
    registry: registry(),
    onError: () => {},
    getUser: (request) => (request.headers.get("x-user") ? { id: 1 } : null),
    ...options,
  });
}

/** The management form of the `lines` formset. */
export function management(total: number | string, initial: number | string = 0) {
  return [
    ["lines-TOTAL_FORMS", String(total)],
    ["lines-INITIAL_FORMS", String(initial)],
    ["lines-MIN_NUM_FORMS", "0"],
    ["lines-MAX_NUM_FORMS", "3"],
  ] as Array<[string, string]>;
}

/** A valid contact post's pairs. */
export function contactPairs(extra: Array<[string, string]> = []): Array<[string, string]> {
  return [
    ["csrfmiddlewaretoken", TOKEN],
    ["name", "Ada"],
    ["email", "ada@example.com"],
    ...management(1),
    ["lines-0-sku", "A1"],
    ["lines-0-qty", "2"],
    ...extra,
  ];
}

export interface PostOptions {
  form?: string;
  query?: string;
  cookie?: string | null;
  headers?: Record<string, string>;
}

function headersFor(options: PostOptions, contentType?: string): Headers {
  const headers = new Headers(options.headers);
  if (contentType) headers.set("content-type", contentType);
  const cookie = options.cookie === undefined ? `csrftoken=${TOKEN}` : options.cookie;
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

function url(options: PostOptions): string {
  return `${BASE}/form/${options.form ?? "contact"}/${options.query ?? ""}`;
}

/** A urlencoded native post. */
export function urlencoded(pairs: Array<[string, string]> | string, options: PostOptions = {}) {
  const body = typeof pairs === "string" ? pairs : new URLSearchParams(pairs).toString();
  return new Request(url(options), {
    method: "POST",
    headers: headersFor(options, "application/x-www-form-urlencoded"),
    body,
  });
}

/** A multipart native post (the boundary set by the FormData body). */
export function multipart(data: FormData, options: PostOptions = {}) {
  return new Request(url(options), { method: "POST", headers: headersFor(options), body: data });
}

/** A raw body with the given content type. */
export function raw(body: string, contentType: string, options: PostOptions = {}) {
  return new Request(url(options), {
    method: "POST",
    headers: headersFor(options, contentType),
    body,
  });
}

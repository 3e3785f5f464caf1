/**
 * The one "signup" form every benchmark uses, declared the mizan way. Its anchors (the same
 * rules as a hand-written Zod schema, and as plain JavaScript) live in signup-anchors.ts.
 */
import {
  BooleanField,
  CharField,
  ChoiceField,
  type CleanedData,
  DateField,
  EmailField,
  Field,
  Form,
  formMeta,
  IntegerField,
  type JsonSchema,
  type JsonValue,
  MaxLengthValidator,
  PasswordInput,
  RegexValidator,
  Registry,
  type RequestContext,
  Textarea,
  URLField,
  ValidationError,
} from "mizan";
import { coerceStrList } from "mizan/runtime";

export const COUNTRIES = ["ar", "br", "ca", "de", "fr", "gb", "in", "jp", "ng", "us"] as const;
const COUNTRY_NAMES = [
  "Argentina",
  "Brazil",
  "Canada",
  "Germany",
  "France",
  "United Kingdom",
  "India",
  "Japan",
  "Nigeria",
  "United States",
];

/**
 * Up to 5 free-text tags of at most 20 characters: a list of strings, which no built-in field
 * holds (MultipleChoiceField needs choices; a FormSet would change the wire shape to
 * `[{ tag }]`; a JSONField takes any JSON). This small custom field keeps the wire shape
 * `string[]`, coerces with the shared `str_list` rule (MultipleChoiceField's `to_python`)
 * and caps the list with a shared MaxLengthValidator, both of which the browser runs too; the
 * per-tag length check is a plain validator, so it is server-only.
 */
export class TagsField extends Field<string[], string[]> {
  static override readonly fieldType: string = "TagsField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid_list: "MultipleChoiceField.invalid_list",
  };

  constructor(options: { required?: boolean; maxTags: number; maxTagLength: number }) {
    super({
      required: options.required ?? true,
      validators: [
        new MaxLengthValidator(
          options.maxTags,
          "Ensure this list has at most %(limit_value)d tags (it has %(show_value)d).",
        ),
        (value: unknown) => {
          for (const tag of value as string[]) {
            if (tag.length > options.maxTagLength) {
              throw new ValidationError(
                "Ensure each tag has at most %(limit_value)d characters (“%(value)s” has %(show_value)d).",
                {
                  code: "tag_max_length",
                  params: { limit_value: options.maxTagLength, value: tag, show_value: tag.length },
                },
              );
            }
          }
        },
      ],
    });
  }

  override toPython(value: unknown): string[] {
    const result = coerceStrList(value, {});
    if (!result.ok) throw this.error(result.code);
    return result.value as string[];
  }

  protected override coerceSpec() {
    return { kind: "str_list", params: {} };
  }

  protected override emptyValue(): JsonValue {
    return [];
  }

  protected override inputSchema(): JsonSchema {
    return { type: "array", items: { type: "string" } };
  }
}

export class SignupForm extends Form<SignupForm> {
  static override meta = formMeta({ name: "signup", title: "Create an account" });
  username = new CharField({
    minLength: 3,
    maxLength: 30,
    validators: [
      new RegexValidator(/^[a-z0-9_]+$/, {
        message: "Use lowercase letters, digits and underscores.",
      }),
    ],
  });
  email = new EmailField();
  password = new CharField({ minLength: 8, strip: false, widget: new PasswordInput() });
  age = new IntegerField({ minValue: 13, maxValue: 120 });
  website = new URLField({ required: false });
  country = new ChoiceField({ choices: COUNTRIES.map((c, i) => [c, COUNTRY_NAMES[i] as string]) });
  agree = new BooleanField({ label: "I accept the terms" });
  bio = new CharField({ required: false, maxLength: 500, widget: new Textarea() });
  birthdate = new DateField();
  tags = new TagsField({ required: false, maxTags: 5, maxTagLength: 20 });

  onSubmitSuccess(_ctx: RequestContext, data: CleanedData<SignupForm>) {
    return { ok: true, username: data.username };
  }
}

export function signupRegistry(): Registry {
  const registry = new Registry();
  registry.register(SignupForm);
  return registry;
}

/** Every field valid. */
export const validSignup = {
  username: "ada_lovelace",
  email: "ada@example.com",
  password: "correct horse battery",
  age: 36,
  website: "https://ada.example.org/notes",
  country: "gb",
  agree: true,
  bio: "Wrote the first published algorithm for the Analytical Engine.",
  birthdate: "1815-12-10",
  tags: ["math", "engines", "poetry"],
};

/** Every field invalid (the worst case: ten errors to build and report). */
export const invalidSignup = {
  username: "Ada Lovelace!",
  email: "ada@",
  password: "short",
  age: 7,
  website: "not a url",
  country: "xx",
  agree: false,
  bio: "x".repeat(501),
  birthdate: "1815-13-45",
  tags: ["a", "b", "c", "d", "e", "this-tag-is-far-too-long"],
};

export const SIGNUP_FIELDS = Object.keys(validSignup);

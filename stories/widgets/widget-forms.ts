/**
 * The widget gallery's forms: one small form per Django widget, and a `…Disabled` twin whose
 * field has `disabled: true` and an initial value. Browser-safe (only `mizan`), so the stories
 * run these classes' real validation in the page; `onSubmitSuccess` echoes the cleaned data.
 */
import {
  BooleanField,
  CharField,
  CheckboxSelectMultiple,
  ChoiceField,
  type CleanedData,
  DateField,
  DateTimeField,
  EmailField,
  FileField,
  Form,
  formMeta,
  HiddenInput,
  IntegerField,
  MultipleChoiceField,
  PasswordInput,
  RadioSelect,
  type RequestContext,
  Textarea,
  TimeField,
} from "mizan";

/** Options every gallery field gets: the disabled twin's `disabled` and `initial`. */
interface Variant {
  disabled: boolean;
  initial?: unknown;
}

const SIZES: Array<[string, string]> = [
  ["s", "Small"],
  ["m", "Medium"],
  ["l", "Large"],
];
const COUNTRIES: Array<[string, string]> = [
  ["eg", "Egypt"],
  ["jo", "Jordan"],
  ["ma", "Morocco"],
];
const TOPPINGS: Array<[string, string]> = [
  ["olives", "Olives"],
  ["za'atar", "Za'atar"],
  ["feta", "Feta"],
];
const DAYS: Array<[string, string]> = [
  ["mon", "Monday"],
  ["wed", "Wednesday"],
  ["fri", "Friday"],
];

/** What the echo returns: the cleaned data, with a File as its name, size and type. */
function echo(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] =
      typeof File !== "undefined" && value instanceof File
        ? { name: value.name, size: value.size, type: value.type }
        : value;
  }
  return { cleaned: out };
}

function singleFieldForm(name: string, title: string, field: (variant: Variant) => unknown) {
  class WidgetForm extends Form {
    static override meta = formMeta({ name, title });
    value = field({ disabled: false }) as CharField;
    async onSubmitSuccess(_ctx: RequestContext, data: CleanedData<WidgetForm>) {
      return echo(data);
    }
  }
  return WidgetForm;
}

/** The normal form and its disabled twin, registered as `<name>` and `<name>Disabled`. */
function pair(
  name: string,
  title: string,
  initial: unknown,
  make: (variant: Variant) => unknown,
): [typeof Form, typeof Form] {
  const normal = singleFieldForm(name, title, make);
  const disabled = singleFieldForm(`${name}Disabled`, `${title} (disabled)`, (v) =>
    make({ ...v, disabled: true, initial }),
  );
  return [normal, disabled];
}

export const widgetForms: Array<typeof Form> = [
  ...pair(
    "widgetText",
    "Text input",
    "Ada Lovelace",
    (v) => new CharField({ label: "Full name", maxLength: 20, ...v }),
  ),
  ...pair(
    "widgetTextarea",
    "Textarea",
    "Poet of mathematics.",
    (v) => new CharField({ label: "Bio", widget: new Textarea({ rows: 3 }), minLength: 10, ...v }),
  ),
  ...pair(
    "widgetNumber",
    "Number input",
    3,
    (v) => new IntegerField({ label: "Quantity", minValue: 1, maxValue: 10, ...v }),
  ),
  ...pair(
    "widgetEmail",
    "Email input",
    "ada@example.com",
    (v) => new EmailField({ label: "Email", ...v }),
  ),
  ...pair(
    "widgetPassword",
    "Password input",
    "s3cret-pass",
    (v) =>
      new CharField({
        label: "Password",
        widget: new PasswordInput(),
        minLength: 8,
        strip: false,
        ...v,
      }),
  ),
  ...pair(
    "widgetCheckbox",
    "Checkbox",
    true,
    (v) => new BooleanField({ label: "Subscribe to the newsletter", ...v }),
  ),
  ...pair(
    "widgetSelect",
    "Select",
    "jo",
    (v) => new ChoiceField({ label: "Country", choices: COUNTRIES, ...v }),
  ),
  ...pair(
    "widgetRadio",
    "Radio select",
    "m",
    (v) => new ChoiceField({ label: "Size", widget: new RadioSelect(), choices: SIZES, ...v }),
  ),
  ...pair(
    "widgetSelectMultiple",
    "Select multiple",
    ["olives", "feta"],
    (v) => new MultipleChoiceField({ label: "Toppings", choices: TOPPINGS, ...v }),
  ),
  ...pair(
    "widgetCheckboxGroup",
    "Checkbox group",
    ["mon", "fri"],
    (v) =>
      new MultipleChoiceField({
        label: "Days",
        widget: new CheckboxSelectMultiple(),
        choices: DAYS,
        ...v,
      }),
  ),
  ...pair("widgetDate", "Date input", "2024-02-29", (v) => new DateField({ label: "Day", ...v })),
  ...pair("widgetTime", "Time input", "09:30", (v) => new TimeField({ label: "Start time", ...v })),
  ...pair(
    "widgetDateTime",
    "Date-time input",
    "2024-02-29T09:30",
    (v) => new DateTimeField({ label: "Appointment", ...v }),
  ),
  ...pair(
    "widgetFile",
    "File input",
    null,
    (v) =>
      // A disabled file input has nothing to send: the twin is optional.
      new FileField({ label: "Attachment", maxSize: 1024, ...v, required: !v.disabled }),
  ),
  ...pair(
    "widgetHidden",
    "Hidden input",
    "csrf-1234",
    (v) =>
      // Hidden fields carry a value the page put there: both twins start with one.
      new CharField({ label: "Token", widget: new HiddenInput(), initial: "csrf-1234", ...v }),
  ),
];

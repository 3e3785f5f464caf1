/** Words of a registered name: `user_profile`, `user-profile`, `userProfile` → user, profile. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `user_profile` → `UserProfile`. */
export function pascalCase(name: string): string {
  const pascal = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return /^[0-9]/.test(pascal) ? `_${pascal}` : pascal;
}

/** `user_profile` → `userProfile`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `user_profile` → `user-profile` (file names are kebab-case). */
function kebabCase(name: string): string {
  return words(name).join("-") || "_";
}

/** The identifiers and file generated for one form. */
export interface FormNames {
  form: string;
  file: string;
  schema: string;
  values: string;
  data: string;
  meta: string;
  version: string;
  hook: string;
  options: string;
}

/**
 * `contact` → `contactSchema`, `ContactFormValues`, `ContactFormData`, `contactFormMeta`,
 * `contactFormVersion`, `useContactForm`, `UseContactFormOptions`, in `forms/contact.ts`.
 */
export function formNames(form: string): FormNames {
  const camel = camelCase(form);
  const pascal = pascalCase(form);
  return {
    form,
    file: `forms/${kebabCase(form)}.ts`,
    schema: `${camel}Schema`,
    values: `${pascal}FormValues`,
    data: `${pascal}FormData`,
    meta: `${camel}FormMeta`,
    version: `${camel}FormVersion`,
    hook: `use${pascal}Form`,
    options: `Use${pascal}FormOptions`,
  };
}

/** The identifiers generated for one plain function (`users.list` → `createUsersListCaller`). */
export interface FunctionNames {
  fn: string;
  input: string;
  output: string;
  caller: string;
}

export function functionNames(fn: string): FunctionNames {
  const pascal = pascalCase(fn);
  return {
    fn,
    input: `${pascal}Input`,
    output: `${pascal}Output`,
    caller: `create${pascal}Caller`,
  };
}

/** The first line(s) of a generated form hook, wrapped when longer than 100 characters. */
export function hookSignature(names: FormNames): string[] {
  const head = `export function ${names.hook}<TResult = unknown>(`;
  const param = `options: ${names.options}<TResult> = {}`;
  const line = `${head}${param}) {`;
  return line.length <= 100 ? [line] : [head, `  ${param},`, ") {"];
}

import type { FieldValues, Path, RegisterOptions, UseFormReturn } from "react-hook-form";

/** An event target as react-hook-form reads it, answering to the registered path as its name. */
function namedTarget(target: unknown, path: string): unknown {
  if (!target || typeof target !== "object") return target;
  const element = target as {
    type?: unknown;
    value?: unknown;
    checked?: unknown;
    files?: unknown;
  };
  return {
    name: path,
    type: element.type,
    value: element.value,
    checked: element.checked,
    files: element.files,
  };
}

/**
 * `useMizanForm`'s `register`: the element's `name` is Django's (`items-0-qty`), what a
 * native post sends; react-hook-form finds the field by the event target's name, so its
 * events are handed on under the registered path. A blur is also told to the live checks.
 * (`useMizanFormBase` takes top-level fields only, whose names are their paths.)
 */
export function nestedRegister(
  form: UseFormReturn<FieldValues>,
  path: Path<FieldValues>,
  options: RegisterOptions<FieldValues> | undefined,
  onFieldBlur: (path: string) => void,
) {
  const props = form.register(path, options);
  const name = path.replaceAll(".", "-") as typeof path;
  const asPath = (event: { type?: unknown; target: unknown }) =>
    name === path ? event : { type: event.type, target: namedTarget(event.target, path) };
  return {
    ...props,
    name,
    onChange: (event: { type?: unknown; target: unknown }) => props.onChange(asPath(event)),
    onBlur: async (event: { type?: unknown; target: unknown }) => {
      const out = await props.onBlur(asPath(event));
      onFieldBlur(path);
      return out;
    },
  } as typeof props;
}

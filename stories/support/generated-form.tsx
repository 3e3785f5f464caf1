import { formNames } from "mizan/codegen";
import { MizanForm, type MizanFormMeta, useMizanForm } from "mizan/react";
import type { ReactNode } from "react";
import { ResultView } from "./with-demo.js";

/** One form's generated exports, looked up by its registered name. */
export interface GeneratedForm {
  name: string;
  /** `zod/mini` (what `mizan generate` writes by default) or classic, as `useMizanForm` takes. */
  schema: Parameters<typeof useMizanForm>[0]["schema"];
  meta: MizanFormMeta;
  version: string;
}

/**
 * The `<name>Schema`, `<name>FormMeta` and `<name>FormVersion` a generated client (its
 * `index.ts`, imported as a namespace) exports for a form; `undefined` when it was not generated.
 */
export function generatedForm(
  client: Record<string, unknown>,
  name: string,
): GeneratedForm | undefined {
  const names = formNames(name);
  const schema = client[names.schema];
  const meta = client[names.meta];
  const version = client[names.version];
  if (!schema || !meta || typeof version !== "string") return undefined;
  return { name, schema: schema as GeneratedForm["schema"], meta: meta as MizanFormMeta, version };
}

/**
 * What `use<Name>Form()` + `<MizanForm>` render, for a form chosen at run time (the generated
 * hooks are `useMizanForm` with these four options).
 */
export function GeneratedFormView({
  form: generated,
  submitLabel,
  children,
}: {
  form: GeneratedForm;
  submitLabel?: string;
  children?: ReactNode;
}) {
  const form = useMizanForm({
    name: generated.name,
    schema: generated.schema,
    meta: generated.meta,
    version: generated.version,
  });
  return (
    <MizanForm
      form={form}
      submitLabel={submitLabel ?? "Submit"}
      renderResult={(result) => <ResultView result={result} />}
    >
      {children}
    </MizanForm>
  );
}

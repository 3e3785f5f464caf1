import type { FormDescriptor } from "./meta.js";
import { CSRF_FIELD_NAME, csrfCookie, hasFileFields, nativeFormAction } from "./native-form.js";
import { useMizanPage } from "./provider.js";

/** The attributes that make a `<form>` post natively to the handler's form endpoint. */
export interface NativeFormProps {
  method: "post";
  /** `{baseUrl}/form/<name>/`; undefined when the provider has no `baseUrl`. */
  action: string | undefined;
  /** `multipart/form-data` when the form has a file field. */
  encType: "multipart/form-data" | undefined;
}

/**
 * `method`, `action` and `encType` for a form laid out by hand with `form.register`, so it
 * also posts without JavaScript (`<MizanForm>` sets them itself). Put `<MizanCsrfField />`
 * inside it.
 *
 * @example
 * const form = useSignupForm();
 * <form {...useNativeFormProps(form)} onSubmit={form.submit} noValidate>
 *   <MizanCsrfField />
 *   <input {...form.register("username")} />
 * </form>
 */
export function useNativeFormProps(form: {
  name: string;
  meta?: FormDescriptor | undefined;
}): NativeFormProps {
  const { baseUrl } = useMizanPage();
  return {
    method: "post",
    action: nativeFormAction(baseUrl, form.meta?.name || form.name),
    encType: form.meta && hasFileFields(form.meta) ? "multipart/form-data" : undefined,
  };
}

/**
 * Django's hidden `csrfmiddlewaretoken` field: `token`, else the provider's `csrfToken`,
 * else (in a browser) the `csrftoken` cookie.
 *
 * @example
 * <MizanCsrfField />
 */
export function MizanCsrfField({ token }: { token?: string | undefined }) {
  const page = useMizanPage();
  const value = token ?? page.csrfToken ?? csrfCookie() ?? "";
  return <input type="hidden" name={CSRF_FIELD_NAME} value={value} readOnly />;
}

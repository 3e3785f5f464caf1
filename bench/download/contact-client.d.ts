// The generated client of the contact form: download.ts generates it and points this
// specifier at it when bundling.
declare module "mizan-bench-contact-client" {
  // biome-ignore lint/suspicious/noExplicitAny: the generator decides the form's types
  export function useContactForm<TResult = unknown>(): any;
}

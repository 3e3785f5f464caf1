/** The media types a call may be sent as. */
export const JSON_TYPE = "application/json";
export const MULTIPART_TYPE = "multipart/form-data";
export const URLENCODED_TYPE = "application/x-www-form-urlencoded";

/** `"Application/JSON; charset=utf-8"` → `"application/json"`; `""` when absent. */
export function mediaType(contentType: string | null | undefined): string {
  if (!contentType) return "";
  const semicolon = contentType.indexOf(";");
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

// The domain-name pieces of Django 6's DomainNameValidator that EmailValidator and
// URLValidator share, as regex source. Browser-safe, no imports.

// Under re.IGNORECASE, an ASCII letter class also matches these four (İ ı ſ K), which
// lowercase or fold into a-z; JS has no flag that does the same, so the classes list them.
export const FOLDS = "\\u0130\\u0131\\u017f\\u212a";
// Django's `ul`: the "Unicode letters range" of DomainNameValidator.
const UL = "\\u00a1-\\uffff";

const HOST_CHAR = `[a-zA-Z0-9${UL}]`;
// DomainNameValidator.hostname_re; domain_re is the same label after a dot. The
// `(?!-)…(?<!-)` of Django's patterns is spelled without lookbehind (older Safari lacks it).
export const LABEL = `${HOST_CHAR}(?:[a-zA-Z0-9${UL}-]{0,61}${HOST_CHAR})?`;
// tld_no_fqdn_re: no digits, except in an `xn--` label.
export const TLD = `\\.(?:[a-zA-Z${UL}][a-zA-Z${UL}-]{0,61}[a-zA-Z${UL}]|[xX][nN]--[a-zA-Z0-9${FOLDS}]{1,59})`;

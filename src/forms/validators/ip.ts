import { ipv4Rule, ipv6Rule, ipv46Rule } from "../rules/ip.js";
import { RuleValidator } from "./validator.js";

/** Django's `validate_ipv4_address` ("Enter a valid IPv4 address."). */
export const validateIpv4Address = new RuleValidator("ipv4", ipv4Rule, {
  code: "invalid",
  params: { protocol: "IPv4" },
  messageKey: "validate_ipv4_address.invalid",
});

/** Django's `validate_ipv6_address` (at most 39 characters, as Django 6 checks). */
export const validateIpv6Address = new RuleValidator("ipv6", ipv6Rule, {
  code: "invalid",
  params: { protocol: "IPv6" },
  messageKey: "validate_ipv6_address.invalid",
});

/** Django's `validate_ipv46_address` ("Enter a valid IPv4 or IPv6 address."). */
export const validateIpv46Address = new RuleValidator("ipv46", ipv46Rule, {
  code: "invalid",
  params: { protocol: "IPv4 or IPv6" },
  messageKey: "validate_ipv46_address.invalid",
  paramKeys: { protocol: "validate_ipv46_address.protocol" },
});

/** The protocols GenericIPAddressField accepts (compared case-insensitively). */
export type IPProtocol = "both" | "IPv4" | "IPv6";

/**
 * Django's `ip_address_validators`: the validator for `protocol`. Throws like Django for an
 * unknown protocol, or for `unpackIpv4` with a protocol other than (exactly) `"both"`.
 *
 * @example
 * ipAddressValidators("IPv4", false); // [validateIpv4Address]
 */
export function ipAddressValidators(protocol: string, unpackIpv4: boolean): RuleValidator[] {
  if (protocol !== "both" && unpackIpv4) {
    throw new Error("You can only use `unpack_ipv4` if `protocol` is set to 'both'");
  }
  const map: Record<string, RuleValidator> = {
    both: validateIpv46Address,
    ipv4: validateIpv4Address,
    ipv6: validateIpv6Address,
  };
  const validator = map[protocol.toLowerCase()];
  if (!validator) {
    throw new Error(`The protocol '${protocol}' is unknown. Supported: ['both', 'ipv4', 'ipv6']`);
  }
  return [validator];
}

import { coerceIp, MAX_IPV6_ADDRESS_LENGTH } from "../rules/ip.js";
import type { CoerceSpec } from "../rules/types.js";
import { type IPProtocol, ipAddressValidators } from "../validators/ip.js";
import { CharField, type CharFieldOptions } from "./char-field.js";

export interface GenericIPAddressFieldOptions extends Omit<CharFieldOptions<string>, "emptyValue"> {
  /** `"both"` (default), `"IPv4"` or `"IPv6"`, in any case. */
  protocol?: IPProtocol | Lowercase<IPProtocol>;
  /** Clean an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) to the IPv4 one; `protocol` "both" only. */
  unpackIpv4?: boolean;
}

/**
 * Django's GenericIPAddressField: strips; an IPv6 address is cleaned to its compressed
 * lowercase form (`"2001:0::0:01"` → `"2001::1"`), an IPv4-mapped one to `::ffff:a.b.c.d`
 * (or `a.b.c.d` with `unpackIpv4`). `maxLength` defaults to 39. Cleans to a `string`
 * (`""` when empty).
 *
 * @example
 * ip = new GenericIPAddressField({ protocol: "IPv4" });
 */
export class GenericIPAddressField extends CharField<string> {
  static override readonly fieldType: string = "GenericIPAddressField";
  // The message of django.utils.ipv6.clean_ipv6_address, raised by to_python.
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "clean_ipv6_address.invalid",
  };
  readonly protocol: string;
  readonly unpackIpv4: boolean;

  constructor(options: GenericIPAddressFieldOptions = {}) {
    const { protocol = "both", unpackIpv4 = false, ...rest } = options;
    const validators = ipAddressValidators(protocol, unpackIpv4);
    super({ ...rest, maxLength: rest.maxLength ?? MAX_IPV6_ADDRESS_LENGTH });
    this.protocol = protocol;
    this.unpackIpv4 = unpackIpv4;
    this.validators.unshift(...validators);
  }

  override toPython(value: unknown): string {
    const result = coerceIp(value, this.coerceSpec().params);
    if (!result.ok) throw this.error(result.code, result.params);
    return result.value as string;
  }

  protected override coerceSpec(): CoerceSpec {
    return {
      kind: "ip",
      params: {
        unpack_ipv4: this.unpackIpv4,
        max_length: this.maxLength ?? MAX_IPV6_ADDRESS_LENGTH,
      },
    };
  }

  protected override emptyValue(): string {
    return "";
  }

  protected override constraints(): Record<string, unknown> {
    return { ...super.constraints(), protocol: this.protocol, unpack_ipv4: this.unpackIpv4 };
  }
}

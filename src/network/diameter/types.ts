// Core value types of the Diameter stack. Everything else (codec, dictionary, peers) speaks these.

/** A value or an expected failure; exceptions are kept for bugs. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({
  ok: true,
  value,
});
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});

/** RFC 6733 §4.2 basic formats plus the derived formats of §4.3 that we decode. */
export type AvpType =
  | "OctetString"
  | "Integer32"
  | "Integer64"
  | "Unsigned32"
  | "Unsigned64"
  | "Float32"
  | "Float64"
  | "Grouped"
  | "Address"
  | "Time"
  | "UTF8String"
  | "DiameterIdentity"
  | "DiameterURI"
  | "Enumerated"
  | "IPFilterRule";

/**
 * Address AVP value. IPv4 and IPv6 are decoded to text; any other IANA address family
 * (E.164 = 8, …) is kept as raw bytes so that it survives a round trip untouched.
 */
export type DiameterAddress =
  | { readonly family: "ipv4"; readonly address: string }
  | { readonly family: "ipv6"; readonly address: string }
  | {
      readonly family: "other";
      readonly familyNumber: number;
      readonly bytes: Buffer;
    };

/** The TypeScript value of each AVP type. 64-bit integers are bigint: counters exceed 2^53. */
export interface AvpValueMap {
  OctetString: Buffer;
  Integer32: number;
  Integer64: bigint;
  Unsigned32: number;
  Unsigned64: bigint;
  Float32: number;
  Float64: number;
  Grouped: readonly Avp[];
  Address: DiameterAddress;
  Time: Date;
  UTF8String: string;
  DiameterIdentity: string;
  DiameterURI: string;
  Enumerated: number;
  IPFilterRule: string;
}

export type AvpValue<T extends AvpType> = AvpValueMap[T];

/** AVP flag bits (RFC 6733 §4.1). */
export const AvpFlag = {
  vendor: 0x80,
  mandatory: 0x40,
  protected: 0x20,
} as const;

/**
 * One AVP as it travels: header fields plus its data without padding. On receipt `data` is a
 * subarray of the read buffer (no copy); a Grouped AVP's children are parsed only when asked.
 */
export interface Avp {
  readonly code: number;
  /** Raw flag byte: V/M/P plus reserved bits, kept as received. */
  readonly flags: number;
  /** 0 when the V bit is clear. */
  readonly vendorId: number;
  readonly data: Buffer;
}

/** Command flags (RFC 6733 §3). */
export interface MessageFlags {
  readonly request: boolean;
  readonly proxiable: boolean;
  readonly error: boolean;
  readonly retransmitted: boolean;
}

export interface DiameterMessage {
  readonly flags: MessageFlags;
  readonly commandCode: number;
  readonly applicationId: number;
  readonly hopByHopId: number;
  readonly endToEndId: number;
  readonly avps: readonly Avp[];
}

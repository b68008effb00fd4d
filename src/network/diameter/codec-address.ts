// Address AVP format (RFC 6733 §4.3.1): a 2-byte IANA address family, then the address.
import { isIPv4, isIPv6 } from "node:net";
import { type DiameterAddress, err, ok, type Result } from "./types.ts";

const FAMILY_IPV4 = 1;
const FAMILY_IPV6 = 2;

const ipv4ToBytes = (text: string): Buffer => Buffer.from(text.split(".").map(Number));

/** Expands "::" and an embedded dotted quad into 16 bytes. Input already checked by isIPv6. */
const ipv6ToBytes = (text: string): Buffer => {
  // A zone index ("%eth0") is local to the sender and has no place on the wire.
  let source = text.split("%")[0] ?? text;
  const dotted = source.lastIndexOf(":");
  const tail = source.slice(dotted + 1);
  if (isIPv4(tail)) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split(".").map(Number);
    source = `${source.slice(0, dotted + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = source.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const restGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const zeros = 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : zeros).fill("0"), ...restGroups];
  const buf = Buffer.alloc(16);
  groups.forEach((group, i) => {
    buf.writeUInt16BE(Number.parseInt(group, 16), i * 2);
  });
  return buf;
};

/** RFC 5952 text: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
const ipv6ToText = (bytes: Buffer): string => {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  const left = hex.slice(0, bestStart).join(":");
  const right = hex.slice(bestStart + bestLength).join(":");
  return `${left}::${right}`;
};

export const ipv4 = (address: string): DiameterAddress => ({
  family: "ipv4",
  address,
});
export const ipv6 = (address: string): DiameterAddress => ({
  family: "ipv6",
  address,
});

/** Chooses the family from the text form; for Host-IP-Address built from a socket address. */
export const addressFromText = (text: string): DiameterAddress | undefined => {
  if (isIPv4(text)) return ipv4(text);
  const mapped = text.startsWith("::ffff:") ? text.slice(7) : undefined;
  if (mapped !== undefined && isIPv4(mapped)) return ipv4(mapped);
  if (isIPv6(text)) return ipv6(text);
  return undefined;
};

export const encodeAddress = (value: DiameterAddress): Buffer => {
  const family = Buffer.alloc(2);
  switch (value.family) {
    case "ipv4":
      if (!isIPv4(value.address)) throw new RangeError(`not an IPv4 address: ${value.address}`);
      family.writeUInt16BE(FAMILY_IPV4);
      return Buffer.concat([family, ipv4ToBytes(value.address)]);
    case "ipv6":
      if (!isIPv6(value.address)) throw new RangeError(`not an IPv6 address: ${value.address}`);
      family.writeUInt16BE(FAMILY_IPV6);
      return Buffer.concat([family, ipv6ToBytes(value.address)]);
    case "other":
      family.writeUInt16BE(value.familyNumber);
      return Buffer.concat([family, value.bytes]);
  }
};

export const decodeAddress = (data: Buffer): Result<DiameterAddress, string> => {
  if (data.length < 2) return err("Address shorter than its family field");
  const familyNumber = data.readUInt16BE(0);
  const bytes = data.subarray(2);
  if (familyNumber === FAMILY_IPV4) {
    if (bytes.length !== 4) return err(`IPv4 Address with ${bytes.length} bytes`);
    return ok(ipv4(Array.from(bytes).join(".")));
  }
  if (familyNumber === FAMILY_IPV6) {
    if (bytes.length !== 16) return err(`IPv6 Address with ${bytes.length} bytes`);
    return ok(ipv6(ipv6ToText(bytes)));
  }
  return ok({ family: "other", familyNumber, bytes });
};

// Hop-by-Hop and End-to-End identifiers (RFC 6733 §3).
import { randomInt } from "node:crypto";

const U32 = 2 ** 32;

export class IdGenerator {
  private hopByHop: number;
  private endToEnd: number;

  /**
   * End-to-End: the high 12 bits carry the low 12 bits of the start time and the low 20 bits
   * a random start, so that identifiers stay unique across restarts (duplicate detection).
   */
  constructor(nowSeconds: number) {
    this.hopByHop = randomInt(0, 2 ** 31);
    this.endToEnd = (((nowSeconds & 0xfff) << 20) | randomInt(0, 2 ** 20)) >>> 0;
  }

  nextHopByHop(): number {
    this.hopByHop = (this.hopByHop + 1) % U32;
    return this.hopByHop;
  }

  nextEndToEnd(): number {
    this.endToEnd = (this.endToEnd + 1) % U32;
    return this.endToEnd;
  }
}

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gyCcrMessage } from "../../../test/peers/diameter/fixtures.ts";
import { decodeMessage, encodeMessage, type FrameEvent, MessageFramer } from "./index.ts";

const three = [1, 2, 3].map((n) => encodeMessage(gyCcrMessage(`gw;${n}`, n, n)));

const messages = (events: FrameEvent[]): Buffer[] => events.flatMap((e) => (e.kind === "message" ? [e.bytes] : []));

const feed = (framer: MessageFramer, chunks: Buffer[]): FrameEvent[] => chunks.flatMap((c) => framer.push(c));

const hopByHops = (frames: Buffer[]): number[] =>
  frames.map((f) => {
    const decoded = decodeMessage(f);
    assert.ok(decoded.ok);
    return decoded.value.hopByHopId;
  });

describe("stream framing", () => {
  it("splits several messages delivered in one read", () => {
    const events = new MessageFramer().push(Buffer.concat(three));
    assert.deepEqual(hopByHops(messages(events)), [1, 2, 3]);
  });

  it("returns coalesced messages as views on the read buffer (no copy)", () => {
    const chunk = Buffer.concat(three);
    const [first] = messages(new MessageFramer().push(chunk));
    assert.equal(first?.buffer, chunk.buffer);
  });

  it("reassembles a message delivered byte by byte", () => {
    const bytes = Buffer.concat(three);
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    assert.deepEqual(hopByHops(messages(feed(new MessageFramer(), chunks))), [1, 2, 3]);
  });

  it("handles a split inside the header and a split across two messages", () => {
    const bytes = Buffer.concat(three);
    const a = three[0]?.length ?? 0;
    const cuts = [3, a - 1, a + 7, bytes.length - 2];
    const chunks = cuts.map((cut, i) => bytes.subarray(i === 0 ? 0 : cuts[i - 1], cut));
    chunks.push(bytes.subarray(cuts[cuts.length - 1]));
    const frames = messages(feed(new MessageFramer(), chunks));
    assert.deepEqual(hopByHops(frames), [1, 2, 3]);
    assert.deepEqual(Buffer.concat(frames), bytes);
  });

  it("reports an unsupported version as fatal and stops", () => {
    const bad = Buffer.from(three[0] ?? []);
    bad[0] = 2;
    const framer = new MessageFramer();
    const events = framer.push(bad);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.kind === "fatal" ? events[0].problem.code : "", "unsupported_version");
    assert.deepEqual(framer.push(three[1] ?? Buffer.alloc(0)), []);
  });

  it("reports a length that is not a multiple of 4, too short or too large as fatal", () => {
    for (const length of [21, 8, 4 << 20]) {
      const bad = Buffer.from(three[0] ?? []);
      bad.writeUIntBE(length, 1, 3);
      const [event] = new MessageFramer().push(bad);
      assert.equal(event?.kind === "fatal" ? event.problem.code : "", "invalid_message_length");
    }
  });
});

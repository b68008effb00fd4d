import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { partitionOf } from "../../domain/index.ts";
import { decodeBatch, MAX_RECORDS_PER_MESSAGE } from "./batch.ts";
import { partitionOfRecord, publishUsage } from "./publish.ts";
import { interchangeLines } from "./records.ts";
import { subjects } from "./subjects.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
const record = (id: string, line = "L1") =>
  JSON.stringify({ record_id: id, line_id: line, service: "data", started_at: "2009-10-02T10:00:00Z", bytes_up: 1, bytes_down: 2, serving_plmn: "20801" });
const P = partitionOf("L1");

describe("a stream message as a batch of usage records", () => {
  it("reads every record, keeps bad ones as coded rejects with their line in the message", () => {
    const decoded = decodeBatch(bytes(`${record("a")}\n{oops\n${record("b")}\n`), P, "nats:USAGE/7");
    assert.ok(decoded.ok);
    assert.deepEqual(
      decoded.records.map((r) => [r.recordId, r.lineNo]),
      [
        ["a", 1],
        ["b", 3],
      ],
    );
    assert.deepEqual(
      decoded.rejects.map((r) => [r.source, r.lineNo, r.code]),
      [["nats:USAGE/7", 2, "malformed_json"]],
    );
  });

  it("rejects a record published on another line's partition", () => {
    const other = ["L2", "L3", "L4", "L5"].find((l) => partitionOf(l) !== P) as string;
    const decoded = decodeBatch(bytes(`${record("a")}\n${record("b", other)}`), P, "s");
    assert.ok(decoded.ok);
    assert.equal(decoded.records.length, 1);
    assert.equal(decoded.rejects[0]?.code, "wrong_partition");
  });

  it("calls poison what is no batch at all: bad UTF-8, nothing, too much", () => {
    assert.deepEqual(decodeBatch(new Uint8Array([0x7b, 0xff, 0xfe]), P, "s"), {
      ok: false,
      code: "malformed_utf8_batch",
      message: "the message body is not valid UTF-8",
    });
    assert.equal(decodeBatch(bytes("\n \n"), P, "s").ok === false && "empty", "empty");
    const huge = Array.from({ length: MAX_RECORDS_PER_MESSAGE + 1 }, (_, i) => record(`r${i}`)).join("\n");
    const decoded = decodeBatch(bytes(huge), P, "s");
    assert.equal(decoded.ok ? "ok" : decoded.code, "batch_too_large");
  });

  it("names subjects by partition, and reads the partition back only from its own subjects", () => {
    const on = subjects();
    assert.equal(on.usage(17), "usage.17");
    assert.equal(on.dead(17), "usage.dead.17");
    assert.equal(on.partitionOf("usage.17"), 17);
    for (const s of ["usage.256", "usage.dead.1", "usage.x", "other.1", "usage.", "usage.1.2"]) assert.equal(on.partitionOf(s), undefined, s);
    assert.equal(subjects("t1.usage").partitionOf("t1.usage.3"), 3);
  });

  it("publishes a record on its line's partition, by line_id, else IMSI or MSISDN", () => {
    assert.equal(partitionOfRecord(record("a", "L1")), P);
    assert.equal(partitionOfRecord(JSON.stringify({ imsi: "208013000000001" })), partitionOf("208013000000001"));
    assert.equal(partitionOfRecord("not json"), 0);
  });

  it("reads line_id without parsing only when that is unambiguous, and always as JSON.parse would", () => {
    const parsed = (line: string) => {
      try {
        const r = JSON.parse(line) as Record<string, unknown>;
        const key = [r.line_id, r.imsi, r.msisdn].find((v) => typeof v === "string" || typeof v === "number");
        return key === undefined ? 0 : partitionOf(String(key));
      } catch {
        return 0;
      }
    };
    for (const line of [
      record("a", "B0"),
      '{"line_id":"B\\"0"}',
      '{"line_id":"B\\u0030"}',
      '{"a":"\\"line_id\\":\\"X\\"","line_id":"B0"}',
      '{"a":{"line_id":"X"},"imsi":"208013000000001"}',
      '{"line_id":"A","line_id":"B"}',
      '{"line_id":12}',
      '{"line_id":"B0" }',
      '{"a":"line_id","line_id":"Q"}',
      '{"line_id":"","imsi":"208013000000001"}',
      '{"x":"é","line_id":"ligne-é"}',
    ])
      assert.equal(partitionOfRecord(line), parsed(line), line);
  });

  it("sends partial batches once too many records wait, in partition order, the same messages each time", async () => {
    const sent: { subject: string; records: number; id: string | undefined }[] = [];
    const js = {
      publish: async (subject: string, body: string, opts?: { msgID?: string }) => {
        sent.push({ subject, records: body.split("\n").length - 1, id: opts?.msgID });
        return { duplicate: false };
      },
    } as unknown as Parameters<typeof publishUsage>[0];
    const lines = Array.from({ length: 10 }, (_, i) => record(`r${i}`, i % 2 === 0 ? "L1" : "B0"));
    const report = await publishUsage(js, lines, { recordsPerMessage: 4, maxBuffered: 3 });
    // L1 is partition 110, B0 239: each flush sends L1's batch first.
    const [l1, b0] = ["usage.110", "usage.239"];
    assert.deepEqual(
      sent.map((m) => [m.subject, m.records]),
      [
        [l1, 2],
        [b0, 1],
        [l1, 1],
        [b0, 2],
        [l1, 2],
        [b0, 1],
        [b0, 1],
      ],
    );
    assert.equal(report.records, 10);
    const again: string[] = [];
    const js2 = {
      publish: async (_s: string, _b: string, opts?: { msgID?: string }) => {
        again.push(opts?.msgID ?? "");
        return { duplicate: false };
      },
    } as unknown as Parameters<typeof publishUsage>[0];
    await publishUsage(js2, lines, { recordsPerMessage: 4, maxBuffered: 3 });
    assert.deepEqual(
      again,
      sent.map((m) => m.id),
    );
  });

  it("turns CSV rows into interchange objects, and passes a broken row on for the consumer to reject", () => {
    const lines = interchangeLines("u.csv", 'record_id,line_id,bytes_up,session_id\nr1,L1,5,\n"r2,L1\nr3,L1,7,"s,1"\n');
    assert.deepEqual(lines, ['{"record_id":"r1","line_id":"L1","bytes_up":"5"}', JSON.stringify('"r2,L1\nr3,L1,7,"s,1"\n')]);
    const decoded = decodeBatch(bytes(lines.join("\n")), P, "s");
    assert.deepEqual(decoded.ok && decoded.rejects.map((r) => r.code), ["invalid_service", "malformed_json"], "the first lacks a service");
    assert.deepEqual(interchangeLines("u.jsonl", "a\nb"), ["a", "b"]);
  });
});

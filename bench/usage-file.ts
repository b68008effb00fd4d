import { createWriteStream } from "node:fs";
import { KIB } from "../src/domain/index.ts";

const DOMESTIC = ["20801", "20801", "20801", "20801", "20810", "20820"];
const ROAMING = ["20610", "21401", "26201"];

/**
 * Writes a lines file and a usage file of `records` data records spread over `lines` lines.
 * One line in twelve travels (a third of its records on EU networks); the others stay home —
 * about the share of travellers in the 2009 segment.
 */
export async function writeWorkload(dir: string, lines: number, records: number): Promise<{ linesFile: string; usageFile: string }> {
  const linesFile = `${dir}/bench-lines.csv`;
  const usageFile = `${dir}/bench-usage.csv`;
  await writeAll(linesFile, function* () {
    yield "line_id,account_id,imsi,msisdn,plan_id\n";
    for (let i = 0; i < lines; i++) {
      yield `B${i},A${i},20801${String(3_000_000_000 + i)},337${String(10_000_000 + i)},${i % 2 ? "pro-everywhere-95" : "pro-everywhere-50"}\n`;
    }
  });
  await writeAll(usageFile, function* () {
    yield "record_id,line_id,service,started_at,duration_s,bytes_up,bytes_down,serving_plmn,rating_group,session_id\n";
    const start = Date.UTC(2009, 9, 1, 0, 0, 0);
    for (let i = 0; i < records; i++) {
      const at = new Date(start + Math.floor((i / records) * 30 * 86_400_000)).toISOString().replace(".000Z", "Z");
      const kib = 1 + ((i * 7919) % 4096);
      yield `r${i},B${i % lines},data,${at},${i % 3600},${kib * 100},${kib * KIB - kib * 100},${plmn(i, i % lines)},1,s${i % lines}\n`;
    }
  });
  return { linesFile, usageFile };
}

async function writeAll(path: string, rows: () => Generator<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = "";
  for (const row of rows()) {
    buffer += row;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function plmn(record: number, line: number): string {
  if (line % 12 === 0 && record % 3 === 0) return ROAMING[(record / 3) % ROAMING.length] as string;
  return DOMESTIC[record % DOMESTIC.length] as string;
}

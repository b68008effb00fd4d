import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, startNetwork } from "../src/app/index.ts";
import { LINES_HEADER } from "../src/demo/records.ts";
import { KIB } from "../src/domain/index.ts";
import { ApplicationId, avp, BaseAvps as Base, CreditControlAvps as Cc, group, readValue, startDiameterServer } from "../src/network/diameter/index.ts";
import { type Cca, connectGateway, type Gateway } from "../test/peers/gy/gateway.ts";
import { report } from "./report.ts";

const START = Date.parse("2009-10-12T08:00:00Z");

interface Load {
  readonly ccrPerS: number;
  readonly p99Ms: number;
  readonly failures: number;
}

/**
 * Drives Gy sessions (CCR-I, three CCR-U with used units, CCR-T) from `peers` gateways, each
 * with `perPeer` sessions in flight, over TCP with our Diameter client.
 */
async function drive(port: number, sessions: number, peers: number, perPeer: number, lines: number): Promise<Load> {
  const gws: Gateway[] = [];
  for (let p = 0; p < peers; p++) gws.push(await connectGateway(port, `pgw${p}.bench.example`));
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const timed = async (gw: Gateway, sid: string, spec: Parameters<Gateway["ccr"]>[1]): Promise<Cca> => {
    const t0 = performance.now();
    const a = await gw.ccr(sid, spec);
    latencies.push(performance.now() - t0);
    if (a.resultCode !== 2001) failures++;
    return a;
  };
  const session = async (gw: Gateway, k: number): Promise<void> => {
    const sid = `bench;${k}`;
    const imsi = `20801${String(k % lines).padStart(10, "0")}`;
    const at = new Date(START + k * 1000);
    await timed(gw, sid, { type: 1, number: 0, imsi, plmn: "20801", at });
    for (let n = 1; n <= 3; n++) await timed(gw, sid, { type: 2, number: n, plmn: "20801", used: 512 * KIB, at });
    await timed(gw, sid, { type: 3, number: 4, plmn: "20801", used: 100 * KIB, request: "none", at });
  };
  const t0 = performance.now();
  await Promise.all(
    gws.flatMap((gw) =>
      Array.from({ length: perPeer }, async () => {
        for (let k = next++; k < sessions; k = next++) await session(gw, k);
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(gws.map((g) => g.close()));
  latencies.sort((a, b) => a - b);
  return { ccrPerS: latencies.length / seconds, p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0, failures };
}

/** The floor: the same stack and client, answering each CCR with a fixed grant, no charging. */
async function bareStack(sessions: number, peers: number, perPeer: number, lines: number): Promise<Load> {
  const server = await startDiameterServer({
    host: "127.0.0.1",
    port: 0,
    originHost: "bare.bench.example",
    originRealm: "garde-fou.example",
    maxInFlightRequests: 10_000,
    handlers: {
      "4/272": async (request) => ({
        resultCode: 2001,
        avps: [
          avp(Base.AuthApplicationId, ApplicationId.creditControl),
          avp(Cc.CcRequestType, readValue(request.avps, Cc.CcRequestType) ?? 0),
          avp(Cc.CcRequestNumber, readValue(request.avps, Cc.CcRequestNumber) ?? 0),
          group(Cc.MultipleServicesCreditControl, [
            group(Cc.GrantedServiceUnit, [avp(Cc.CcTotalOctets, 2_097_152n)]),
            avp(Cc.RatingGroup, 10),
            avp(Base.ResultCode, 2001),
          ]),
        ],
      }),
    },
  });
  try {
    return await drive(server.port, sessions, peers, perPeer, lines);
  } finally {
    await server.close();
  }
}

/** gy.ccr_per_s and gy.ccr_p99_ms: online charging through the engine against the bare stack. */
export async function benchGyLoad(sessions: number, lines: number): Promise<void> {
  const peers = 4;
  const perPeer = 64;
  const dir = mkdtempSync(join(tmpdir(), "gardefou-gy-bench-"));
  try {
    const baseline = await bareStack(sessions, peers, perPeer, lines);
    const app = await App.open({ dbPath: join(dir, "gy.db"), clock: { now: () => START }, online: { defaultGrant: 2048 * KIB } });
    const rows = Array.from(
      { length: lines },
      (_, i) => `GY-${i},ACC-${i},20801${String(i).padStart(10, "0")},336${String(i).padStart(8, "0")},pro-everywhere-95,,fr,95.00`,
    );
    await app.importLinesText(`${LINES_HEADER}\n${rows.join("\n")}\n`, "bench-lines.csv");
    const net = await startNetwork(app, {
      port: 0,
      host: "127.0.0.1",
      originHost: "ocs.bench.example",
      originRealm: "garde-fou.example",
      supervisionIntervalMs: 0,
      maxInFlightRequests: 10_000,
    });
    const full = await drive(net.port, sessions, peers, perPeer, lines);
    await net.close();
    await app.close();
    if (full.failures > 0 || baseline.failures > 0) throw new Error(`non-2001 answers: ${full.failures} charged, ${baseline.failures} bare`);
    const notes = `${sessions} sessions × 5 CCRs, ${peers} TCP peers × ${perPeer} sessions in flight, ${lines} lines, synchronous=FULL, WAL, client and server in one process`;
    report({ name: "gy.ccr_per_s", value: full.ccrPerS, unit: "CCR/s", baseline: baseline.ccrPerS, notes });
    report({ name: "gy.ccr_p99_ms", value: full.p99Ms, unit: "ms", baseline: baseline.p99Ms, notes });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

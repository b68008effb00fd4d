// Interoperability: freeDiameter (a third, C implementation) connects to our server as a peer,
// parses our CEA, answers our watchdogs, and answers our DPR when the server shuts down.
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { requireBinary } from "../../../test/peers/diameter/binaries.ts";
import { startTestServer } from "../../../test/peers/diameter/harness.ts";
import type { DiameterEvent } from "./index.ts";

const freeDiameter = requireBinary("freeDiameterd");
const openssl = requireBinary("openssl");
const skip = freeDiameter.skip !== false ? freeDiameter.skip : openssl.skip;
const FD_HOST = "fd-peer.test.example";

/** freeDiameter insists on TLS credentials even for a plain-TCP peer: a throwaway pair. */
const writeConfig = (dir: string, serverPort: number): string => {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", `/CN=${FD_HOST}`], {
    stdio: "ignore",
  });
  const conf = join(dir, "fd.conf");
  writeFileSync(
    conf,
    [
      `Identity = "${FD_HOST}";`,
      'Realm = "test.example";',
      "Port = 0;",
      "SecPort = 0;",
      "No_SCTP;",
      "No_IPv6;",
      'ListenOn = "127.0.0.1";',
      `TLS_Cred = "${cert}", "${key}";`,
      `TLS_CA = "${cert}";`,
      "TcTimer = 3;",
      `ConnectPeer = "ocs.garde-fou.example" { ConnectTo = "127.0.0.1"; Port = ${serverPort}; No_TLS; };`,
    ].join("\n"),
  );
  return conf;
};

const withFd =
  (direction: "in" | "out", name: string) =>
  (e: DiameterEvent): boolean =>
    e.type === "base_message" && e.direction === direction && e.name === name && e.peer.remote?.originHost === FD_HOST;

describe("freeDiameter peer against our server", { skip }, () => {
  it("CER/CEA, our DWR answered, our DPR answered on shutdown", async () => {
    const server = await startTestServer({ timers: { watchdogMs: 300 } });
    const dir = mkdtempSync(join(tmpdir(), "diameter-fd-"));
    let daemon: ChildProcess | undefined;
    let log = "";
    try {
      daemon = spawn("freeDiameterd", ["-c", writeConfig(dir, server.port), "-d"], { stdio: ["ignore", "pipe", "pipe"] });
      daemon.stdout?.on("data", (chunk: Buffer) => {
        log += chunk.toString();
      });
      daemon.stderr?.on("data", (chunk: Buffer) => {
        log += chunk.toString();
      });

      await server.waitFor((e) => e.type === "peer_open" && e.peer.remote?.originHost === FD_HOST, 10_000);
      await server.waitFor(withFd("in", "CER"));
      await server.waitFor(withFd("in", "DWA"), 3_000);
      await server.close();
      assert.ok(server.events.some(withFd("out", "DPR")));
      assert.ok(server.events.some(withFd("in", "DPA")), `no DPA from freeDiameter:\n${log}`);
      // freeDiameter's own view: our CEA parsed by its dictionary and the peer reached OPEN.
      assert.match(log, /STATE_WAITCEA'\s+-> 'STATE_OPEN'/, log);
      assert.match(log, /Capabilities-Exchange-Answer.*Result-Code.*DIAMETER_SUCCESS/, log);
      assert.match(log, /sent a DPR with cause: REBOOTING/, log);
    } finally {
      daemon?.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

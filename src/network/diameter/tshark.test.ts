// Interoperability: Wireshark's Diameter dissector (an independent implementation) decodes the
// exact bytes our server wrote and our codec encoded, and finds nothing malformed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { requireBinary } from "../../../test/peers/diameter/binaries.ts";
import { gyCcaBody, gyCcrMessage } from "../../../test/peers/diameter/fixtures.ts";
import { rawCer, rawPeer, startTestServer } from "../../../test/peers/diameter/harness.ts";
import { type Segment, tcpSessionPcap } from "../../../test/peers/diameter/pcap.ts";
import { ApplicationId, avp, BaseAvps, CommandCode, type DiameterMessage, encodeMessage, SyAvps } from "./index.ts";

const tshark = requireBinary("tshark");

const request = (commandCode: number, applicationId: number, hopByHopId: number, avps: DiameterMessage["avps"]) =>
  encodeMessage({
    flags: {
      request: true,
      proxiable: applicationId !== 0,
      error: false,
      retransmitted: false,
    },
    commandCode,
    applicationId,
    hopByHopId,
    endToEndId: hopByHopId,
    avps,
  });

const origin = [avp(BaseAvps.OriginHost, "pgw.test.example"), avp(BaseAvps.OriginRealm, "test.example")];

const FIELDS = [
  "frame.number",
  "diameter.cmd.code",
  "diameter.flags.request",
  "diameter.flags.error",
  "diameter.Session-Id",
  "diameter.CC-Request-Type",
  "diameter.CC-Request-Number",
  "diameter.3GPP-SGSN-MCC-MNC",
  "diameter.3GPP-Charging-Id",
  "diameter.Subscription-Id-Data",
  "diameter.CC-Total-Octets",
  "diameter.Rating-Group",
  "diameter.Result-Code",
  "diameter.Trigger-Type",
  "diameter.Auth-Application-Id",
  "diameter.Product-Name",
  "diameter.Event-Timestamp",
  "diameter.Policy-Counter-Identifier",
] as const;

type Row = Record<(typeof FIELDS)[number], string>;

describe("tshark decodes what we put on the wire", {
  skip: tshark.skip,
}, () => {
  let dir = "";
  let port = 0;
  let rows: Row[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "diameter-tshark-"));
    const server = await startTestServer({
      handlers: {
        "4/272": async () => ({ resultCode: 2001, avps: gyCcaBody() }),
      },
    });
    port = server.port;
    const peer = await rawPeer(server.port);
    const exchange: Buffer[] = [
      rawCer(1),
      encodeMessage(gyCcrMessage("pgw.test.example;42;7", 1, 2)),
      // Sy was not agreed in this CER: the server must answer 3007 with the E bit.
      request(CommandCode.spendingLimit, ApplicationId.sy, 3, [
        avp(BaseAvps.SessionId, "pgw.test.example;sy;1"),
        avp(BaseAvps.AuthApplicationId, ApplicationId.sy),
        ...origin,
        avp(BaseAvps.DestinationRealm, "garde-fou.example"),
        avp(SyAvps.SlRequestType, SyAvps.SlRequestType.values.INITIAL_REQUEST),
        avp(SyAvps.PolicyCounterIdentifier, "roaming-cap"),
      ]),
      request(CommandCode.deviceWatchdog, 0, 4, origin),
      request(CommandCode.disconnectPeer, 0, 5, [...origin, avp(BaseAvps.DisconnectCause, 0)]),
    ];
    const segments: Segment[] = [];
    for (const bytes of exchange) {
      peer.send(bytes);
      await peer.next();
      segments.push({ fromClient: true, payload: bytes });
      const answer = peer.frames[peer.frames.length - 1];
      assert.ok(answer !== undefined);
      segments.push({ fromClient: false, payload: answer });
    }
    await peer.closed;
    await server.close();
    const file = join(dir, "session.pcap");
    writeFileSync(file, tcpSessionPcap(40_000, port, segments));

    const args = ["-r", file, "-d", `tcp.port==${port},diameter`, "-Y", "diameter"];
    const out = execFileSync(
      "tshark",
      [...args, "-T", "fields", "-E", "separator=\t", "-E", "aggregator=,", "-E", "occurrence=a", ...FIELDS.flatMap((f) => ["-e", f])],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    rows = out
      .trim()
      .split("\n")
      .map((line) => {
        const cells = line.split("\t");
        return Object.fromEntries(FIELDS.map((f, i) => [f, cells[i] ?? ""])) as Row;
      });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("sees every message with its command code and R/E flags", () => {
    assert.deepEqual(
      rows.map((r) => [r["diameter.cmd.code"], r["diameter.flags.request"], r["diameter.flags.error"]]),
      [
        ["257", "1", "0"],
        ["257", "0", "0"],
        ["272", "1", "0"],
        ["272", "0", "0"],
        ["8388635", "1", "0"],
        ["8388635", "0", "1"],
        ["280", "1", "0"],
        ["280", "0", "0"],
        ["282", "1", "0"],
        ["282", "0", "0"],
      ],
    );
  });

  it("decodes the CCR: Session-Id, CC-Request-Type, 3GPP-SGSN-MCC-MNC, 64-bit usage, Time", () => {
    const ccr = rows[2];
    assert.ok(ccr !== undefined);
    assert.equal(ccr["diameter.Session-Id"], "pgw.test.example;42;7");
    assert.equal(ccr["diameter.CC-Request-Type"], "2");
    assert.equal(ccr["diameter.CC-Request-Number"], "1");
    assert.equal(ccr["diameter.3GPP-SGSN-MCC-MNC"], "20610");
    assert.equal(ccr["diameter.3GPP-Charging-Id"], "0a0b0c0d");
    assert.equal(ccr["diameter.Subscription-Id-Data"], "33612345678");
    assert.equal(ccr["diameter.CC-Total-Octets"], "6000000000");
    assert.equal(ccr["diameter.Rating-Group"], "10");
    assert.match(ccr["diameter.Event-Timestamp"], /Jul 14, 2025 10:00:00/);
  });

  it("decodes the server's CEA and CCA (grant, per-MSCC result, triggers)", () => {
    const [, cea, , cca] = rows;
    assert.equal(cea?.["diameter.Result-Code"], "2001");
    assert.equal(cea?.["diameter.Product-Name"], "Garde-fou");
    assert.deepEqual(cea?.["diameter.Auth-Application-Id"].split(","), ["4", "16777302"]);
    assert.equal(cca?.["diameter.Session-Id"], "pgw.test.example;42;7");
    assert.equal(cca?.["diameter.Result-Code"], "2001,2001");
    assert.equal(cca?.["diameter.CC-Total-Octets"], "1000000000");
    assert.equal(cca?.["diameter.Trigger-Type"], "30,31");
  });

  it("decodes Sy AVPs and our 3007 protocol-error answer", () => {
    assert.equal(rows[4]?.["diameter.Policy-Counter-Identifier"], "roaming-cap");
    assert.equal(rows[5]?.["diameter.Result-Code"], "3007");
  });

  it("reports no malformed packet and no expert error", () => {
    const file = join(dir, "session.pcap");
    const common = ["-r", file, "-d", `tcp.port==${port},diameter`];
    const flagged = execFileSync("tshark", [...common, "-Y", '_ws.malformed || _ws.expert.severity >= "Error"'], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    assert.equal(flagged.trim(), "");
    const expert = execFileSync("tshark", [...common, "-q", "-z", "expert,error"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    assert.doesNotMatch(expert, /Errors \(|Malformed/);
  });
});

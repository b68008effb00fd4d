// Interoperability: Erlang/OTP's diameter application (an independent, widely deployed stack)
// connects to our server as a Gy client, with OTP's own RFC 6733 and RFC 4006 dictionaries.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { requireErlangCreditControlDictionary } from "../../../test/peers/diameter/binaries.ts";
import { startTestServer } from "../../../test/peers/diameter/harness.ts";
import {
  ApplicationId,
  avp,
  BaseAvps,
  CreditControlAvps as Cc,
  type DiameterEvent,
  type DiameterMessage,
  group,
  type RequestHandler,
  readValue,
  TgppAvps,
} from "./index.ts";

const erlang = requireErlangCreditControlDictionary();
const SCRIPT = fileURLToPath(new URL("../../../test/peers/diameter/cc_client.escript", import.meta.url));
const ERLANG_HOST = "erlang-gw.test.example";

/** A CCA in pure RFC 4006 terms, so that OTP's dictionary decodes every AVP strictly. */
const ccaFor: RequestHandler = async (request) => ({
  resultCode: 2001,
  avps: [
    avp(BaseAvps.AuthApplicationId, ApplicationId.creditControl),
    avp(Cc.CcRequestType, readValue(request.avps, Cc.CcRequestType) ?? 0),
    avp(Cc.CcRequestNumber, readValue(request.avps, Cc.CcRequestNumber) ?? 0),
    avp(BaseAvps.EventTimestamp, new Date("2025-07-14T10:00:00Z")),
    group(Cc.MultipleServicesCreditControl, [
      group(Cc.GrantedServiceUnit, [avp(Cc.CcTotalOctets, 1_000_000_000n)]),
      avp(Cc.RatingGroup, 10),
      avp(Cc.ValidityTime, 3600),
      avp(BaseAvps.ResultCode, 2001),
      group(Cc.FinalUnitIndication, [
        avp(Cc.FinalUnitAction, Cc.FinalUnitAction.values.REDIRECT),
        group(Cc.RedirectServer, [
          avp(Cc.RedirectAddressType, Cc.RedirectAddressType.values.URL),
          avp(Cc.RedirectServerAddress, "https://topup.example/consent"),
        ]),
      ]),
    ]),
  ],
});

const runEscript = (args: string[]): Promise<{ code: number; output: string }> =>
  new Promise((resolve) => {
    execFile("escript", [SCRIPT, ...args], { timeout: 40_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });

const fromErlang = (direction: "in" | "out", name: string) => (e: DiameterEvent) =>
  e.type === "base_message" && e.direction === direction && e.name === name && e.peer.remote?.originHost === ERLANG_HOST;

describe("Erlang/OTP diameter client against our server", {
  skip: erlang.skip,
}, () => {
  it("CER/CEA, DWR/DWA both ways, CCR with MSCC answered by a CCA it decodes, DPR/DPA", async () => {
    const requests: DiameterMessage[] = [];
    const server = await startTestServer({
      timers: { watchdogMs: 1_200 },
      handlers: {
        "4/272": async (request, peer) => {
          requests.push(request);
          return ccaFor(request, peer);
        },
      },
    });
    const work = mkdtempSync(join(tmpdir(), "diameter-erlang-"));
    try {
      const { code, output } = await runEscript(["127.0.0.1", String(server.port), work]);
      assert.equal(code, 0, output);
      assert.match(output, /ERLANG_PEER_OK/);
      assert.doesNotMatch(output, /CHECK FAILED/);

      for (const [direction, name] of [
        ["in", "CER"],
        ["out", "CEA"],
        ["in", "DWR"],
        ["out", "DWA"],
        ["out", "DWR"],
        ["in", "DWA"],
        ["in", "DPR"],
        ["out", "DPA"],
      ] as const) {
        assert.ok(server.events.some(fromErlang(direction, name)), `${direction} ${name} with the Erlang peer`);
      }

      const [ccr] = requests;
      assert.ok(ccr !== undefined, "the CCR reached the handler");
      assert.equal(readValue(ccr.avps, Cc.ServiceContextId), "32251@3gpp.org");
      assert.equal(readValue(ccr.avps, Cc.CcRequestType), Cc.CcRequestType.values.INITIAL_REQUEST);
      const subscription = readValue(ccr.avps, Cc.SubscriptionId) ?? [];
      assert.equal(readValue(subscription, Cc.SubscriptionIdData), "33612345678");
      const mscc = readValue(ccr.avps, Cc.MultipleServicesCreditControl) ?? [];
      assert.equal(readValue(mscc, Cc.RatingGroup), 10);
      const rsu = readValue(mscc, Cc.RequestedServiceUnit) ?? [];
      assert.equal(readValue(rsu, Cc.CcTotalOctets), 0n);
      const service = readValue(ccr.avps, TgppAvps.ServiceInformation) ?? [];
      const ps = readValue(service, TgppAvps.PsInformation) ?? [];
      assert.equal(readValue(ps, TgppAvps.TgppSgsnMccMnc), "20610");
      assert.ok(!server.events.some((e) => e.type === "request_rejected"));
    } finally {
      rmSync(work, { recursive: true, force: true });
      await server.close();
    }
  });
});

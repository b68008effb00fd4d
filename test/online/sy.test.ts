// Sy: the policy server subscribes to a line's fair-use counter (SLR/SLA), is told of the change
// (SNR) when usage — offline here — crosses it, and the same status is readable over HTTP.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildServer } from "../../src/api/index.ts";
import { USAGE_HEADER } from "../../src/demo/records.ts";
import {
  ApplicationId,
  avp,
  BaseAvps as Base,
  CreditControlAvps as Cc,
  CommandCode,
  group,
  readValue,
  readValues,
  SyAvps as Sy,
} from "../../src/network/diameter/index.ts";
import { tempDir } from "../helpers/temp.ts";
import { connectGateway, type Gateway } from "../peers/gy/gateway.ts";
import { lineCsv, OCS_REALM, type Running, startOnline, TestClock } from "./setup.ts";

describe("Sy fair-use status", () => {
  const clock = new TestClock(Date.parse("2009-10-10T08:00:00Z"));
  let run: Running;
  let pcrf: Gateway;

  const slr = async (sessionId: string, msisdn: string, counters: string[]) => {
    const answer = await pcrf.peer.request({
      applicationId: ApplicationId.sy,
      commandCode: CommandCode.spendingLimit,
      avps: [
        avp(Base.SessionId, sessionId),
        avp(Base.AuthApplicationId, ApplicationId.sy),
        avp(Base.DestinationRealm, OCS_REALM),
        avp(Sy.SlRequestType, Sy.SlRequestType.values.INITIAL_REQUEST),
        group(Cc.SubscriptionId, [avp(Cc.SubscriptionIdType, Cc.SubscriptionIdType.values.END_USER_E164), avp(Cc.SubscriptionIdData, msisdn)]),
        ...counters.map((c) => avp(Sy.PolicyCounterIdentifier, c)),
      ],
    });
    assert.ok(answer.ok);
    const reports = readValues(answer.value.avps, Sy.PolicyCounterStatusReport).map(
      (r) => `${readValue(r, Sy.PolicyCounterIdentifier)}=${readValue(r, Sy.PolicyCounterStatus)}`,
    );
    const experimental = readValue(answer.value.avps, Base.ExperimentalResult);
    return {
      resultCode: readValue(answer.value.avps, Base.ResultCode),
      experimental: experimental && readValue(experimental, Base.ExperimentalResultCode),
      reports,
    };
  };

  before(async () => {
    run = await startOnline(tempDir(), clock);
    await run.app.importLinesText(lineCsv([["PHY-0001", "208011000000002", "33320000002", "pro-unlimited"]]), "lines.csv");
    pcrf = await connectGateway(run.net.port, "pcrf.test.example");
  });
  after(async () => {
    await pcrf.close();
    await run.stop();
  });

  it("SLR subscribes and the SLA reports normal", async () => {
    const a = await slr("pcrf;sy;1", "33320000002", ["fair-use-1gib"]);
    assert.deepEqual(a, { resultCode: 2001, experimental: undefined, reports: ["fair-use-1gib=normal"] });
  });

  it("unknown subscribers and counters are refused with their codes", async () => {
    assert.equal((await slr("pcrf;sy;2", "33399999999", [])).resultCode, 5030);
    assert.equal((await slr("pcrf;sy;3", "33320000002", ["no-such-counter"])).experimental, 5570);
  });

  it("crossing 1 GiB pushes an SNR with throttled-128k, and HTTP says the same", async () => {
    const usage = `${USAGE_HEADER}\nphy-1,PHY-0001,data,2009-10-10T10:00:00+02:00,60,0,${1024 * 1024 * 1024},20801,s1\n`;
    const report = await run.app.importUsageText(usage, "csv", "phy.csv");
    assert.equal(report.accepted, 1);
    await run.net.idle();
    assert.deepEqual(pcrf.snrs, ["fair-use-1gib=throttled-128k"]);
    const http = buildServer(run.app, { webDir: false });
    const headers = { authorization: `Bearer ${(await run.app.createToken({ role: "analyst" }, "test")).token}` };
    const res = await http.inject({ method: "GET", url: "/api/v1/lines/PHY-0001/policy", headers });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      line_id: "PHY-0001",
      period: "2009-10",
      status: "throttled-128k",
      counters: [{ id: "fair-use-1gib", status: "throttled-128k" }],
      open_sessions: 0,
    });
    assert.equal((await http.inject({ method: "GET", url: "/api/v1/lines/NOPE/policy", headers })).statusCode, 404);
    await http.close();
  });

  it("more usage without a status change sends no SNR; STR ends the subscription", async () => {
    const usage = `${USAGE_HEADER}\nphy-2,PHY-0001,data,2009-10-10T11:00:00+02:00,60,0,1024,20801,s1\n`;
    await run.app.importUsageText(usage, "csv", "phy2.csv");
    await run.net.idle();
    assert.equal(pcrf.snrs.length, 1);
    const sta = await pcrf.peer.request({
      applicationId: ApplicationId.sy,
      commandCode: CommandCode.sessionTermination,
      avps: [
        avp(Base.SessionId, "pcrf;sy;1"),
        avp(Base.DestinationRealm, OCS_REALM),
        avp(Base.AuthApplicationId, ApplicationId.sy),
        avp(Base.TerminationCause, 1),
      ],
    });
    assert.ok(sta.ok);
    assert.equal(readValue(sta.value.avps, Base.ResultCode), 2001);
    assert.equal(run.net.subscriptions.size, 0);
  });
});

// The peer state machine over real sockets: capabilities exchange, watchdog both ways,
// disconnect, answer ordering, overload, server-initiated requests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GW_HOST, GW_REALM, gyCcaBody, gyCcr } from "../../../test/peers/diameter/fixtures.ts";
import { eventLog, rawCer, rawPeer, startTestServer } from "../../../test/peers/diameter/harness.ts";
import {
  type Answer,
  ApplicationId,
  avp,
  BaseAvps,
  CreditControlAvps as Cc,
  CommandCode,
  connectDiameterPeer,
  type DiameterClientOptions,
  type DiameterEvent,
  type DiameterMessage,
  type Peer,
  type RequestHandler,
  readValue,
} from "./index.ts";

const clientOptions = (port: number, originHost: string, extra: Partial<DiameterClientOptions> = {}) => {
  const log = eventLog();
  const options: DiameterClientOptions = {
    host: "127.0.0.1",
    port,
    originHost,
    originRealm: GW_REALM,
    vendorSpecificApplicationIds: [],
    onEvent: log.onEvent,
    ...extra,
  };
  return { options, log };
};

const connectOk = async (options: DiameterClientOptions): Promise<Peer> => {
  const result = await connectDiameterPeer(options);
  assert.ok(result.ok, result.ok ? "" : `${result.error.code}: ${result.error.message}`);
  return result.value;
};

const baseMessage =
  (host: string, direction: "in" | "out", name: string) =>
  (e: DiameterEvent): boolean =>
    e.type === "base_message" && e.direction === direction && e.name === name && e.peer.remote?.originHost === host;

const cca = (request: DiameterMessage): Answer => ({
  resultCode: 2001,
  avps: [...gyCcaBody().filter((a) => a.code !== Cc.CcRequestNumber.code), avp(Cc.CcRequestNumber, readValue(request.avps, Cc.CcRequestNumber) ?? 0)],
});
const ccaHandler: RequestHandler = async (request) => cca(request);

describe("peer state machine over TCP", () => {
  it("serves two peers at once: CER/CEA, DWR/DWA in both directions, DPR/DPA", async () => {
    const server = await startTestServer({
      timers: { watchdogMs: 300 },
      handlers: { "4/272": ccaHandler },
    });
    // gw-a probes faster than the server, so it sends DWRs; gw-b is slower, so the server does.
    const a = clientOptions(server.port, "gw-a.test.example", {
      timers: { watchdogMs: 150 },
    });
    const b = clientOptions(server.port, "gw-b.test.example", {
      timers: { watchdogMs: 5_000 },
    });
    const [peerA, peerB] = await Promise.all([connectOk(a.options), connectOk(b.options)]);

    assert.equal(server.peers().length, 2);
    assert.deepEqual([...peerA.applications], [ApplicationId.creditControl]);
    assert.equal(peerA.remote?.originHost, "ocs.garde-fou.example");
    assert.equal(peerA.remote?.originStateId, 7);
    assert.ok(peerA.remote?.applications.has(ApplicationId.sy), "Sy advertised as vendor-specific");
    assert.deepEqual(peerA.remote?.supportedVendorIds, [10415]);

    await server.waitFor(baseMessage("gw-a.test.example", "in", "DWR"));
    await server.waitFor(baseMessage("gw-a.test.example", "out", "DWA"));
    await server.waitFor(baseMessage("gw-b.test.example", "out", "DWR"));
    await server.waitFor(baseMessage("gw-b.test.example", "in", "DWA"));

    const [ccaA, ccaB] = await Promise.all([peerA.request(gyCcr("gw-a;1", 1)), peerB.request(gyCcr("gw-b;1", 1))]);
    assert.ok(ccaA.ok && ccaB.ok);
    assert.equal(readValue(ccaA.value.avps, BaseAvps.SessionId), "gw-a;1");
    assert.equal(readValue(ccaB.value.avps, BaseAvps.SessionId), "gw-b;1");

    await peerA.disconnect();
    assert.equal(peerA.state, "closed");
    await server.waitFor(baseMessage("gw-a.test.example", "in", "DPR"));
    await server.waitFor(baseMessage("gw-a.test.example", "out", "DPA"));
    await server.waitFor((e) => e.type === "peer_closed" && e.reason === "dpr_received");
    assert.deepEqual(
      a.log.events.filter((e) => e.type === "peer_closed").map((e) => e.type === "peer_closed" && e.reason),
      ["local_disconnect"],
    );
    assert.equal(server.peers().length, 1);

    await server.close(); // sends DPR to gw-b
    await b.log.waitFor((e) => e.type === "peer_closed" && e.reason === "dpr_received");
    assert.ok(b.log.events.some((e) => e.type === "base_message" && e.direction === "out" && e.name === "DPA"));
  });

  it("refuses a peer with no common application with 5010", async () => {
    const server = await startTestServer();
    const { options } = clientOptions(server.port, "gx-only.test.example", {
      authApplicationIds: [16_777_238],
    });
    const result = await connectDiameterPeer(options);
    assert.deepEqual(result.ok ? undefined : [result.error.code, result.error.resultCode], ["capabilities_rejected", 5010]);
    await server.waitFor((e) => e.type === "peer_rejected" && e.resultCode === 5010);
    await server.close();
  });

  it("writes answers as they become ready, not in request order", async () => {
    const slowFirst: RequestHandler = async (request) => {
      const n = readValue(request.avps, Cc.CcRequestNumber) ?? 0;
      await new Promise((resolve) => setTimeout(resolve, n === 1 ? 150 : 0));
      return cca(request);
    };
    const server = await startTestServer({ handlers: { "4/272": slowFirst } });
    const peer = await connectOk(clientOptions(server.port, GW_HOST).options);
    const order: number[] = [];
    await Promise.all(
      [1, 2].map(async (n) => {
        const answer = await peer.request(gyCcr("gw;order", n));
        assert.ok(answer.ok);
        order.push(readValue(answer.value.avps, Cc.CcRequestNumber) ?? -1);
      }),
    );
    assert.deepEqual(order, [2, 1]);
    await server.close();
  });

  it("answers 3004 TOO_BUSY with the E bit beyond the in-flight limit", async () => {
    const slow: RequestHandler = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return cca(request);
    };
    const server = await startTestServer({
      maxInFlightRequests: 1,
      handlers: { "4/272": slow },
    });
    const peer = await connectOk(clientOptions(server.port, GW_HOST).options);
    const [first, second] = await Promise.all([peer.request(gyCcr("gw;1", 1)), peer.request(gyCcr("gw;2", 1))]);
    assert.ok(first.ok && second.ok);
    assert.equal(readValue(first.value.avps, BaseAvps.ResultCode), 2001);
    assert.equal(readValue(second.value.avps, BaseAvps.ResultCode), 3004);
    assert.equal(second.value.flags.error, true);
    assert.equal(server.inFlight(), 0);
    await server.close();
  });

  it("answers 5012 when a handler fails, and reports it", async () => {
    const server = await startTestServer({
      handlers: { "4/272": () => Promise.reject(new Error("db down")) },
    });
    const peer = await connectOk(clientOptions(server.port, GW_HOST).options);
    const answer = await peer.request(gyCcr("gw;1", 1));
    assert.ok(answer.ok);
    assert.equal(readValue(answer.value.avps, BaseAvps.ResultCode), 5012);
    assert.equal(readValue(answer.value.avps, Cc.CcRequestType), 2);
    await server.waitFor((e) => e.type === "handler_failed");
    await server.close();
  });

  it("answers 5012 when the handler's answer cannot be encoded", async () => {
    // An OctetString beyond the 24-bit AVP Length cannot be put on the wire.
    const oversized: RequestHandler = async () => ({ resultCode: 2001, avps: [avp(BaseAvps.Class, Buffer.alloc(1 << 24))] });
    const server = await startTestServer({ handlers: { "4/272": oversized } });
    const peer = await connectOk(clientOptions(server.port, GW_HOST).options);
    const answer = await peer.request(gyCcr("gw;big", 1));
    assert.ok(answer.ok);
    assert.equal(readValue(answer.value.avps, BaseAvps.ResultCode), 5012);
    assert.equal(readValue(answer.value.avps, BaseAvps.SessionId), "gw;big");
    await server.waitFor((e) => e.type === "handler_failed");
    await server.close();
  });

  it("lets the server send a request (RAR) to a client and match its answer", async () => {
    const server = await startTestServer();
    const gateway = clientOptions(server.port, GW_HOST, {
      handlers: { "4/258": async () => ({ resultCode: 2001, avps: [] }) },
    });
    await connectOk(gateway.options);
    const [peer] = server.peers();
    assert.ok(peer !== undefined);
    const raa = await peer.request({
      applicationId: ApplicationId.creditControl,
      commandCode: CommandCode.reAuth,
      avps: [
        avp(BaseAvps.SessionId, "gw;rar"),
        avp(BaseAvps.DestinationRealm, GW_REALM),
        avp(BaseAvps.DestinationHost, GW_HOST),
        avp(BaseAvps.AuthApplicationId, ApplicationId.creditControl),
        avp(BaseAvps.ReAuthRequestType, BaseAvps.ReAuthRequestType.values.AUTHORIZE_ONLY),
      ],
    });
    assert.ok(raa.ok);
    assert.equal(readValue(raa.value.avps, BaseAvps.ResultCode), 2001);
    assert.equal(readValue(raa.value.avps, BaseAvps.SessionId), "gw;rar");
    await server.close();
  });

  it("times a request out when no answer comes", async () => {
    const never: RequestHandler = () => new Promise(() => {});
    const server = await startTestServer({ handlers: { "4/272": never } });
    const peer = await connectOk(clientOptions(server.port, GW_HOST).options);
    const answer = await peer.request(gyCcr("gw;1", 1), { timeoutMs: 50 });
    assert.deepEqual(answer.ok ? undefined : answer.error.code, "timeout");
    await peer.disconnect();
    await server.close();
  });

  it("drops a peer that stops answering watchdogs", async () => {
    const server = await startTestServer({ timers: { watchdogMs: 60 } });
    const silent = await rawPeer(server.port);
    silent.send(rawCer());
    await silent.next(); // CEA; from now on the raw peer never answers
    const dwr = await silent.next();
    assert.equal(dwr.commandCode, CommandCode.deviceWatchdog);
    await server.waitFor((e) => e.type === "peer_closed" && e.reason === "watchdog_timeout");
    await silent.closed;
    await server.close();
  });

  it("drops a connection that never sends CER", async () => {
    const server = await startTestServer({
      timers: { capabilitiesTimeoutMs: 50 },
    });
    const mute = await rawPeer(server.port);
    await mute.closed;
    await server.waitFor((e) => e.type === "peer_closed" && e.reason === "capabilities_timeout");
    await server.close();
  });
});

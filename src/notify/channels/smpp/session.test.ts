// Session edge cases a well-behaved SMSC never shows, played by a scripted in-process server.

import assert from "node:assert/strict";
import { once } from "node:events";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { describe, test } from "node:test";
import { unframe } from "./codec.ts";
import { decodePdu, encodePdu, type Pdu } from "./pdu.ts";
import { SmppSession } from "./session.ts";

/** A session wired to a server socket the test drives by hand. */
async function pair(requestTimeoutMs = 200) {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const accepted = once(server, "connection") as Promise<[Socket]>;
  const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
  const [peer] = await accepted;
  const received: Pdu[] = [];
  const requests: Pdu[] = [];
  let closed: string | undefined;
  peer.on("data", (chunk: Buffer) => {
    const cut = unframe(chunk);
    if (!cut.ok) return;
    for (const f of cut.frames) {
      const d = decodePdu(f);
      if (d.ok) received.push(d.pdu);
    }
  });
  const session = new SmppSession(socket, {
    requestTimeoutMs,
    enquireLinkMs: 60_000,
    onRequest: (pdu) => requests.push(pdu),
    onClosed: (reason) => {
      closed = reason;
    },
  });
  const cleanup = () => {
    socket.destroy();
    peer.destroy();
    server.close();
  };
  return {
    session,
    peer,
    received,
    requests,
    closedReason: () => closed,
    cleanup,
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
};

describe("SMPP session", () => {
  test("a request without answer times out, and a late answer is ignored", async () => {
    const t = await pair(100);
    const outcome = await t.session.request({ command: "enquire_link" });
    assert.equal(!outcome.ok && outcome.code, "smpp_timeout");
    t.peer.write(encodePdu({ command: "enquire_link_resp", status: 0, sequence: 1 }));
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(t.session.isOpen, true);
    t.cleanup();
  });

  test("a generic_nack answering our request settles it with a coded failure", async () => {
    const t = await pair();
    const pending = t.session.request({ command: "enquire_link" });
    await until(() => t.received.length === 1);
    t.peer.write(encodePdu({ command: "generic_nack", status: 0x03, sequence: 1 }));
    const outcome = await pending;
    assert.deepEqual(outcome, {
      ok: false,
      code: "smpp_generic_nack",
      message: "generic_nack ESME_RINVCMDID",
    });
    t.cleanup();
  });

  test("sequence numbers increase per request", async () => {
    const t = await pair(50);
    await Promise.all([t.session.request({ command: "enquire_link" }), t.session.request({ command: "enquire_link" })]);
    assert.deepEqual(
      t.received.map((p) => p.sequence),
      [1, 2],
    );
    t.cleanup();
  });

  test("a malformed request is answered with generic_nack, the link stays up", async () => {
    const t = await pair();
    // deliver_sm whose body stops inside service_type.
    t.peer.write(Buffer.from("00000012000000050000000000000009" + "4142", "hex"));
    await until(() => t.received.length === 1);
    assert.deepEqual(t.received[0], {
      command: "generic_nack",
      status: 0x02,
      sequence: 9,
    });
    assert.equal(t.session.isOpen, true);
    t.cleanup();
  });

  test("an impossible command_length drops the link and fails what was pending", async () => {
    const t = await pair(2_000);
    const pending = t.session.request({ command: "enquire_link" });
    t.peer.write(Buffer.from("00000002", "hex"));
    const outcome = await pending;
    assert.equal(!outcome.ok && outcome.code, "smpp_connection_lost");
    assert.equal(t.closedReason(), "invalid command_length 2");
    t.cleanup();
  });

  test("SMSC-initiated requests reach onRequest, split across TCP segments", async () => {
    const t = await pair();
    const bytes = encodePdu({
      command: "enquire_link",
      status: 0,
      sequence: 42,
    });
    t.peer.write(bytes.subarray(0, 5));
    await new Promise((r) => setTimeout(r, 20));
    t.peer.write(bytes.subarray(5));
    await until(() => t.requests.length === 1);
    assert.deepEqual(t.requests, [{ command: "enquire_link", status: 0, sequence: 42 }]);
    t.cleanup();
  });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSmppUrl } from "./config.ts";

const cases: { name: string; url: string; source: unknown; port?: number }[] = [
  {
    name: "no source: the SMSC's default",
    url: "smpp://gf:pw@smsc.example",
    source: undefined,
    port: 2775,
  },
  {
    name: "alphanumeric sender",
    url: "smpp://gf:pw@smsc.example:2776?source=GARDEFOU",
    source: { ton: 5, npi: 0, addr: "GARDEFOU" },
    port: 2776,
  },
  {
    name: "full number",
    url: "smpp://gf:pw@smsc.example?source=33612345678",
    source: { ton: 1, npi: 1, addr: "33612345678" },
  },
  {
    name: "short code",
    url: "smpp://gf:pw@smsc.example?source=36665",
    source: { ton: 3, npi: 0, addr: "36665" },
  },
  {
    name: "explicit TON/NPI",
    url: "smpp://gf:pw@smsc.example?source=36665&source_ton=0&source_npi=1",
    source: { ton: 0, npi: 1, addr: "36665" },
  },
];

for (const c of cases) {
  test(`smpp URL: ${c.name}`, () => {
    const parsed = parseSmppUrl(new URL(c.url));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.source, c.source);
    if (c.port !== undefined) assert.equal(parsed.value.port, c.port);
  });
}

test("smpp URL: credentials are percent-decoded", () => {
  const parsed = parseSmppUrl(new URL("smpp://g%40f:p%3Aw@smsc.example?system_type=VMA"));
  assert.ok(parsed.ok);
  assert.deepEqual([parsed.value.systemId, parsed.value.password, parsed.value.systemType], ["g@f", "p:w", "VMA"]);
});

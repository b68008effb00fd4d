import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeGsm7 } from "./gsm7.ts";
import { decodeUcs2, planSms } from "./segment.ts";

const REF = 0x2a;

interface Case {
  name: string;
  text: string;
  dataCoding: number;
  /** short_message octets of each part, UDH included. */
  partLengths: number[];
}

const cases: Case[] = [
  { name: "pure ASCII", text: "Bonjour", dataCoding: 0x00, partLengths: [7] },
  {
    name: "French that fits GSM-7 (é à è)",
    text: "Vous avez atteint 80 % de votre limite à l'étranger",
    dataCoding: 0x00,
    partLengths: [51],
  },
  {
    name: "French with ç and ê falls back to UCS-2",
    text: "Reçu : la fenêtre",
    dataCoding: 0x08,
    partLengths: [34],
  },
  {
    name: "an emoji is a surrogate pair in UCS-2",
    text: "OK 👍",
    dataCoding: 0x08,
    partLengths: [10],
  },
  {
    name: "exactly 160 septets",
    text: "a".repeat(160),
    dataCoding: 0x00,
    partLengths: [160],
  },
  {
    name: "161 septets",
    text: "a".repeat(161),
    dataCoding: 0x00,
    partLengths: [159, 14],
  },
  {
    name: "159 letters + € = 161 septets",
    text: `${"a".repeat(159)}€`,
    dataCoding: 0x00,
    partLengths: [159, 14],
  },
  {
    name: "158 letters + [ = 160 septets",
    text: `${"a".repeat(158)}[`,
    dataCoding: 0x00,
    partLengths: [160],
  },
  {
    name: "an escape pair never straddles two parts",
    text: `${"a".repeat(152)}€${"b".repeat(10)}`,
    dataCoding: 0x00,
    // 164 septets need two parts; 152 + 2 would be 154 > 153, so € opens the second one.
    partLengths: [158, 18],
  },
  {
    name: "70 UCS-2 characters",
    text: "ç".repeat(70),
    dataCoding: 0x08,
    partLengths: [140],
  },
  {
    name: "71 UCS-2 characters",
    text: "ç".repeat(71),
    dataCoding: 0x08,
    partLengths: [140, 14],
  },
  {
    name: "a surrogate pair never straddles two parts",
    text: `${"ç".repeat(66)}👍${"ç".repeat(10)}`,
    dataCoding: 0x08,
    // 66 units + 2 would be 68 > 67, so the emoji opens the second part.
    partLengths: [138, 30],
  },
];

describe("planSms", () => {
  for (const c of cases) {
    test(c.name, () => {
      const planned = planSms(c.text, REF, 10);
      assert.equal(planned.ok, true);
      if (!planned.ok) return;
      const { dataCoding, parts } = planned.plan;
      assert.equal(dataCoding, c.dataCoding);
      assert.deepEqual(
        parts.map((p) => p.shortMessage.length),
        c.partLengths,
      );
      const decode = dataCoding === 0x08 ? decodeUcs2 : decodeGsm7;
      if (parts.length === 1) {
        assert.equal(parts[0]?.esmClass, 0x00);
        assert.equal(decode(parts[0]?.shortMessage ?? Buffer.alloc(0)), c.text);
        return;
      }
      parts.forEach((p, i) => {
        assert.equal(p.esmClass, 0x40);
        assert.deepEqual([...p.shortMessage.subarray(0, 6)], [5, 0, 3, REF, parts.length, i + 1]);
      });
      assert.equal(parts.map((p) => decode(p.shortMessage.subarray(6))).join(""), c.text);
    });
  }

  test("refuses an empty text", () => {
    assert.equal(planSms("", REF, 10).ok, false);
  });

  test("refuses a text needing more parts than allowed", () => {
    const planned = planSms("a".repeat(153 * 3 + 1), REF, 3);
    assert.deepEqual(planned.ok ? "planned" : planned.code, "sms_too_long");
  });
});

test("composes decomposed accents first, so they can stay in GSM-7", () => {
  const planned = planSms("e\u0301te\u0301", REF, 10);
  assert.equal(planned.ok && planned.plan.dataCoding, 0x00);
  assert.equal(planned.ok && decodeGsm7(planned.plan.parts[0]?.shortMessage ?? Buffer.alloc(0)), "été");
});

// Interop: Erlang/OTP's diameter application, an independent stack with its own RFC 4006
// dictionary, runs a Gy session (CCR-I/U/T) against our charging server and decodes the CCAs.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { KIB } from "../../src/domain/index.ts";
import { tempDir } from "../helpers/temp.ts";
import { requireErlangCreditControlDictionary } from "../peers/diameter/binaries.ts";
import { lineCsv, type Running, startOnline, TestClock } from "./setup.ts";

const erlang = requireErlangCreditControlDictionary();
const SCRIPT = fileURLToPath(new URL("../peers/diameter/gy_session.escript", import.meta.url));

describe("Erlang/OTP Gy gateway against the charging server", { skip: erlang.skip }, () => {
  let run: Running;
  before(async () => {
    run = await startOnline(tempDir(), new TestClock(Date.parse("2009-10-12T10:00:00Z")));
    await run.app.importLinesText(lineCsv([["ERL-0001", "208011000000021", "33327000021", "pro-everywhere-95"]]), "lines.csv");
  });
  after(() => run.stop());

  it("CCR-I/U/T: the CCAs decode with OTP's dictionary and carry the granted units", async () => {
    const output = await new Promise<string>((resolve, reject) => {
      execFile("escript", [SCRIPT, "127.0.0.1", String(run.net.port), tempDir("gy-erlang-"), "33327000021"], { timeout: 40_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout),
      );
    });
    assert.match(output, /GY_SESSION_OK/);
    const answers = output.split("\n").filter((l) => l.startsWith("ANSWER "));
    assert.deepEqual(answers, [
      `ANSWER 1 2001 2001 ${2048 * KIB} ${Math.floor((2048 * KIB * 20) / 100)}`,
      `ANSWER 2 2001 2001 ${1952 * KIB} ${Math.floor((1952 * KIB * 20) / 100)}`,
      "ANSWER 3 2001 2001 none none",
    ]);
    const eu = (await run.app.store.usageForBilling("2009-10" as never)).find((u) => u.lineId === "ERL-0001");
    assert.deepEqual([eu?.zone, eu?.quantity, eu?.amount], ["eu", 2048 * KIB + KIB, 20_490_000]);
  });
});

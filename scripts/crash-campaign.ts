// The crash campaign (issue 8, item 4): the real CLI killed with SIGKILL at random moments of a
// usage import, a stream ingest or online (Diameter Gy) load, restarted, and the store checked
// against the guarantees.
//   node --import tsx scripts/crash-campaign.ts [--runs N] [--db sqlite|postgres] [--mode file|stream|online|engines]
//                                               [--seed N] [--lines N] [--restart-postgres]
// Prints one JSON summary line on standard output; exits 1 on any violation.
import { parseArgs } from "node:util";
import { runCampaign } from "./crash/campaign.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100" },
    db: { type: "string", default: "sqlite" },
    mode: { type: "string", default: "file" },
    seed: { type: "string" },
    lines: { type: "string" },
    "restart-postgres": { type: "boolean", default: false },
  },
});

const runs = Number(values.runs);
const db = values.db;
const mode = values.mode;
const restartPostgres = values["restart-postgres"];
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a positive integer, not "${values.runs}"`);
if (db !== "sqlite" && db !== "postgres") usage(`--db must be sqlite or postgres, not "${db}"`);
if (mode !== "file" && mode !== "stream" && mode !== "online" && mode !== "engines") usage(`--mode must be file, stream, online or engines, not "${mode}"`);
if (mode === "engines" && db !== "postgres") usage("--mode engines needs --db postgres: the engines' leases live in PostgreSQL");
// Restarting the cluster disturbs everything else using it: only when asked, and only where it
// means something (an import into PostgreSQL).
if (restartPostgres && (db !== "postgres" || mode !== "file")) usage("--restart-postgres needs --db postgres --mode file");

const summary = await runCampaign({
  runs,
  db,
  mode,
  restartPostgres,
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  ...(values.lines === undefined ? {} : { lines: Number(values.lines) }),
  log: (text) => process.stderr.write(`${text}\n`),
});
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exitCode = summary.violations.length === 0 ? 0 : 1;

function usage(message: string): never {
  process.stderr.write(`crash-campaign: ${message}\n`);
  process.exit(2);
}

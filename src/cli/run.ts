/** Runs the CLI from the sources (`node --import tsx src/cli/run.ts …`): tests and development. */
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2));

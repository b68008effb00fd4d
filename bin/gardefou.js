#!/usr/bin/env node
// The shipped entry point runs the compiled output (npm ci builds it through `prepare`).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));

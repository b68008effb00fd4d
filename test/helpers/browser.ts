import { existsSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { tempDir } from "./temp.ts";

export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Why the browser tests cannot run here, or undefined when they can. Under CI=true a missing
 * browser is a failure, not a skip: .ci/run installs Debian's chromium and playwright-core.
 */
export async function browserUnavailable(): Promise<string | undefined> {
  let reason: string | undefined;
  if (!existsSync(CHROMIUM)) reason = `${CHROMIUM} is absent (apt-get install chromium)`;
  else if (!(await import("playwright-core").then(() => true).catch(() => false))) reason = "playwright-core is not installed (npm install playwright-core)";
  if (reason && process.env.CI === "true") throw new Error(`browser tests cannot run under CI: ${reason}`);
  return reason;
}

/** Debian's headless Chromium with a fresh profile, removed with the test file's temp dirs. */
export async function launchChromium(): Promise<BrowserContext> {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(tempDir("gardefou-chromium-"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
  });
}

/**
 * Takes the screenshots of docs/screenshots/ from a small demo in Debian's headless Chromium:
 * `node --import tsx test/screenshots.ts`. Not a test: run it when the pages change.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildWeb } from "../web/build.ts";
import { launchChromium } from "./helpers/browser.ts";
import { tempDir } from "./helpers/temp.ts";
import { startWebDemo } from "./helpers/web-demo.ts";

const OUT = new URL("../docs/screenshots/", import.meta.url).pathname;

const SHOTS: readonly { file: string; who: "admin" | "reviewer" | "analyst" | "customer"; hash: string; locale: "en" | "fr"; wait: string }[] = [
  { file: "overview", who: "admin", hash: "#/", locale: "en", wait: "[data-case]" },
  { file: "review-desk", who: "reviewer", hash: "#/review", locale: "en", wait: "table" },
  { file: "review-case", who: "reviewer", hash: "#/review/INV-2009-10-A-PHYSICIAN", locale: "en", wait: "form[data-action=release]" },
  { file: "line-360", who: "analyst", hash: "#/lines/VAL-0001", locale: "en", wait: "svg[data-chart=spend]" },
  { file: "findings", who: "reviewer", hash: "#/findings?period=2009-10", locale: "en", wait: "[data-finding]" },
  {
    file: "simulator",
    who: "analyst",
    hash: "#/simulator?from=pro-everywhere-50&to=pro-unlimited&period=2009-10",
    locale: "en",
    wait: "svg[data-chart=deltas]",
  },
  { file: "notices", who: "admin", hash: "#/notices?line_id=VAL-0001", locale: "en", wait: "table" },
  { file: "self-care", who: "customer", hash: "#/", locale: "en", wait: "form[data-form=roaming-limit]" },
  { file: "self-care-fr", who: "customer", hash: "#/", locale: "fr", wait: "form[data-form=roaming-limit]" },
];

mkdirSync(OUT, { recursive: true });
const dist = join(tempDir("gardefou-shots-"), "dist");
await buildWeb(dist);
const demo = await startWebDemo({ lines: 300, webDir: dist, listen: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const shot of SHOTS) {
    await page.goto(`${demo.url}/`);
    await page.evaluate(`sessionStorage.clear(); localStorage.setItem("gardefou.locale", "${shot.locale}")`);
    // A query string makes this a new document: the app starts again, in the locale just set.
    await page.goto(`${demo.url}/?${shot.file}#token=${demo.tokens[shot.who]}`);
    await page.locator("main h1").waitFor();
    await page.goto(`${demo.url}/${shot.hash}`);
    await page.locator(shot.wait).first().waitFor();
    await page.evaluate("document.activeElement?.blur()");
    await page.screenshot({ path: join(OUT, `${shot.file}.png`), fullPage: true });
    process.stdout.write(`docs/screenshots/${shot.file}.png\n`);
  }
} finally {
  await browser.close();
  await demo.close();
}

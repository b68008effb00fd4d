import assert from "node:assert/strict";
import { join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { buildWeb } from "../web/build.ts";
import { browserUnavailable, launchChromium } from "./helpers/browser.ts";
import { tempDir } from "./helpers/temp.ts";
import { startWebDemo, type WebDemo } from "./helpers/web-demo.ts";

const unavailable = await browserUnavailable();

/**
 * The web app in a real headless Chromium (Debian's, driven by playwright-core) on a small
 * demo: a reviewer releases a held invoice, a customer sets a roaming limit, a chart is read.
 * People drive it by role and label, as assistive technology does.
 */
describe("web app in Chromium", { skip: unavailable ?? false }, () => {
  let demo: WebDemo;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    const dist = join(tempDir("gardefou-web-dist-"), "dist");
    await buildWeb(dist);
    demo = await startWebDemo({ lines: 300, webDir: dist, listen: true });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
  });
  afterEach(() => assert.deepEqual(pageErrors.splice(0), [], "no script error in the page"));
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function signIn(token: string): Promise<void> {
    await page.goto(`${demo.url}/`);
    await page.evaluate("sessionStorage.clear()");
    // A real reload, not a hash change: the previous test's session must not linger in the page.
    await page.reload();
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("banner").getByRole("link").first().waitFor();
  }

  it("signs in with a token, and the keyboard reaches the content first", async () => {
    await signIn(demo.tokens.admin);
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    assert.equal(await page.locator("[data-case]").count(), 2, "the two 2009 cases");
    assert.match((await page.locator('[data-case="PHY-0001"]').textContent()) ?? "", /€159,212\.00\s*held/);
    // A route change puts the focus on the page's heading: the next Tab is in the content.
    assert.equal(await page.evaluate("document.activeElement?.tagName"), "H1");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement?.textContent"), "VAL-0001 on pro-everywhere-95");
    // Backwards through the banner (language, sign-out, navigation) to the skip link, which leads back to the content.
    const stops: string[] = [];
    for (let i = 0; i < 20 && stops.at(-1) !== "Skip to content"; i++) {
      await page.keyboard.press("Shift+Tab");
      stops.push(await page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''"));
    }
    assert.ok(stops.includes("Sign out") && stops.includes("Review desk"), stops.join(" | "));
    assert.equal(stops.at(-1), "Skip to content");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate("document.activeElement?.id"), "main");
  });

  it("reads line 360's chart: the cut-off on the first day, billing flat at the limit", async () => {
    await page.getByRole("link", { name: "VAL-0001 on pro-everywhere-95" }).click();
    await page.getByRole("heading", { level: 1, name: "Line VAL-0001" }).waitFor();
    const volume = page.locator('svg[data-chart="volume"]');
    assert.equal(await volume.locator(":scope > title").textContent(), "Data volume per day by zone, 2009-10");
    const cutOff = volume.locator('g.marker[data-kind="cut_off"]');
    assert.equal(await cutOff.getAttribute("data-date"), "2009-10-01");
    assert.equal(await cutOff.locator("text").textContent(), "cut-off");
    assert.equal(await volume.locator('rect[data-zone="eu"]').count(), 31, "roaming went on all month: it was recorded, not billed");
    const spend = page.locator('svg[data-chart="spend"]');
    assert.equal(await spend.locator('path[data-zone="eu"]').getAttribute("data-last"), "50.00");
    assert.match((await spend.locator('g.reference[data-kind="cap"] text').textContent()) ?? "", /Roaming data limit €50\.00/);
    assert.match((await page.locator("[data-summary]").textContent()) ?? "", /Billed in the period: €50\.00\. .*cut-off on 1 Oct/);
    await page.getByText("The chart's numbers").first().click();
    const firstDay = page.locator("details.chart-data tbody tr").first();
    assert.match((await firstDay.textContent()) ?? "", /1 Oct.*€50\.00.*cut-off/);
  });

  it("releases a held invoice from the review desk", async () => {
    await signIn(demo.tokens.reviewer);
    await page.getByRole("link", { name: "Review desk", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Review desk" }).waitFor();
    await page.getByRole("link", { name: "INV-2009-10-A-PHYSICIAN" }).first().click();
    await page.locator('.review-case[data-status="held"]').waitFor();
    const release = page.locator('form[data-action="release"]');
    await release.getByLabel("Reason").fill("Customer reached: agreed to settle on the unlimited plan");
    await release.getByRole("button", { name: "Release the invoice" }).click();
    await page.locator('.review-case[data-status="issued"]').waitFor();
    const history = (await page.locator("table", { hasText: "What happened to" }).textContent()) ?? "";
    assert.match(history, /test reviewer \(tok_[0-9a-f]+\).*held → approved.*agreed to settle/);
    const stored = await demo.app.store.review?.getInvoice("INV-2009-10-A-PHYSICIAN");
    assert.equal(stored?.status, "issued");
  });

  it("sets a roaming limit as a customer, in French too", async () => {
    await signIn(demo.tokens.customer);
    await page.getByRole("heading", { level: 1, name: "My line VAL-0001" }).waitFor();
    await page.getByLabel("My own limit").check();
    await page.getByLabel("Amount in EUR, excl. VAT").fill("20.00");
    await page.getByRole("button", { name: "Save my choice" }).click();
    await page.locator("[data-current-limit]", { hasText: "Now: your own limit of €20.00." }).waitFor();
    assert.equal(demo.app.engine.lines.get("VAL-0001")?.caps[0]?.limit, 20_000_000, "in force in the engine at once");
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("heading", { level: 1, name: "Ma ligne VAL-0001" }).waitFor();
    await page.getByLabel("Montant en EUR, HT").fill("abc");
    await page.getByRole("button", { name: "Enregistrer mon choix" }).click();
    await page.getByRole("alert").getByText("Saisissez un montant").waitFor();
    assert.equal(demo.app.engine.lines.get("VAL-0001")?.caps[0]?.limit, 20_000_000, "nothing sent for a malformed amount");
    await page.getByLabel("Langue").selectOption("en");
  });

  it("keeps a customer to its own line", async () => {
    await page.goto(`${demo.url}/#/lines/PHY-0001`);
    await page.getByRole("heading", { level: 1, name: "My line VAL-0001" }).waitFor();
    // The page's own token, used the way the app uses it: the API refuses the other account.
    const status = await page.evaluate<number>(
      "fetch('/api/v1/lines/PHY-0001', { headers: { authorization: 'Bearer ' + sessionStorage.getItem('gardefou.token') } }).then((r) => r.status)",
    );
    assert.equal(status, 403);
  });
});

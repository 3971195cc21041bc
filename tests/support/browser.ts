// Debian's Chromium driven by playwright-core (no browser download), and axe-core as the judge
// of WCAG 2.1 AA on every page a test visits.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const withoutJavaScript = new WeakSet<Page>();

/** A page in a fresh context (own cookies). `javaScript: false` is a browser with scripts off. */
export async function newPage(browser: Browser, options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {}) {
  const javaScript = options.javaScript ?? true;
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: options.viewport });
  const page = await context.newPage();
  if (!javaScript) withoutJavaScript.add(page);
  return page;
}

/**
 * Runs axe with the WCAG 2.1 A and AA rules on the page as it is now; fails on any violation.
 * axe needs scripts, so a page without JavaScript is checked as a copy of its exact HTML (scripts
 * removed) served at the same URL in a scripting context.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  let target = page;
  if (withoutJavaScript.has(page)) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    const url = page.url();
    const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() ?? undefined });
    target = await context.newPage();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await target.goto(url);
  }
  const results = await new AxeBuilder({ page: target }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  if (target !== page) await target.context().close();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Logs in through the login form (bokmål, as a first visit is) and waits for the home page. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<Page> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByRole("heading", { level: 1, name: /^Hei, / }).waitFor();
  return page;
}

/** Opens a path of the app and checks the page with axe. */
export async function visitAccessible(page: Page, baseUrl: string, path: string, label = path): Promise<void> {
  await page.goto(baseUrl + path);
  await expectAccessible(page, label);
}

// The main menu in Debian's Chromium: a researcher's menu fits one line at 1280 px, a group opens
// and leads to its page with JavaScript on and off, closes again after the move, and the page
// with a group open passes axe, at 1280 px and on a 320 px phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, logIn, newPage } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const menu = (page: Page) => page.getByRole("navigation", { name: "Hovedmeny" });

/** The distinct vertical positions of the menu's top-level entries. */
const rowsOf = (page: Page) =>
  page.evaluate(() => new Set([...document.querySelectorAll(".main-nav > ul > li")].map((li) => Math.round(li.getBoundingClientRect().top))).size);

describe("the main menu", () => {
  for (const javaScript of [true, false]) {
    it(`leads a researcher through a group to its page (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const page = await logIn(await newPage(browser, { javaScript, viewport: { width: 1280, height: 800 } }), server.url, identities.researcher, passwords[identities.researcher]);
      expect(await rowsOf(page)).toBe(1);
      const link = menu(page).getByRole("link", { name: "Loggføring per måned" });
      expect(await link.isVisible()).toBe(false);
      await menu(page).getByText("Logger", { exact: true }).click();
      await link.waitFor();
      await expectAccessible(page, `menu group open (JavaScript ${javaScript ? "on" : "off"})`);
      await link.click();
      await page.getByRole("heading", { level: 1, name: "Loggføring per måned" }).waitFor();
      expect(await menu(page).getByRole("link", { name: "Loggføring per måned" }).isVisible()).toBe(false);
      await page.context().close();
    });
  }

  it("fits a phone: the open group stays inside 320 px", async () => {
    const page = await logIn(await newPage(browser, { viewport: { width: 320, height: 640 } }), server.url, identities.researcher, passwords[identities.researcher]);
    await menu(page).getByText("Eksport og revisjon").click();
    await menu(page).getByRole("link", { name: "Revisjonslogg" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, "menu group open at 320 px");
    await page.context().close();
  });
});

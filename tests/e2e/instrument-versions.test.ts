// Instrument versions in Debian's Chromium (issue 14): with JavaScript a researcher uploads version
// 2 of the employer survey, reads the changes, previews the draft and publishes it; without
// JavaScript an upload without a file gets its error at the field. axe on every page and state;
// any page or console error fails.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage } from "../support/browser";
import { employerSurveyV2 } from "../support/instrument-v2";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const as = async (javaScript: boolean): Promise<Page> => logIn(await newPage(browser, { javaScript }), server.url, identities.researcher, passwords[identities.researcher]);

describe("instrument versions in the browser", () => {
  it("without JavaScript: an upload without a file gets its error at the field", { timeout: 120_000 }, async () => {
    const page = await as(false);
    await page.goto(`${server.url}/instruments`);
    await expectAccessible(page, "instruments");
    expectFailures(page, { status: 400, method: "POST" });
    await page.getByRole("button", { name: "Last opp som utkast" }).click();
    await page.getByText("Velg en YAML-fil.").waitFor();
    expect(await page.getByLabel("Last opp en definisjon (YAML)").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "upload without a file");
    await page.close();
  });

  it("with JavaScript: upload v2, read the changes, preview the draft, publish", { timeout: 120_000 }, async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "medforsker-v2-")), "v2.yaml");
    writeFileSync(file, employerSurveyV2());
    const page = await as(true);
    await page.goto(`${server.url}/instruments`);
    await page.getByLabel("Last opp en definisjon (YAML)").setInputFiles(file);
    await page.getByRole("button", { name: "Last opp som utkast" }).click();
    await page.getByRole("heading", { name: "Utkast til «Spørreundersøkelse blant arbeidsgivere», versjon 2" }).waitFor();
    await page.getByRole("heading", { name: "Endringer fra versjon 1" }).waitFor();
    await page.getByText("Hva mer kunne jobbspesialisten gjort?").waitFor();
    await expectAccessible(page, "draft with its changes");
    await page.getByRole("link", { name: "Forhåndsvis utkastet" }).click();
    await page.getByText("Hva mer kunne jobbspesialisten gjort?").first().waitFor();
    await expectAccessible(page, "draft preview");
    await page.goBack();
    await page.getByRole("button", { name: "Publiser versjon 2" }).click();
    await page.getByText("Versjon 2 er publisert.").waitFor();
    await expectAccessible(page, "published version");
    await page.goto(`${server.url}/instruments`);
    await page.getByText("Ingen utkast.").waitFor();
    await page.close();
  });
});

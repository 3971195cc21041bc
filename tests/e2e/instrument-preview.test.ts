// Every instrument's preview in Chromium, on a desktop and on a phone without JavaScript, with axe:
// the generic renderer must give an accessible form for any definition, errors included.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { expectAccessible, launchBrowser, logIn, newPage } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let password = "";

beforeAll(async () => {
  const seeded = await seedDemo();
  password = seeded.passwords[identities.researcher];
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function loggedIn(options: Parameters<typeof newPage>[1]) {
  return logIn(await newPage(browser, options), server.url, identities.researcher, password);
}

describe("instrument previews", () => {
  it("render every instrument accessibly on a desktop and a phone", { timeout: 420_000 }, async () => {
    const desktop = await loggedIn({});
    const phone = await loggedIn({ javaScript: false, viewport: { width: 375, height: 740 } });
    for (const instrument of loadCodebook().latest()) {
      for (const page of [desktop, phone]) {
        await page.goto(`${server.url}/instruments/${instrument.id}`);
        await page.getByRole("heading", { level: 1, name: instrument.title.nb }).waitFor();
        await expectAccessible(page, `${instrument.id} preview`);
      }
    }
  });

  it("points out missing answers at each statement, without JavaScript", { timeout: 120_000 }, async () => {
    const phone = await loggedIn({ javaScript: false, viewport: { width: 375, height: 740 } });
    await phone.goto(`${server.url}/instruments/employer-survey`);
    const statement = () => phone.getByRole("group", { name: /^Informasjon om oppfølging/ });
    await statement().getByLabel("Ja", { exact: true }).check();
    await phone.getByRole("button", { name: "Kontroller svarene" }).click();
    await phone.locator('[aria-invalid="true"]').first().waitFor();
    // The answer given is kept; the statements left open say so.
    expect(await statement().getByLabel("Ja", { exact: true }).isChecked()).toBe(true);
    expect(await phone.locator(".field-error, .inst-error").count()).toBeGreaterThan(20);
    await expectAccessible(phone, "employer survey with errors (phone, no JS)");
  });
});

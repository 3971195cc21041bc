// The log in Debian's Chromium, with axe (WCAG 2.1 AA) on every page visited: drafting with
// autosave, a lost connection and an ended session that lose nothing, the submit flow with its
// double-click and confirmation, the same without JavaScript, and the reading pages of
// researchers and case leads.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentMonth, monthLabel, todayInNorway } from "../../app/logs/months";
import { translator } from "../../app/i18n/catalog";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage, visitAccessible } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string> = {};
let db: Database.Database;
const month = currentMonth();
const monthNb = monthLabel(translator("nb"), month);

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  db = new Database(path.join(seeded.dataDir, "medforsker.db"));
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  db?.close();
});

async function signIn(email: string, javaScript = true): Promise<{ context: BrowserContext; page: Page }> {
  const page = await logIn(await newPage(browser, { javaScript }), server.url, email, passwords[email]);
  return { context: page.context(), page };
}

const visit = (page: Page, target: string, label = target) => visitAccessible(page, server.url, target, label);

const status = (page: Page) => page.locator(".log-autosave");

describe("drafting with JavaScript", () => {
  it("autosaves as the person types and brings the draft back after a reload", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.jsA);
    await expectAccessible(page, "job specialist home");
    await page.getByRole("link", { name: "Skriv et loggnotat" }).click();
    await page.getByRole("heading", { name: `Logg for ${monthNb}`, exact: true }).waitFor();
    await expectAccessible(page, "log page");
    await page.getByLabel("Situasjon").fill("Tre deltakere startet i praksis på lager.");
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(/Utkastet er lagret/);
    // A phone number gets the warning while typing.
    await page.getByLabel("Jobbspesialistens bistand").fill("Ringte arbeidsgiver på 912 34 567.");
    await page.getByText("Telefonnummer: «912 34 567»").waitFor();
    await expectAccessible(page, "log page with warning");
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(/Utkastet er lagret/);
    await page.reload();
    expect(await page.getByLabel("Situasjon").inputValue()).toBe("Tre deltakere startet i praksis på lager.");
    expect(await page.getByLabel("Jobbspesialistens bistand").inputValue()).toBe("Ringte arbeidsgiver på 912 34 567.");
    await context.close();
  });

  it("keeps what is typed through a lost connection and a closed tab", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.jsA);
    // Offline: requests get no answer, and Remix says so when it cannot fetch a route's manifest.
    expectFailures(page, { network: /ERR_INTERNET_DISCONNECTED/ }, { console: /^Failed to fetch manifest patches/ });
    await page.goto(`${server.url}/log`);
    await context.setOffline(true);
    await page.getByLabel("Resultat").fill("Skrevet uten nett.");
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(/Ingen forbindelse/);
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${server.url}/log`);
    await expect.poll(() => again.getByLabel("Resultat").inputValue(), { timeout: 20_000 }).toBe("Skrevet uten nett.");
    // The page says the text was brought back: from this browser's copy when the form had a server
    // draft to compare with, or as the draft this browser has just uploaded when it had none.
    await again.getByText(/hentet fram/).first().waitFor();
    await expect
      .poll(() => db.prepare("select count(*) as n from log_drafts where \"values\" like '%Skrevet uten nett.%'").get(), { timeout: 20_000 })
      .toEqual({ n: 1 });
    // Now it is on the server too: a fresh browser sees it.
    await context.close();
    const other = await signIn(identities.jsA);
    await other.page.goto(`${server.url}/log`);
    expect(await other.page.getByLabel("Resultat").inputValue()).toBe("Skrevet uten nett.");
    await other.context.close();
  });

  it("keeps what is typed when the session ends, and restores it after logging in again", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.jsA);
    expectFailures(page, { status: 401, path: "/log/autosave" });
    await page.goto(`${server.url}/log`);
    db.prepare("update sessions set expires_at = 0 where user_id = (select id from users where email = ?)").run(identities.jsA);
    await page.getByLabel("Hva kunne gjøres annerledes?").fill("Skrevet etter at økten løp ut.");
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(/Du er logget ut/);
    await expectAccessible(page, "log page, session ended");
    await page.getByRole("link", { name: "Logg inn igjen (teksten din blir med)" }).click();
    await page.getByLabel("E-postadresse").fill(identities.jsA);
    await page.getByLabel("Passord").fill(passwords[identities.jsA]);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByRole("heading", { name: `Logg for ${monthNb}`, exact: true }).waitFor();
    await expect.poll(() => page.getByLabel("Hva kunne gjøres annerledes?").inputValue(), { timeout: 20_000 }).toBe("Skrevet etter at økten løp ut.");
    await context.close();
  });
});

describe("saving and submitting", () => {
  it("saves once on a double click, then submits the month after confirmation", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.jsA);
    expectFailures(page, { status: 400, method: "POST" });
    await page.goto(`${server.url}/log`);
    const countNotes = () => page.locator("article.log-note").count();
    const before = await countNotes();
    await page.getByLabel("Dato").fill(todayInNorway());
    await page.getByLabel("Situasjon").fill("Dobbeltklikk i nettleseren.");
    await page.getByLabel("Jobbspesialistens bistand").fill("Fulgte opp arbeidsgiverne.");
    await page.getByLabel("Resultat").fill("Praksisen fortsetter.");
    await page.getByLabel("Hva kunne gjøres annerledes?").fill("Ringe tidligere.");
    await page.getByLabel("Trinn 4: Samarbeid med arbeidsgiver").check();
    await page.getByRole("button", { name: "Lagre notat" }).dblclick();
    await page.getByText("Notatet er lagret.").waitFor();
    await expect.poll(countNotes, { timeout: 20_000 }).toBe(before + 1);
    await page.reload();
    expect(await countNotes()).toBe(before + 1);
    expect(db.prepare("select count(*) n from log_notes where answers like '%Dobbeltklikk i nettleseren.%'").get()).toEqual({ n: 1 });
    await expectAccessible(page, "log page after save");

    await page.getByRole("button", { name: `Lever logg for ${monthNb}` }).click();
    await page.getByText("Kryss av for å bekrefte at du vil levere loggen").waitFor();
    await expectAccessible(page, "submit without confirmation");
    await page.getByLabel(/Jeg har lest gjennom/).check();
    await page.getByRole("button", { name: `Lever logg for ${monthNb}` }).click();
    await page.getByText(`Loggen for ${monthNb} er levert. Takk!`).waitFor();
    expect(await page.getByRole("button", { name: "Lagre notat" }).count()).toBe(0);
    await expectAccessible(page, "submitted month");
    await visit(page, "/log/mine", "Mine refleksjoner");
    await visit(page, `/log/mine?step=4&q=dobbeltklikk`, "Mine refleksjoner filtered");
    await visit(page, "/log/mine/print", "printable log");
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("saves the draft on every submit, shows errors at the fields and keeps the text", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.jsB, false);
    await visit(page, "/log", "log page without JavaScript");
    await page.getByLabel("Situasjon").fill("Uten JavaScript.");
    await page.getByRole("button", { name: "Lagre notat" }).click();
    await page.getByText("Dette feltet må fylles ut").first().waitFor();
    expect(await page.getByLabel("Situasjon").inputValue()).toBe("Uten JavaScript.");
    await expectAccessible(page, "log page with errors");
    // Walk away; the draft is on the server.
    await page.goto(`${server.url}/`);
    await page.goto(`${server.url}/log`);
    expect(await page.getByLabel("Situasjon").inputValue()).toBe("Uten JavaScript.");
    await page.getByLabel("Jobbspesialistens bistand").fill("Besøk hos arbeidsgivere.");
    await page.getByLabel("Resultat").fill("To nye praksisplasser.");
    await page.getByLabel("Hva kunne gjøres annerledes?").fill("Mer tid til forberedelse.");
    await page.getByLabel("Trinn 3: Å finne jobb").check();
    await page.getByRole("button", { name: "Lagre notat" }).click();
    await page.getByText("Notatet er lagret.").waitFor();
    const edit = page.getByRole("link", { name: "Endre eller slett" }).last();
    await edit.click();
    await page.getByRole("heading", { name: /Endre notatet fra/ }).waitFor();
    await expectAccessible(page, "edit note");
    await page.getByRole("button", { name: "Slett notatet" }).click();
    await page.getByText("Kryss av for å bekrefte at notatet skal slettes").waitFor();
    await expectAccessible(page, "delete without confirmation");
    // In English too.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: /Change the note of/ }).waitFor();
    await visit(page, "/log", "log page (en)");
    await page.getByRole("heading", { name: `Log for ${monthLabel(translator("en"), month)}`, exact: true }).waitFor();
    await page.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await context.close();
  });
});

describe("an ended session without JavaScript", () => {
  it("shows a login form that carries the note, and logging in saves it", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.jsB, false);
    await page.goto(`${server.url}/log`);
    await page.getByLabel("Situasjon").fill("Skrevet uten JavaScript før økten løp ut.");
    await page.getByLabel("Jobbspesialistens bistand").fill("Møter med arbeidsgivere.");
    await page.getByLabel("Resultat").fill("Nye avtaler.");
    await page.getByLabel("Hva kunne gjøres annerledes?").fill("Ingenting å melde.");
    await page.getByLabel("Trinn 2: Yrkeskartlegging og karriereplanlegging").check();
    db.prepare("update sessions set expires_at = 0 where user_id = (select id from users where email = ?)").run(identities.jsB);
    await page.getByRole("button", { name: "Lagre notat" }).click();
    await page.getByRole("heading", { name: "Logg inn for å lagre" }).waitFor();
    await expectAccessible(page, "log in to save (401)");
    await page.getByLabel("E-postadresse").fill(identities.jsB);
    await page.getByLabel("Passord").fill(passwords[identities.jsB]);
    await page.getByRole("button", { name: "Logg inn og lagre" }).click();
    await page.getByText("Notatet er lagret.").waitFor();
    await page.getByText("Skrevet uten JavaScript før økten løp ut.").waitFor();
    await context.close();
  });
});

describe("researchers and case leads", () => {
  it("see what their role allows, and every page passes axe", { timeout: 180_000 }, async () => {
    const { page, context } = await signIn(identities.researcher);
    expectFailures(page, { status: 400, method: "POST" });
    await page.getByRole("link", { name: "Se hvem som har levert logg" }).waitFor();
    await visit(page, "/logs/compliance", "compliance grid");
    await page.getByText("5 jobbspesialister har levert alle 16 månedene, 8 har levert noen måneder, 4 har ikke levert.").waitFor();
    // At 1280 px all 16 months, the totals and the caption are on the screen, the grid unscrolled.
    await page.setViewportSize({ width: 1280, height: 900 });
    const grid = page.getByRole("region", { name: /^Levert logg per jobbspesialist og måned/ });
    expect(await grid.evaluate((e) => [e.scrollWidth, e.clientWidth])).toEqual(await grid.evaluate((e) => [e.clientWidth, e.clientWidth]));
    const headers = grid.locator("thead th");
    expect(await headers.count()).toBe(18);
    expect(await headers.last().textContent()).toBe("Levert");
    for (const cell of [headers.nth(16), headers.last(), grid.locator("tfoot td").last(), grid.locator("caption")]) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    expect(await grid.locator("caption").evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await visit(page, "/logs", "submitted logs");
    await visit(page, "/logs?programme=intro&step=2&q=cv", "submitted logs, filtered");
    await page.getByRole("link", { name: /Demosen · / }).first().click();
    await page.getByRole("heading", { name: /: logg for / }).waitFor();
    await expectAccessible(page, "person month");
    await page.getByRole("button", { name: "Åpne måneden igjen" }).click();
    await page.getByText("Kryss av for å bekrefte at måneden skal åpnes igjen").waitFor();
    await expectAccessible(page, "reopen without confirmation");
    await context.close();

    const lead = await signIn(identities.leadA);
    await lead.page.getByRole("link", { name: "Se hvem som har levert logg" }).click();
    await lead.page.getByRole("heading", { name: "Loggføring per måned" }).waitFor();
    await expectAccessible(lead.page, "compliance grid (case lead)");
    expect(await lead.page.locator("tbody tr").count()).toBe(3);
    await lead.context.close();
  });
});

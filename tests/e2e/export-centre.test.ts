// The export centre, its export page, the page of an export while it is made, the redaction
// review and the audit log in Debian's Chromium, without JavaScript and with it, in bokmål and
// English, with axe (WCAG 2.1 AA) on every page and state visited.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, logIn, newPage } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let password = "";

/** Log notes added to the demo's second half-year, so an export of it takes a while. */
const NOTES = 60_000;

beforeAll(async () => {
  const seeded = await seedDemo();
  password = seeded.passwords[identities.researcher];
  const db = new Database(path.join(seeded.dataDir, "medforsker.db"));
  const months = db.prepare("SELECT m.author_id AS author, m.month, u.case_project_id AS cp FROM log_months m JOIN users u ON u.id = m.author_id WHERE m.status = 'submitted' AND m.month >= '2018-07' ORDER BY 1, 2").all() as { author: number; month: string; cp: number }[];
  const insert = db.prepare("INSERT INTO log_notes (project_id, author_id, case_project_id, client_key, month, date, step, instrument_id, instrument_version, answers) VALUES (1, ?, ?, ?, ?, ?, 3, 'log-entry', 1, ?)");
  db.transaction(() => {
    for (let i = 0; i < NOTES; i++) {
      const m = months[i % months.length];
      insert.run(m.author, m.cp, `e2e-${i}`, m.month, `${m.month}-12`, JSON.stringify({ dato: `${m.month}-12`, situasjon: `Notat ${i} om praksisplassen.`, bistand: "Oppfølging.", resultat: null, annerledes: null, god_praksis: null, trinn: 3 }));
    }
  })();
  db.close();
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const login = (page: Page) => logIn(page, server.url, identities.researcher, password);

describe("the export centre in the browser", () => {
  it("previews, reports errors at the fields and makes a package without JavaScript", { timeout: 420_000 }, async () => {
    const page = await newPage(browser, { javaScript: false });
    await login(page);
    await expectAccessible(page, "home with the export panel");
    await page.getByRole("link", { name: "Gå til eksport" }).click();
    await page.getByRole("heading", { name: "Eksport", exact: true }).waitFor();
    await expectAccessible(page, "export centre");

    // Preview of the employer survey.
    await page.getByLabel("Spørreundersøkelse blant arbeidsgivere").check();
    await page.getByRole("button", { name: "Forhåndsvis" }).click();
    await page.getByRole("heading", { name: "Forhåndsvisning" }).waitFor();
    expect(await page.textContent(".export-preview")).toContain("45 rader");
    await expectAccessible(page, "export preview");

    // A wrong period: the error next to the field, what was typed still there.
    await page.getByLabel("Loggnotater").check();
    await page.getByLabel("Fra måned", { exact: true }).fill("2018-05");
    await page.getByLabel("Til måned", { exact: true }).fill("2018-01");
    await page.getByRole("button", { name: "Lag eksport" }).click();
    await page.getByText("Til-måneden kan ikke være før fra-måneden").waitFor();
    expect(await page.getByLabel("Fra måned", { exact: true }).inputValue()).toBe("2018-05");
    expect(await page.getByLabel("Loggnotater").isChecked()).toBe(true);
    await expectAccessible(page, "export centre with errors");

    // A REFI-QDA package of the log.
    await page.getByLabel("Til måned", { exact: true }).fill("2018-06");
    await page.getByLabel("REFI-QDA-prosjekt (.qdpx)").check();
    await page.getByRole("button", { name: "Lag eksport" }).click();
    await page.getByRole("heading", { name: /^Eksport nr\. \d+$/ }).waitFor();
    expect(await page.getByRole("link", { name: "Last ned pakken" }).getAttribute("href")).toMatch(/^\/exports\/\d+\/download$/);
    expect(await page.textContent(".export-manifest")).toContain("Fritekst renset");
    await expectAccessible(page, "export page");

    await page.getByRole("link", { name: "Tilbake til eksport" }).click();
    await page.getByRole("link", { name: "Gå gjennom foreslått sladding" }).click();
    await page.getByRole("heading", { name: "Gjennomgang av sladding" }).waitFor();
    await expectAccessible(page, "redaction review");
    await page.getByLabel("Ett ord eller uttrykk per linje").fill("Jobbsmaking");
    await page.getByRole("button", { name: "Lagre gjennomgangen" }).click();
    await page.getByText("Gjennomgangen er lagret.").waitFor();
    await expectAccessible(page, "redaction review saved");

    await page.goto(`${server.url}/audit`);
    await page.getByRole("heading", { name: "Revisjonslogg" }).waitFor();
    expect(await page.textContent("main")).toContain("export.created");
    await expectAccessible(page, "audit log");

    // The same pages in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await expectAccessible(page, "audit log (en)");
    await page.goto(`${server.url}/exports`);
    await page.getByRole("heading", { name: "Export", exact: true }).waitFor();
    await expectAccessible(page, "export centre (en)");
    await page.goto(`${server.url}/exports/review?project=afi-2017&dataset=transcripts`);
    await page.getByRole("heading", { name: "Review of redactions" }).waitFor();
    await expectAccessible(page, "redaction review (en)");
    // The language is saved with the account: back to bokmål for the next test.
    await page.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await page.getByRole("heading", { name: "Gjennomgang av sladding" }).waitFor();
  });

  it("works the same with JavaScript", { timeout: 120_000 }, async () => {
    const page = await newPage(browser);
    await login(page);
    await page.goto(`${server.url}/exports`);
    await page.getByLabel("Individrapporter").check();
    await page.getByRole("button", { name: "Forhåndsvis" }).click();
    await page.getByRole("heading", { name: "Forhåndsvisning" }).waitFor();
    expect(await page.textContent(".export-preview")).toContain("skjult");
    await expectAccessible(page, "preview with JavaScript");
    await page.getByLabel("SPSS-datafil (.sav)").check();
    await page.getByRole("button", { name: "Lag eksport" }).click();
    await page.getByRole("heading", { name: /^Eksport nr\. \d+$/ }).waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Last ned pakken" }).click();
    expect((await download).suggestedFilename()).toMatch(/^medforsker-afi-2017-participant-reports-sav-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
  });

  it("shows an export's progress while it is made: a page that refreshes itself without JavaScript, a progress bar with it", { timeout: 300_000 }, async () => {
    const bigExport = async (page: Page) => {
      await page.goto(`${server.url}/exports`);
      await page.getByLabel("Loggnotater").check();
      await page.getByLabel("Fra måned", { exact: true }).fill("2018-07");
      await page.getByLabel("Til måned", { exact: true }).fill("2018-12");
      await page.getByLabel("NVivo-datasett (.xlsx)").check();
      await page.getByRole("button", { name: "Lag eksport" }).click();
      await page.waitForURL(/\/exports\/jobs\/\d+$/);
      await page.getByRole("heading", { name: /^Eksporten (lages|venter på tur)$/ }).waitFor();
    };

    // Without JavaScript: the job's page, which reloads itself until the package is made.
    const plain = await newPage(browser, { javaScript: false });
    await login(plain);
    await bigExport(plain);
    await expectAccessible(plain, "export job page");
    await plain.getByRole("heading", { name: /^Eksport nr\. \d+$/ }).waitFor({ timeout: 240_000 });

    // With JavaScript: the progress bar moves on the same page, which then goes on to the export.
    const page = await newPage(browser);
    await login(page);
    await bigExport(page);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const bar = page.getByRole("progressbar", { name: "Fremdrift" });
    await bar.waitFor();
    await expectAccessible(page, "export job page with JavaScript");
    const first = await page.textContent(".export-progress__text");
    await page.waitForFunction((before) => document.querySelector(".export-progress__text")?.textContent !== before, first, { timeout: 120_000 });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.getByRole("heading", { name: /^Eksport nr\. \d+$/ }).waitFor({ timeout: 240_000 });
  });
});

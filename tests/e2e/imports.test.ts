// Importing existing files in Debian's Chromium, as a researcher would: with JavaScript the example
// log is downloaded, uploaded, its dry run read, a column changed and changed back, and the import
// confirmed; without JavaScript the upload (with an error at the file field first) and the
// confirmation. axe (WCAG 2.1 AA) on every page and state; any page or console error fails.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
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
let dataDir = "";
const files = mkdtempSync(path.join(os.tmpdir(), "import-e2e-"));

beforeAll(async () => {
  const seeded = await seedDemo();
  password = seeded.passwords[identities.researcher];
  dataDir = seeded.dataDir;
  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const imported = () => {
  const db = new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM log_notes WHERE import_id IS NOT NULL").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function openImports(page: Page) {
  await logIn(page, server.url, identities.researcher, password);
  await page.goto(`${server.url}/imports`);
  await page.getByRole("heading", { name: "Importer data" }).waitFor();
}

describe("importing in the browser", () => {
  it("with JavaScript: the example log, its dry run, a column changed and back, confirmed", { timeout: 180_000 }, async () => {
    const page = await newPage(browser, { javaScript: true });
    await openImports(page);
    await expectAccessible(page, "import page");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Logg i AFI-oppsettet (Tabell 5), Excel" }).click();
    const file = path.join(files, "logg-eksempel.xlsx");
    await (await download).saveAs(file);

    await page.getByLabel("Loggnotater").check();
    await page.getByLabel("Fil (.csv eller .xlsx)").setInputFiles(file);
    await page.getByRole("button", { name: "Last opp og prøvekjør" }).click();
    await page.getByRole("heading", { name: "Prøvekjøring: logg-eksempel.xlsx" }).waitFor();
    expect(await page.getByRole("status").first().textContent()).toContain("12 rader: 12 nye");
    await expectAccessible(page, "dry run");

    // «Trinn i SE» read as nothing: every row misses its step, said at the column.
    await page.getByLabel("Importer kolonnen «Trinn i SE» som").selectOption("");
    await page.getByRole("button", { name: "Prøvekjør med disse valgene" }).click();
    await page.getByText("12 rader: 0 nye, 0 oppdatert, 0 finnes fra før, 12 avvist.").waitFor();
    expect(await page.locator('tr[data-action="reject"]').first().textContent()).toContain("Trinn i SE:");
    await expectAccessible(page, "dry run with rejected rows");
    await page.getByLabel("Importer kolonnen «Trinn i SE» som").selectOption("trinn");
    await page.getByRole("button", { name: "Prøvekjør med disse valgene" }).click();
    await page.getByText("12 rader: 12 nye, 0 oppdatert, 0 finnes fra før, 0 avvist.").waitFor();

    await page.getByRole("button", { name: "Bekreft import av 12 rader" }).click();
    await page.getByText("Importen av «logg-eksempel.xlsx» er lagret: 12 nye").waitFor();
    expect(imported()).toBe(12);
    await expectAccessible(page, "import saved");
    await page.close();
  });

  it("without JavaScript: an error at the file field, then upload and confirm", { timeout: 180_000 }, async () => {
    const page = await newPage(browser, { javaScript: false });
    await openImports(page);
    const bad = path.join(files, "feil.csv");
    writeFileSync(bad, 'Dato,Situasjon\r\n01.02.2017,"ikke lukket\r\n');
    await page.getByLabel("Loggnotater").check();
    await page.getByLabel("Fil (.csv eller .xlsx)").setInputFiles(bad);
    await page.getByRole("button", { name: "Last opp og prøvekjør" }).click();
    await page.getByText("CSV-filen har et anførselstegn som ikke er lukket (rundt rad 2).").waitFor();
    expect(await page.getByLabel("Loggnotater").isChecked()).toBe(true);
    await expectAccessible(page, "upload refused");

    const db = new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
    const js = db.prepare("SELECT email FROM users WHERE role = 'job_specialist' ORDER BY id LIMIT 1 OFFSET 2").get() as { email: string };
    db.close();
    const good = path.join(files, "logg.csv");
    writeFileSync(good, `\uFEFFJobbspesialist;Dato;Situasjon;Jobbspesialistens bistand;Resultat;Hva kunne gjøres annerledes?;Trinn i SE\r\n${js.email};05.03.2017;Besøk hos en arbeidsgiver;Forberedte samtalen;Avtale om praksis;Mer tid;Trinn 4\r\n`);
    await page.getByLabel("Fil (.csv eller .xlsx)").setInputFiles(good);
    await page.getByRole("button", { name: "Last opp og prøvekjør" }).click();
    await page.getByRole("heading", { name: "Prøvekjøring: logg.csv" }).waitFor();
    await page.getByText("1 rad: 1 ny, 0 oppdatert, 0 finnes fra før, 0 avvist.").waitFor();
    await expectAccessible(page, "dry run without JavaScript");
    await page.getByRole("button", { name: "Bekreft import av 1 rad" }).click();
    await page.getByText("Importen av «logg.csv» er lagret: 1 ny").waitFor();
    expect(imported()).toBe(13);
    await page.close();
  });
});

// «Ikke lagret» in Debian's Chromium, with and without JavaScript: another connection holds the
// database's write lock past the server's bound while a job specialist saves a note. The page
// says so, keeps the note in an editable form (checked with axe), and saves it once the lock
// is gone.
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string> = {};
let lock: Database.Database | null = null;

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir, env: { WRITE_WAIT_MS: "500" } }), launchBrowser()]);
});
afterEach(() => releaseLock());
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function takeLock() {
  lock = new Database(server.databasePath);
  lock.exec("BEGIN IMMEDIATE");
}
function releaseLock() {
  if (lock?.open) {
    lock.exec("ROLLBACK");
    lock.close();
  }
  lock = null;
}

function notesWith(text: string): number {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM log_notes WHERE answers LIKE ?").pluck().get(`%${text}%`) as number;
  } finally {
    db.close();
  }
}

describe("a note the database cannot take", () => {
  for (const javaScript of [true, false]) {
    it(`${javaScript ? "with" : "without"} JavaScript: «Ikke lagret», the note kept, saved once on «Prøv igjen»`, async () => {
      const email = javaScript ? identities.jsA : identities.jsB;
      const page = await logIn(await newPage(browser, { javaScript }), server.url, email, passwords[email]);
      await page.goto(`${server.url}/log`);
      // The save (and an autosave) while the lock is held is answered 503 «Ikke lagret» on purpose.
      expectFailures(page, { status: 503, method: "POST" });
      const text = `Notat mens databasen er låst (${javaScript ? "med" : "uten"} JavaScript).`;
      await page.getByLabel("Situasjon").fill(text);
      await page.getByLabel("Jobbspesialistens bistand").fill("Ventet på databasen.");
      await page.getByLabel("Resultat", { exact: true }).fill("Ingenting gikk tapt.");
      await page.getByLabel("Hva kunne gjøres annerledes?").fill("Ingenting.");
      await page.getByLabel("Trinn 4: Samarbeid med arbeidsgiver").check();
      takeLock();
      await page.getByRole("button", { name: "Lagre notat" }).click();
      await page.getByRole("heading", { level: 1, name: "Ikke lagret" }).waitFor();
      expect(await page.getByRole("alert").first().textContent()).toContain("Databasen var opptatt");
      expect(await page.getByLabel("Situasjon").inputValue()).toBe(text);
      expect(await page.getByLabel("Bistand").inputValue()).toBe("Ventet på databasen.");
      await expectAccessible(page, `not saved (${javaScript ? "JavaScript" : "no JavaScript"})`);
      expect(notesWith(text)).toBe(0);
      releaseLock();
      await page.getByRole("button", { name: "Prøv igjen" }).click();
      await page.getByText("Notatet er lagret.").waitFor();
      expect(notesWith(text)).toBe(1);
      await page.context().close();
    });
  }
});

// Co-research coding in Debian's Chromium: with JavaScript a researcher adds a code (an error at
// the field first), creates an agreement round of two job specialists, both code the sample blind,
// and the agreement page shows percent agreement, κ and α and the disagreement; without
// JavaScript a job specialist codes a whole note of their own. A job specialist codes a passage of
// a transcript turn marked with the mouse and writes a memo on it; without JavaScript a researcher
// codes a whole open answer and a whole turn. axe on every page and state; any page or console
// error fails.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string> = {};
let dataDir = "";

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  dataDir = seeded.dataDir;
  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const as = async (email: string, javaScript: boolean): Promise<Page> => logIn(await newPage(browser, { javaScript }), server.url, email, passwords[email]);
const one = <T,>(sql: string, ...params: unknown[]) => {
  const db = new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
};

/** Codes every note of the round page: `pick(i)` says whether the code applies to the i-th note. */
async function codeRound(page: Page, url: string, code: string, pick: (i: number) => boolean) {
  await page.goto(url);
  const notes = page.locator("article.card");
  const count = await notes.count();
  for (let i = 0; i < count; i++) {
    const note = page.locator("article.card").nth(i);
    const box = note.getByLabel(code, { exact: true });
    if (pick(i)) await box.check();
    await note.getByRole("button", { name: "Lagre kodingen" }).click();
    await page.locator("article.card").nth(i).getByText("Lagret.").waitFor();
  }
}

describe("coding in the browser", () => {
  it("with JavaScript: a code, a round with two job specialists, the agreement and the disagreements", { timeout: 240_000 }, async () => {
    const researcher = await as(identities.researcher, true);
    await researcher.goto(`${server.url}/coding`);
    await researcher.getByRole("heading", { name: "Koding", exact: true }).waitFor();
    await expectAccessible(researcher, "coding home");
    // Only spaces: the browser lets it through (the field is required), the server answers 400.
    expectFailures(researcher, { status: 400, method: "POST" });
    await researcher.getByLabel("Navn", { exact: true }).fill("   ");
    await researcher.getByLabel("Definisjon").first().fill("Nettverk og kontakter");
    await researcher.getByRole("button", { name: "Legg til koden" }).click();
    await researcher.getByText("Skriv et navn på koden.").waitFor();
    expect(await researcher.getByLabel("Definisjon").first().inputValue()).toBe("Nettverk og kontakter");
    await expectAccessible(researcher, "new code with an error");
    await researcher.getByLabel("Navn", { exact: true }).fill("Nettverk");
    await researcher.getByRole("button", { name: "Legg til koden" }).click();
    await researcher.getByText("Koden er lagt til.").waitFor();
    await expectAccessible(researcher, "code page");

    await researcher.goto(`${server.url}/coding/rounds/new`);
    await expectAccessible(researcher, "new round");
    await researcher.getByLabel("Navn på runden").fill("Mars-runden");
    const month = await researcher.getByLabel("Måned").locator("option").nth(1).getAttribute("value");
    await researcher.getByLabel("Måned").selectOption(month!);
    await researcher.getByLabel("Antall notater").fill("4");
    const jsA = one<{ name: string }>("SELECT name FROM users WHERE email = ?", identities.jsA).name;
    const jsB = one<{ name: string }>("SELECT name FROM users WHERE email = ?", identities.jsB).name;
    for (const name of [jsA, jsB]) await researcher.getByLabel(new RegExp(`^${name}`)).check();
    await researcher.getByLabel("A Samarbeid med arbeidsgivere").check();
    await researcher.getByRole("button", { name: "Opprett runden" }).click();
    await researcher.getByRole("heading", { name: "Samsvar: Mars-runden" }).waitFor();
    const agreementUrl = researcher.url();
    const roundUrl = agreementUrl.replace(/\/agreement$/, "");

    // The two job specialists code blind: A applies the code to the first two notes, B to the first.
    const a = await as(identities.jsA, true);
    await codeRound(a, roundUrl, "A Samarbeid med arbeidsgivere", (i) => i < 2);
    await expectAccessible(a, "round as a coder");
    const b = await as(identities.jsB, true);
    await codeRound(b, roundUrl, "A Samarbeid med arbeidsgivere", (i) => i === 0);

    await researcher.goto(agreementUrl);
    // Two coders, four notes: agree on 3 → 0,75; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2 → κ = 0,50;
    // α: 8 values (3 yes, 5 no); yy 2, yn 1, ny 1, nn 4; D_o = 2/8, D_e = 2·3·5/(8·7) = 30/56 → α = 1 − 14/30 = 0,53.
    const row = await researcher.getByRole("table", { name: "Samsvar per kode og samlet" }).getByRole("row", { name: /^A Samarbeid med arbeidsgivere/ }).textContent();
    expect(row).toBe("A Samarbeid med arbeidsgivere40,750,500,53");
    expect(await researcher.locator("#disagreements-heading ~ article").count()).toBe(1);
    await expectAccessible(researcher, "agreement with disagreements");
    await Promise.all([researcher.close(), a.close(), b.close()]);
  });

  it("with JavaScript: a job specialist marks a passage with the keyboard and codes it", { timeout: 120_000 }, async () => {
    const page = await as(identities.jsB, true);
    await page.goto(`${server.url}/coding/notes`);
    await page.getByRole("heading", { name: "Kod dine egne notater" }).waitFor();
    const note = page.locator("article.card").first();
    const box = note.getByRole("textbox", { name: "Situasjon" });
    const text = await box.inputValue();
    // Typing changes nothing: the box only marks.
    await box.focus();
    await page.keyboard.type("x");
    expect(await box.inputValue()).toBe(text);
    // Shift and the arrow keys mark the first twelve characters.
    await page.keyboard.press("Control+Home");
    await page.keyboard.down("Shift");
    for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.up("Shift");
    await note.getByText(`Markert: «${text.slice(0, 12)}»`).waitFor();

    await expectAccessible(page, "passage marked");
    await note.getByLabel("Kode for den markerte teksten").selectOption({ label: "B Arbeidsgiveres behov for oppfølging" });
    await note.getByRole("button", { name: "Kod markert tekst" }).click();
    await page.locator("article.card").first().getByText(`«${text.slice(0, 12)}» — B Arbeidsgiveres behov for oppfølging`).waitFor();
    const stored = one<{ field: string; start: number; end: number }>("SELECT g.field, g.start, g.\"end\" FROM codings g JOIN users u ON u.id = g.coder_id WHERE u.email = ? AND g.field <> ''", identities.jsB);
    expect(stored).toEqual({ field: "situasjon", start: 0, end: [...text.slice(0, 12)].length });
    await expectAccessible(page, "passage coded");
    await page.close();
  });

  it("without JavaScript: a job specialist codes a whole note of their own", { timeout: 120_000 }, async () => {
    const page = await as(identities.jsA, false);
    await page.goto(`${server.url}/log/mine`);
    await page.getByRole("link", { name: "Kod dine egne notater" }).click();
    await page.getByRole("heading", { name: "Koding", exact: true }).waitFor();
    await expectAccessible(page, "coding home as a co-researcher");
    await page.getByRole("link", { name: "Kod dine egne notater" }).click();
    await page.getByRole("heading", { name: "Kod dine egne notater" }).waitFor();
    const first = page.locator("article.card").first();
    await first.getByLabel("Trinn 2: Yrkeskartlegging og karriereplanlegging").check();
    await first.getByRole("button", { name: "Lagre kodingen" }).click();
    await page.locator("article.card").first().getByText("Lagret.").waitFor();
    expect(await page.locator("article.card").first().getByLabel("Trinn 2: Yrkeskartlegging og karriereplanlegging").isChecked()).toBe(true);
    await expectAccessible(page, "own notes coded");
    const coded = one<{ n: number }>("SELECT count(*) AS n FROM codings g JOIN users u ON u.id = g.coder_id WHERE u.email = ? AND g.round_id = 0", identities.jsA).n;
    expect(coded).toBe(1);
    await page.close();
  });

  it("with JavaScript: a job specialist codes a passage of a transcript turn marked with the mouse, and writes a memo on it", { timeout: 120_000 }, async () => {
    const page = await as(identities.jsA, true);
    await page.goto(`${server.url}/coding`);
    await page.getByRole("link", { name: "Gruppediskusjon om kompetanser (BAKES)" }).click();
    await page.getByRole("heading", { name: "Kod transkripsjonen «Gruppediskusjon om kompetanser (BAKES)»" }).waitFor();
    await expectAccessible(page, "transcript to code");
    const turn = page.locator("article.card").filter({ hasText: "Kulturforståelse" });
    const box = turn.getByRole("textbox");
    const text = await box.inputValue();
    // A double click marks the word under the pointer.
    await box.dblclick();
    const marked = /Markert: «(.+)»/.exec((await turn.getByText(/^Markert: /).textContent())!)![1];
    expect(text).toContain(marked);
    await turn.getByLabel("Kode for den markerte teksten").selectOption({ label: "A Samarbeid med arbeidsgivere" });
    await turn.getByRole("button", { name: "Kod markert tekst" }).click();
    const listed = page.locator("article.card").filter({ hasText: "Kulturforståelse" }).getByText(`«${marked}» — A Samarbeid med arbeidsgivere`);
    await listed.waitFor();
    const stored = one<{ field: string; start: number; end: number }>("SELECT g.field, g.start, g.\"end\" FROM codings g JOIN users u ON u.id = g.coder_id WHERE u.email = ? AND g.source = 'turn'", identities.jsA);
    expect([...text].slice(stored.start, stored.end).join("")).toBe(marked);

    // A memo on the passage: an empty one gets its error at the field, then one is saved.
    expectFailures(page, { status: 400, method: "POST" });
    const card = page.locator("article.card").filter({ hasText: "Kulturforståelse" });
    await card.getByText("Skriv et notat om tekstdelen").click();
    await card.getByRole("button", { name: "Lagre notatet" }).click();
    await page.getByText("Skriv notatet.").waitFor();
    await expectAccessible(page, "memo with an error");
    await page.locator("article.card").filter({ hasText: "Kulturforståelse" }).getByLabel(/^Notat om «/).fill("Språkstøtte går igjen hos flere.");
    await page.locator("article.card").filter({ hasText: "Kulturforståelse" }).getByRole("button", { name: "Lagre notatet" }).click();
    await page.getByText("Språkstøtte går igjen hos flere.").waitFor();
    await expectAccessible(page, "memo saved");
    await page.close();
  });

  it("without JavaScript: a researcher codes a whole open answer and a whole turn", { timeout: 120_000 }, async () => {
    const page = await as(identities.researcher, false);
    await page.goto(`${server.url}/coding`);
    await page.getByRole("link", { name: "Spørreundersøkelse blant arbeidsgivere 2018–19" }).click();
    await page.getByRole("heading", { name: /^Kod åpne svar/ }).waitFor();
    await expectAccessible(page, "open answers to code");
    // Without JavaScript there is no passage marker, only whole answers.
    expect(await page.getByRole("button", { name: "Kod markert tekst" }).count()).toBe(0);
    const first = page.locator("article.card").first();
    await first.getByLabel("B Arbeidsgiveres behov for oppfølging").check();
    await first.getByRole("button", { name: "Lagre kodingen" }).click();
    await page.locator("article.card").first().getByText("Lagret.").waitFor();
    expect(await page.locator("article.card").first().getByLabel("B Arbeidsgiveres behov for oppfølging").isChecked()).toBe(true);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM codings WHERE source = 'answer'").n).toBe(1);

    await page.goto(`${server.url}/coding`);
    await page.getByRole("link", { name: "Lederperspektiv på SE-implementering" }).click();
    const turn = page.locator("article.card").filter({ hasText: "Finansieringen" });
    await turn.getByLabel("K6 Læring og resultater").check();
    await turn.getByRole("button", { name: "Lagre kodingen" }).click();
    await page.locator("article.card").filter({ hasText: "Finansieringen" }).getByText("Lagret.").waitFor();
    await expectAccessible(page, "turn coded without JavaScript");
    expect(one<{ n: number }>("SELECT count(*) AS n FROM codings WHERE source = 'turn' AND \"end\" = 0").n).toBe(1);
    await page.close();
  });

  it("with JavaScript: a character round, a passage marked with the keyboard, and its agreement page", { timeout: 120_000 }, async () => {
    // A round of two notes by jsA and the researcher, unit characters, made straight in the database.
    const db = new Database(path.join(dataDir, "medforsker.db"));
    const id = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { id: number }).id;
    const jsA = id("SELECT id FROM users WHERE email = ?", identities.jsA);
    const researcherId = id("SELECT id FROM users WHERE email = ?", identities.researcher);
    const notes = (db.prepare("SELECT n.id FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE m.status = 'submitted' ORDER BY n.id LIMIT 2").all() as { id: number }[]).map((n) => n.id);
    const code = id("SELECT id FROM codes WHERE name = 'A Samarbeid med arbeidsgivere'");
    const round = Number(
      db
        .prepare("INSERT INTO coding_rounds (project_id, title, sample, coders, code_ids, unit, created_by) VALUES (1, 'Tegnrunden', ?, ?, ?, 'character', ?)")
        .run(JSON.stringify(notes), JSON.stringify([jsA, researcherId]), JSON.stringify([code]), researcherId).lastInsertRowid,
    );
    db.close();

    const page = await as(identities.jsA, true);
    await page.goto(`${server.url}/coding/rounds/${round}`);
    await page.getByRole("heading", { name: "Tegnrunden" }).waitFor();
    await expectAccessible(page, "character round");
    const note = page.locator("article.card").first();
    const box = note.getByRole("textbox").first();
    const text = await box.inputValue();
    await box.focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.down("Shift");
    for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.up("Shift");
    await note.getByRole("button", { name: "Kod markert tekst" }).click();
    await page.locator("article.card").first().getByText(`«${text.slice(0, 8)}» — A Samarbeid med arbeidsgivere`).waitFor();
    await page.getByText("Du har kodet 1 av 2 notater.").waitFor();
    await expectAccessible(page, "character round, passage coded");

    const researcher = await as(identities.researcher, true);
    await researcher.goto(`${server.url}/coding/rounds/${round}/agreement`);
    await researcher.getByText(/^Enheten er tegn/).waitFor();
    await expectAccessible(researcher, "character round agreement");
    await Promise.all([page.close(), researcher.close()]);
  });
});

// Experience exchanges in Debian's Chromium, with axe (WCAG 2.1 AA) on every page visited:
// a researcher plans an exchange with its agenda and questions (with JavaScript), a job
// specialist registers and prepares without JavaScript (a bad submit keeps the draft), the
// researcher records attendance and reads Tabell 3/4, brings in a transcript and codes it; the
// agenda prints as one A4 page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage, visitAccessible } from "../support/browser";
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

async function signIn(email: string, javaScript = true): Promise<Page> {
  return logIn(await newPage(browser, { javaScript }), server.url, email, passwords[email]);
}

const visit = (page: Page, target: string, label = target) => visitAccessible(page, server.url, target, label);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("plan → prepare → attend → overview", () => {
  let exchangeUrl = "";

  it("a researcher plans an exchange, its agenda and its questions", { timeout: 180_000 }, async () => {
    const page = await signIn(identities.researcher);
    expectFailures(page, { status: 400, method: "POST" });
    await expectAccessible(page, "researcher home with the exchanges panel");
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Erfaringsutvekslinger" }).click();
    await page.getByRole("heading", { level: 1, name: "Erfaringsutvekslinger" }).waitFor();
    await expectAccessible(page, "exchanges list");
    await page.getByRole("link", { name: "Planlegg neste erfaringsutveksling for jobbspesialister" }).click();
    await page.getByRole("heading", { level: 1, name: "Planlegg en erfaringsutveksling" }).waitFor();
    await expectAccessible(page, "new exchange");

    // A bad submit: messages at the fields, what was typed still there, and axe still passes.
    await page.getByLabel("Dato for samling").fill(inDays(40));
    await page.getByLabel("Start", { exact: true }).fill("13:00");
    await page.getByLabel("Slutt", { exact: true }).fill("12:00");
    await page.getByLabel("Sted", { exact: true }).fill("Møterom Fjord");
    await page.getByRole("button", { name: "Opprett erfaringsutvekslingen" }).click();
    await page.getByText("Slutt må være etter start").waitFor();
    await page.getByText("Fyll ut feltet").first().waitFor();
    expect(await page.getByLabel("Sted", { exact: true }).inputValue()).toBe("Møterom Fjord");
    await expectAccessible(page, "new exchange with errors");

    await page.getByLabel("Start", { exact: true }).fill("09:00");
    await page.getByLabel("Slutt", { exact: true }).fill("15:30");
    await page.getByLabel("Hovedtema").fill("Etteroppfølging og kvalitetskriterier");
    await page.getByLabel("Frist for forberedelsesspørsmålene").fill(inDays(35));
    await page.getByRole("button", { name: "Opprett erfaringsutvekslingen" }).click();
    await page.getByRole("heading", { level: 1, name: "Erfaringsutveksling nr. 13 for jobbspesialister" }).waitFor();
    await page.getByText("Erfaringsutvekslingen er opprettet").waitFor();
    exchangeUrl = new URL(page.url()).pathname.replace(/\/plan$/, "");
    await expectAccessible(page, "planning page");

    // The agenda: two items, the second moved up.
    const addItem = page.getByRole("region", { name: "Legg til et punkt" });
    for (const [time, title] of [["09:00", "Velkommen"], ["09:15", "Erfaringer fra etteroppfølging"]] as const) {
      await addItem.getByLabel("Tid", { exact: true }).fill(time);
      await addItem.getByLabel("Tittel", { exact: true }).fill(title);
      await addItem.getByLabel("Form").selectOption("group_discussion");
      await addItem.getByRole("button", { name: "Legg til et punkt" }).click();
      await page.getByRole("heading", { level: 3, name: new RegExp(`\\d\\. ${title}`) }).waitFor();
    }
    await page.getByRole("button", { name: "Flytt opp: 2. Erfaringer fra etteroppfølging" }).click();
    await page.getByRole("heading", { level: 3, name: "1. Erfaringer fra etteroppfølging" }).waitFor();
    await expectAccessible(page, "planning page with agenda");

    // A question of our own, in both languages.
    await page.getByRole("link", { name: "Spørsmål og hjemmeoppgaver" }).click();
    await page.getByRole("heading", { level: 2, name: "Forhåndsstilte spørsmål" }).waitFor();
    const addQuestion = page.getByRole("region", { name: "Legg til et spørsmål" });
    await addQuestion.getByLabel("Spørsmålet på bokmål").fill("Hvordan følger dere opp etter ansettelse?");
    await addQuestion.getByLabel("Spørsmålet på engelsk").fill("How do you follow up after employment?");
    await addQuestion.getByLabel("Må besvares").check();
    await addQuestion.getByRole("button", { name: "Legg til et spørsmål" }).click();
    await page.getByRole("heading", { level: 3, name: /Spørsmål 5/ }).waitFor();
    await expectAccessible(page, "questions page");

    // The printed agenda: one A4 page without the site's header.
    await visit(page, `${exchangeUrl}/agenda`, "agenda for printing");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByRole("cell", { name: /Erfaringer fra etteroppfølging/ }).isVisible()).toBe(true);
    // The stylesheet's @page asks for A4; Chromium lays the agenda out on exactly one page.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).toHaveLength(1);
    const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!.map(Number);
    expect(Math.abs(width - 595.3)).toBeLessThan(2); // 210 mm in points
    expect(Math.abs(height - 841.9)).toBeLessThan(2); // 297 mm
    await page.emulateMedia({ media: "screen" });
    await page.context().close();
  });

  for (const { javaScript, who } of [
    { javaScript: false, who: identities.jsA },
    { javaScript: true, who: identities.jsB },
  ]) {
    it(`a job specialist registers and prepares ${javaScript ? "with" : "without"} JavaScript; nothing typed is lost`, { timeout: 180_000 }, async () => {
      const page = await signIn(who, javaScript);
      expectFailures(page, { status: 400, method: "POST" });
      await page.getByRole("heading", { level: 2, name: "Erfaringsutvekslinger" }).waitFor();
      await expectAccessible(page, "job specialist home with the agenda");
      expect(await page.getByRole("table", { name: "Agenda" }).first().textContent()).toContain("Erfaringer fra etteroppfølging");
      await page.getByRole("link", { name: "Forbered deg" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Erfaringsutveksling nr. 13 for jobbspesialister" }).waitFor();
      await expectAccessible(page, "exchange page (invited)");

      await page.getByLabel("Ja, jeg kommer").check();
      await page.getByRole("button", { name: "Lagre svaret" }).click();
      await page.getByText("Svaret ditt er lagret.").waitFor();

      // The required question left empty: the message at the field, the other answer kept as a draft.
      await page.getByLabel(/Beskriv en utfordring du har møtt i arbeidet/).fill("Arbeidsgiveren ville avslutte oppfølgingen for tidlig.");
      await page.getByRole("button", { name: "Send svarene" }).click();
      await page.getByText("Det du skrev, er lagret som utkast").waitFor();
      await expectAccessible(page, "preparation with errors");
      await page.goto(page.url());
      expect(await page.getByLabel(/Beskriv en utfordring du har møtt i arbeidet/).inputValue()).toBe("Arbeidsgiveren ville avslutte oppfølgingen for tidlig.");

      await page.getByLabel(/Hvilke erfaringer fra arbeidet siden forrige samling/).fill("To deltakere fikk fast jobb etter praksis.");
      await page.getByLabel(/Hvordan følger dere opp etter ansettelse\?/).fill("Vi ringer hver fjortende dag det første halvåret.");
      await page.getByRole("button", { name: "Send svarene" }).click();
      await page.getByText("Svarene dine er sendt.").waitFor();
      await expectAccessible(page, "preparation sent");
      await visit(page, `${exchangeUrl}/agenda`, "agenda for printing (invited)");
      await visit(page, "/exchanges", "exchanges list (invited)");

      // In English too.
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "Experience exchanges" }).waitFor();
      await expectAccessible(page, "exchanges list (en)");
      await visit(page, exchangeUrl, "exchange page (en)");
      await page.getByRole("heading", { level: 2, name: "Preparation questions" }).waitFor();
      await page.getByRole("button", { name: "Norsk (bokmål)" }).click();
      await page.context().close();
    });
  }

  it("a case lead sees the leader exchanges, not the job specialists'", { timeout: 120_000 }, async () => {
    const page = await signIn(identities.leadA, false);
    await visit(page, "/exchanges", "exchanges list (case lead)");
    expect(await page.getByRole("main").textContent()).toContain("Erfaringsutveksling nr. 2 for ledere");
    expect(await page.getByRole("main").textContent()).not.toContain("for jobbspesialister");
    await page.getByRole("link", { name: "Erfaringsutveksling nr. 2 for ledere" }).click();
    await expectAccessible(page, "leader exchange (case lead)");
    await page.context().close();
  });

  it("the researcher records attendance, reads Tabell 3/4, and codes a pseudonymised transcript", { timeout: 180_000 }, async () => {
    const page = await signIn(identities.researcher);
    await visit(page, `${exchangeUrl}/answers`, "answers (researcher)");
    expect(await page.getByRole("main").textContent()).toContain("Vi ringer hver fjortende dag det første halvåret.");

    await visit(page, `${exchangeUrl}/attendance`, "attendance");
    await page.getByLabel("Aina Demosen").check();
    await page.getByLabel("Cecilie Demosen").check();
    await page.getByRole("button", { name: "Lagre oppmøtet" }).click();
    await page.getByText("Oppmøtet er lagret.").waitFor();
    expect(await page.getByTestId("count-participants").textContent()).toBe("2");
    expect(await page.getByTestId("count-cases").textContent()).toBe("2");
    await expectAccessible(page, "attendance saved");

    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Erfaringsutvekslinger" }).click();
    await page.getByRole("link", { name: "Oversikt over erfaringsutvekslingene (Tabell 3 og 4)" }).first().click();
    const table3 = page.getByTestId("overview-job_specialists");
    await table3.waitFor();
    const rows = await table3.locator("tbody tr").allTextContents();
    expect(rows[0]).toContain("30.06.20173,5 t, halvdagssamling84Oppstartsutfordringer");
    expect(rows.at(-1)).toContain("6,5 t, heldagssamling22Etteroppfølging og kvalitetskriterier");
    expect(rows.some((r) => r.startsWith("(12)Planlagt mai 2019–––"))).toBe(true);
    const table4 = await page.getByTestId("overview-case_leads").locator("tbody tr").allTextContents();
    expect(table4).toEqual([expect.stringContaining("05.12.20171 t33Ledelseserfaringer"), expect.stringContaining("26.11.20182,5 t76SE-implementering")]);
    await expectAccessible(page, "overview");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Last ned Tabell 3 som Excel (.xlsx)" }).click();
    expect((await download).suggestedFilename()).toBe("tabell-3-erfaringsutvekslinger-jobbspesialister-afi-2017.xlsx");

    // A transcript pasted in: names of project people are replaced before anyone else sees it.
    await visit(page, `${exchangeUrl}/transcripts`, "transcripts");
    await page.getByLabel("Tittel", { exact: true }).fill("Plenum, ettermiddag");
    await page.getByLabel("Eller lim inn teksten").fill("Forsker: Hva har fungert?\nJS1: Bjarne Demosen og jeg ringer arbeidsgiverne hver uke.\nJS2: Vi har laget en sjekkliste for etteroppfølging.");
    await page.getByRole("button", { name: "Legg inn", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Plenum, ettermiddag" }).waitFor();
    const preview = page.locator(".exchanges-turns");
    expect(await preview.textContent()).toContain("[jobbspesialist] og jeg ringer");
    expect(await preview.textContent()).not.toContain("Bjarne");
    await expectAccessible(page, "private transcript");
    await page.getByLabel("Jeg har lest teksten").check();
    await page.getByRole("button", { name: "Frigi transkripsjonen" }).click();
    await page.getByText("Transkripsjonen er frigitt til forskerne.").waitFor();
    await page.getByLabel("K4 Metoder").nth(2).check();
    await page.getByRole("button", { name: "Lagre kodingen" }).click();
    await page.getByText("Kodingen er lagret.").waitFor();
    expect(await page.getByLabel("K4 Metoder").nth(2).isChecked()).toBe(true);
    await expectAccessible(page, "transcript coding");
    await page.context().close();
  });
});

// Instrument versions in Debian's Chromium (issue 14): with JavaScript a researcher uploads version
// 2 of the employer survey, reads the changes, previews the draft and publishes it; without
// JavaScript an upload without a file gets its error at the field. A pilot of a log-form draft: the
// researcher starts it with JavaScript, a job specialist without JavaScript finds it on the home
// page, comments (an error first) and sends answers; the researcher resolves the comment. axe on
// every page and state; any page or console error fails. The editor: without JavaScript a new
// questionnaire, a question added (a name SPSS cannot take first), its answer options (a code twice
// first) and a question moved; with JavaScript the same pages pass axe.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage } from "../support/browser";
import { SURVEYS, employerSurveyV2 } from "../support/instrument-v2";
import { addQuestion, newQuestionnaire } from "../support/instrument-browser";
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

const as = async (javaScript: boolean, email: string = identities.researcher): Promise<Page> => logIn(await newPage(browser, { javaScript }), server.url, email, passwords[email]);

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

  it("a pilot: started with JavaScript, answered and commented without it, resolved", { timeout: 180_000 }, async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "medforsker-log-v2-")), "v2.yaml");
    writeFileSync(file, readFileSync(path.join(SURVEYS, "log-entry/v1.yaml"), "utf8").replace("version: 1", "version: 2"));
    const researcher = await as(true);
    await researcher.goto(`${server.url}/instruments`);
    await researcher.getByLabel("Last opp en definisjon (YAML)").setInputFiles(file);
    await researcher.getByRole("button", { name: "Last opp som utkast" }).click();
    await researcher.getByRole("heading", { name: "Pilotrunder" }).waitFor();
    await researcher.getByLabel("Navn på runden").fill("Pilot i nettleseren");
    await researcher.getByLabel(/^Aina Demosen/).check();
    await researcher.getByRole("button", { name: "Start piloten" }).click();
    await researcher.getByRole("heading", { name: "Pilot: Pilot i nettleseren" }).waitFor();
    await expectAccessible(researcher, "pilot as the researcher");
    const pilotUrl = researcher.url();

    const js = await as(false, identities.jsA);
    await js.getByRole("link", { name: "Pilot i nettleseren" }).click();
    await js.getByRole("heading", { name: "Pilot: Pilot i nettleseren" }).waitFor();
    await expectAccessible(js, "pilot as a participant");
    expectFailures(js, { status: 400, method: "POST" });
    const trinn = js.locator("#item-trinn");
    await trinn.getByRole("button", { name: "Legg til kommentaren" }).click();
    await js.locator("#item-trinn").getByText("Skriv kommentaren.").waitFor();
    await expectAccessible(js, "comment with an error");
    await js.locator("#item-trinn").getByLabel("Kommentar til «Trinn i SE»").fill("Ett trinn er for lite.");
    await js.locator("#item-trinn").getByRole("button", { name: "Legg til kommentaren" }).click();
    await js.locator("#item-trinn").getByText("Ett trinn er for lite.").waitFor();
    await js.locator("#answers").getByLabel("Situasjon", { exact: true }).fill("Møte hos arbeidsgiver");
    await js.getByRole("button", { name: "Send svarene" }).click();
    expect(await js.locator("#answers").getByLabel("Situasjon", { exact: true }).inputValue()).toBe("Møte hos arbeidsgiver");
    await expectAccessible(js, "answers with errors");

    await researcher.goto(pilotUrl);
    await researcher.locator("#item-trinn").getByRole("button", { name: "Merk som løst" }).click();
    await researcher.locator("#item-trinn").getByRole("button", { name: "Åpne igjen" }).waitFor();
    await expectAccessible(researcher, "comment resolved");
    await Promise.all([researcher.close(), js.close()]);
  });

  for (const javaScript of [false, true]) {
    it(`the editor ${javaScript ? "with" : "without"} JavaScript: a new questionnaire, a question, its options, the order`, { timeout: 180_000 }, async () => {
      const id = javaScript ? "nettleser-js" : "nettleser-uten-js";
      const page = await as(javaScript);
      expectFailures(page, { status: 400, method: "POST" });
      await newQuestionnaire(page, server.url, id, { nb: "Kort skjema", en: "Short form" });
      await expectAccessible(page, "editor");
      await addQuestion(page, { type: "single_choice", name: "2fornoyd", nb: "Er du fornøyd?", en: "Are you satisfied?" });
      await page.getByText("«2fornoyd» kan ikke være et variabelnavn i SPSS", { exact: false }).waitFor();
      await expectAccessible(page, "editor, a name SPSS cannot take");
      const again = page.locator("details").filter({ hasText: "Nytt spørsmål i seksjon 1" });
      expect(await again.getByLabel("Spørsmål (bokmål)").inputValue()).toBe("Er du fornøyd?");
      await again.getByLabel("Variabelnavn (SPSS)").fill("fornoyd");
      await again.getByRole("button", { name: "Legg til" }).click();
      await page.getByRole("heading", { name: "Rediger spørsmålet fornoyd" }).waitFor();
      await page.getByLabel("Egne svaralternativer").fill("1 | Ja | Yes\n1 | Nei | No");
      await page.getByRole("button", { name: "Lagre" }).click();
      await page.getByText("Koden 1 er brukt to ganger.").waitFor();
      await expectAccessible(page, "item editor with an error");
      await page.getByLabel("Egne svaralternativer").fill("1 | Ja | Yes\n2 | Nei | No");
      await page.getByRole("button", { name: "Lagre" }).click();
      await page.getByText("Lagret i utkastet.").waitFor();
      await expectAccessible(page, "item editor saved");
      await page.getByRole("link", { name: "Tilbake til utkastet" }).click();
      await page.getByRole("button", { name: "Flytt «fornoyd» opp" }).click();
      await page.getByText("Lagret i utkastet.").waitFor();
      expect((await page.locator("#items ol li").allTextContents()).map((line) => /\((\w+), /.exec(line)?.[1])).toEqual(["fornoyd", "sporsmaal_1"]);
      // A named answer set and a section's texts, opened like any disclosure.
      await page.getByText("Nytt svarsett").click();
      const newSet = page.locator("details").filter({ hasText: "Nytt svarsett" });
      await newSet.getByLabel("Navn på settet").fill("enighet");
      await newSet.getByLabel("Koder").fill("1 | Enig | Agree\n2 | Uenig | Disagree");
      await newSet.getByRole("button", { name: "Lagre" }).click();
      await page.getByText("Lagret i utkastet.").waitFor();
      await page.getByText("Tekster og vilkår for seksjon 1").click();
      await expectAccessible(page, "editor with a section and the sets open");
      if (!javaScript) {
        // The employer's view of the draft, on a phone.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${server.url}/instruments/${id}/employer?draft=1`);
        await page.getByText("Forhåndsvisning for forskerne").waitFor();
        await expectAccessible(page, "the employer's view on a phone");
      }
      await page.close();
    });
  }
});

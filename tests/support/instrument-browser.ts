// Steps in the instrument editor as a researcher takes them in the browser, shared by the e2e tests.
import type { Page } from "playwright-core";

/** From /instruments: a new, empty instrument; waits for its editor. */
export async function newQuestionnaire(page: Page, baseUrl: string, id: string, title: { nb: string; en: string }) {
  await page.goto(`${baseUrl}/instruments`);
  await page.getByLabel("Id (små bokstaver, sifre og bindestrek)").fill(id);
  await page.getByLabel("Tittel (bokmål)").fill(title.nb);
  await page.getByLabel("Tittel (engelsk)").fill(title.en);
  await page.getByRole("button", { name: "Opprett utkastet" }).click();
  await page.getByRole("heading", { name: `Rediger utkast til «${title.nb}», versjon 1` }).waitFor();
}

/** On the editor: fills in and sends «Nytt spørsmål i seksjon 1» (no wait: the caller knows what follows). */
export async function addQuestion(page: Page, question: { type: string; name: string; nb: string; en: string }) {
  const add = page.locator("details").filter({ hasText: "Nytt spørsmål i seksjon 1" });
  if (!(await add.getAttribute("open"))) await page.getByText("Nytt spørsmål i seksjon 1").click();
  await add.getByLabel("Type").selectOption(question.type);
  await add.getByLabel("Variabelnavn (SPSS)").fill(question.name);
  await add.getByLabel("Spørsmål (bokmål)").fill(question.nb);
  await add.getByLabel("Spørsmål (engelsk)").fill(question.en);
  await add.getByRole("button", { name: "Legg til" }).click();
}

// The employer's pages as bytes: no script, the error summary pointing at the statements,
// content negotiation for compression, the link cookie.
import { describe, expect, it } from "vitest";
import type { SurveyWave } from "../../db/schema";
import { parseInstrumentForm, type InstrumentFormFailure } from "../../app/instruments/validate.server";
import { chooseEncoding, htmlResponse, renderNotice, renderQuestionnaire } from "../../app/survey/public-pages.server";
import { clearLinkCookie, linkCookie, readLinkCookie } from "../../app/survey/respond.server";
import { emailText } from "../../app/survey/email.server";
import { answerForm, employerSurvey } from "../support/survey-answers";

const instrument = employerSurvey();
const wave = {
  id: 1,
  title: "Runden",
  infoNb: "Første avsnitt.\n\nAndre avsnitt.",
  infoEn: "First.",
  contact: "AFI",
  openDate: "2026-01-01",
  closeDate: "2026-12-31",
  updatedAt: 1,
} as SurveyWave;
const options = { locale: "nb" as const, stylesheet: "/build/_assets/public.css", here: "/s" };

describe("employer pages", () => {
  it("the questionnaire: the wave's information first, no script, one form posting to /s", () => {
    const html = renderQuestionnaire(wave, instrument, options);
    expect(html.startsWith("<!DOCTYPE html><html lang=\"nb-NO\">")).toBe(true);
    expect(html).not.toMatch(/<script|style=/i);
    expect(html).toContain("<p>Første avsnitt.</p><p>Andre avsnitt.</p><p>Kontakt: AFI</p>");
    expect(html.indexOf("Første avsnitt")).toBeLessThan(html.indexOf("inst-fields"));
    expect(html).toContain('<form method="post" action="/s" novalidate="" class="sv-form" id="sv-form">');
  });

  it("the error summary links to each missing statement", () => {
    const form = answerForm(instrument, 1);
    form.delete("q3_lonnstilskudd");
    const result = parseInstrumentForm(instrument, form, "nb") as InstrumentFormFailure;
    const html = renderQuestionnaire(wave, instrument, options, result);
    expect(html).toContain("<title>Feil: Runden</title>");
    expect(html).toMatch(/<a href="#inst-q3_lonnstilskudd-1">\.\.\. bidratt med informasjon om lønnstilskudd/);
  });

  it("notices carry no detail about the link", () => {
    const html = renderNotice("unavailable", options);
    expect(html).toContain("Denne lenken kan ikke brukes");
    expect(html).not.toContain("Runden");
  });

  it("compresses as accepted", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip");
    expect(chooseEncoding("identity")).toBe("identity");
    expect(chooseEncoding(null)).toBe("identity");
    const res = htmlResponse(new Request("http://x/s", { headers: { "Accept-Encoding": "gzip" } }), () => "<p>x</p>");
    expect(res.headers.get("Content-Encoding")).toBe("gzip");
    expect(res.headers.get("Vary")).toContain("Accept-Encoding");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("the link cookie: httpOnly, only for /s, and only a well-formed token is read back", () => {
    expect(linkCookie("A".repeat(22), true)).toBe(`medforsker_link=${"A".repeat(22)}; Path=/s; HttpOnly; SameSite=Lax; Secure`);
    expect(clearLinkCookie(false)).toContain("Max-Age=0");
    const req = (cookie: string) => new Request("http://x/s", { headers: { Cookie: cookie } });
    expect(readLinkCookie(req(`a=b; medforsker_link=${"B".repeat(22)}`))).toBe("B".repeat(22));
    expect(readLinkCookie(req("medforsker_link=../../etc"))).toBeNull();
    expect(readLinkCookie(req("x=y"))).toBeNull();
  });

  it("the e-mail text has the information, the placeholder and the contact", () => {
    const text = emailText(wave, "nb");
    expect(text).toContain("Første avsnitt.");
    expect(text).toContain("[LENKE]");
    expect(text).toContain("Spørsmål om undersøkelsen: AFI");
    expect(emailText(wave, "en")).toContain("[LINK]");
  });
});

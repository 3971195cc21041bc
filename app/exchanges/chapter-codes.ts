// The first rough coding of exchange transcripts: the report's chapter headings (instruments.md
// §9.2; the AFI team coded «etter overskriftene til kapitlene i rapporten»). Codebook data in
// both languages, like the SE steps; the NVivo export writes them as its top-level codes.
import type { Localized } from "~/i18n/locale";

export interface ChapterCode {
  readonly code: string;
  /** The chapter heading, verbatim. */
  readonly label: Localized;
  /** A few words for a checkbox. */
  readonly short: Localized;
}

export const CHAPTER_CODES: readonly ChapterCode[] = Object.freeze([
  { code: "K1", label: { nb: "1 Introduksjon", en: "1 Introduction" }, short: { nb: "Introduksjon", en: "Introduction" } },
  { code: "K2", label: { nb: "2 Bistandsbehov i arbeidsinkludering av utsatte grupper innvandrere", en: "2 Assistance needs in work inclusion of vulnerable immigrant groups" }, short: { nb: "Bistandsbehov", en: "Assistance needs" } },
  { code: "K3", label: { nb: "3 Arbeidsgivernes erfaringer fra samarbeidet med jobbspesialistene", en: "3 Employers' experiences of cooperating with the job specialists" }, short: { nb: "Arbeidsgivere", en: "Employers" } },
  { code: "K4", label: { nb: "4 Metoder i Supported Employment for innvandrere med sammensatte bistandsbehov", en: "4 Supported Employment methods for immigrants with complex assistance needs" }, short: { nb: "Metoder", en: "Methods" } },
  { code: "K5", label: { nb: "5 Jobbspesialistkompetanse i oppfølging av innvandrere med sammensatte bistandsbehov", en: "5 Job specialist competence in following up immigrants with complex assistance needs" }, short: { nb: "Kompetanse", en: "Competence" } },
  { code: "K6", label: { nb: "6 Læring og resultater", en: "6 Learning and results" }, short: { nb: "Læring og resultater", en: "Learning and results" } },
  { code: "K7", label: { nb: "7 Vurdering av kvalitetsverktøyet SEQF for målgruppen", en: "7 Assessment of the quality tool SEQF for the target group" }, short: { nb: "SEQF", en: "SEQF" } },
  { code: "K8", label: { nb: "8 Oppsummerende konklusjoner og anbefalinger", en: "8 Summary conclusions and recommendations" }, short: { nb: "Konklusjoner", en: "Conclusions" } },
  { code: "V1", label: { nb: "Vedlegg 1 (pre-eksisterende faktorer)", en: "Appendix 1 (pre-existing factors)" }, short: { nb: "Pre-eksisterende faktorer", en: "Pre-existing factors" } },
]);

export function isChapterCode(code: unknown): code is string {
  return typeof code === "string" && CHAPTER_CODES.some((c) => c.code === code);
}

export function chapterCode(code: string): ChapterCode | undefined {
  return CHAPTER_CODES.find((c) => c.code === code);
}

// The AFI report's coding schemes (instruments.md §9) as codebook data for the REFI-QDA export:
// the NVivo nodes A–F for employer experiences (§9.1), the micro/meso/macro taxonomy of
// assistance needs (§9.3, Tabell 6), the chapter headings used to code the exchanges (§9.2) and
// the five SE steps (§2.1). Labels are the report's, verbatim in Norwegian. Each code has a
// stable key that data sets use to pre-code text (e.g. "chapter:K2", "step:3").
import type { Localized } from "~/i18n/locale";
import { CHAPTER_CODES } from "~/exchanges/chapter-codes";
import { SE_STEPS } from "~/instruments/se-steps";

export interface SchemeCode {
  readonly key: string;
  readonly label: Localized;
  readonly description?: Localized;
  readonly children?: readonly SchemeCode[];
  /** Grouping nodes that only hold other codes are not codable. */
  readonly codable?: boolean;
}

const code = (key: string, nb: string, en: string): SchemeCode => ({ key, label: { nb, en } });

export const EMPLOYER_NODES: SchemeCode = {
  key: "employer",
  label: { nb: "Arbeidsgivererfaringer sett fra jobbspesialistenes ståsted", en: "Employer experiences as seen from the job specialists' standpoint" },
  description: { nb: "NVivo-nodene i rapportens kapittel 3 (§3.3).", en: "The NVivo nodes of the report's chapter 3 (§3.3)." },
  codable: false,
  children: [
    code("employer:A", "A samarbeid med arbeidsgivere", "A cooperation with employers"),
    code("employer:B", "B arbeidsgiveres behov for oppfølging", "B employers' need for follow-up"),
    code("employer:C", "C arbeidsgiveres erfaringer med jobbspesialist", "C employers' experiences with the job specialist"),
    code("employer:D", "D arbeidsgiveres utfordringer", "D employers' challenges"),
    code("employer:E", "E case-oppsummerende om arbeidsgivere", "E case-level summaries about employers"),
    code("employer:F", "F jobbspesialistenes gjennomgang av spørsmål til arbeidsgivere", "F the job specialists' review of the questions for employers"),
  ],
};

export const NEEDS_TAXONOMY: SchemeCode = {
  key: "needs",
  label: { nb: "Bistandsbehov hos deltakere (mikro, meso, makro)", en: "Participants' assistance needs (micro, meso, macro)" },
  description: { nb: "Tabell 6 i rapporten.", en: "Table 6 of the report." },
  codable: false,
  children: [
    {
      key: "needs:micro",
      label: { nb: "Mikronivå", en: "Micro level" },
      codable: false,
      children: [
        code("needs:MI1", "MI1 Bistandsbehov for å bedre norskkunnskaper", "MI1 Needs to improve Norwegian skills"),
        code("needs:MI2", "MI2 Bistandsbehov ved avklarte og uavklarte helseutfordringer", "MI2 Needs due to diagnosed and undiagnosed health challenges"),
        code("needs:MI3", "MI3 Bistandsbehov ved lav jobbsøkerkompetanse", "MI3 Needs due to low job-seeking competence"),
        code("needs:MI4", "MI4 Bistandsbehov pga. manglende arbeidserfaring fra Norge eller generelt", "MI4 Needs due to lack of work experience from Norway or in general"),
        code("needs:MI5", "MI5 Bistandsbehov pga. manglende formell kompetanse og lite skolegang fra hjemlandet", "MI5 Needs due to lack of formal qualifications and little schooling from the home country"),
        code("needs:MI6", "MI6 Bistandsbehov pga. formell kompetanse som har liten verdi i Norge", "MI6 Needs due to formal qualifications of little value in Norway"),
        code("needs:MI7", "MI7 Bistandsbehov for å styrke selvtillit, selvfølelse og få til mestringsfølelse", "MI7 Needs to strengthen self-confidence and self-esteem and gain a sense of mastery"),
        code("needs:MI8", "MI8 Andre bistandsbehov", "MI8 Other assistance needs"),
      ],
    },
    {
      key: "needs:meso",
      label: { nb: "Mesonivå", en: "Meso level" },
      codable: false,
      children: [
        code("needs:ME1", "ME1 Bistandsbehov ifm. utfordrende familiesituasjon", "ME1 Needs related to a challenging family situation"),
        code("needs:ME2", "ME2 Bistandsbehov ifm. store omsorgsoppgaver", "ME2 Needs related to heavy care responsibilities"),
        code("needs:ME3", "ME3 Behov for støtte for å unngå «praksisfellen»", "ME3 Need for support to avoid the \"placement trap\""),
        code("needs:ME4", "ME4 Behov for støtte på arbeidsplassen", "ME4 Need for support at the workplace"),
        code("needs:ME5", "ME5 Bistandsbehov for mer tilrettelagt kartlegging", "ME5 Need for better-adapted profiling"),
        code("needs:ME6", "ME6 Bistandsbehov for å fasilitere medvirkning", "ME6 Need to facilitate participation"),
        code("needs:ME7", "ME7 Behov for mer effektiv språkstøtte", "ME7 Need for more effective language support"),
        code("needs:ME8", "ME8 Bistandsbehov for å beherske kulturforskjeller", "ME8 Need to master cultural differences"),
        code("needs:ME9", "ME9 Behov for en annerledes arbeidsrettet oppfølging", "ME9 Need for a different kind of work-oriented follow-up"),
        code("needs:ME10", "ME10 Behov for «tettere oppfølging» av støtteapparatet", "ME10 Need for \"closer follow-up\" by the support system"),
        code("needs:ME11", "ME11 Behov for et tverretatlig samarbeid", "ME11 Need for inter-agency cooperation"),
        code("needs:ME12", "ME12 Behov for «etteroppfølging»", "ME12 Need for follow-up after employment"),
      ],
    },
    {
      key: "needs:macro",
      label: { nb: "Makronivå", en: "Macro level" },
      codable: false,
      children: [
        code("needs:MA1", "MA1 Bistandsbehov i møte med samfunnets lover, regler, krav og plikter", "MA1 Needs when facing society's laws, rules, requirements and duties"),
        code("needs:MA2", "MA2 Bistandsbehov i møte med regler i norsk arbeidsliv", "MA2 Needs when facing the rules of Norwegian working life"),
        code("needs:MA3", "MA3 Bistandsbehov for å skaffe «hvit jobb» med «hvit lønn»", "MA3 Needs to get a \"white\" (declared) job with \"white\" pay"),
        code("needs:MA4", "MA4 Bistandsbehov for å unngå utnyttelse og forskjellsbehandling i arbeidslivet", "MA4 Needs to avoid exploitation and discrimination at work"),
      ],
    },
  ],
};

export const CHAPTER_HEADINGS: SchemeCode = {
  key: "chapter",
  label: { nb: "Rapportens kapitteloverskrifter", en: "The report's chapter headings" },
  description: { nb: "Grovkoding av erfaringsutvekslingene (§1.5.3).", en: "Rough coding of the experience exchanges (§1.5.3)." },
  codable: false,
  children: CHAPTER_CODES.map((c) => ({ key: `chapter:${c.code}`, label: c.label })),
};

export const SE_STEP_SCHEME: SchemeCode = {
  key: "step",
  label: { nb: "Trinn i SE", en: "Step in SE" },
  codable: false,
  children: SE_STEPS.map((s) => ({ key: `step:${s.code}`, label: s.label })),
};

/** The report's schemes every .qdpx carries, for the researchers' own coding. */
export const REPORT_SCHEMES: readonly SchemeCode[] = [SE_STEP_SCHEME, EMPLOYER_NODES, NEEDS_TAXONOMY, CHAPTER_HEADINGS];

/** True when a variable's codes are the five SE steps (its values then code into SE_STEP_SCHEME). */
export function isSeStepCoding(valueLabels: readonly { value: number | string; label: string }[] | undefined, locale: "nb" | "en"): boolean {
  if (!valueLabels) return false;
  const own = valueLabels.filter((l) => typeof l.value === "number" && l.value > 0);
  return own.length === SE_STEPS.length && SE_STEPS.every((s) => own.some((l) => l.value === s.code && l.label === s.label[locale]));
}

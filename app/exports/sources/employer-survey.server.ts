// Data set "employer-survey": the answers of one closed wave (instrument employer-survey), read
// only from survey_answers and survey_exclusions. The survey's anonymity holds in the export too:
// nothing from the link ledger is read, the answer's random id and reminder round are not
// exported, the only time is the month, and respondents get pseudonyms from a keyed hash (rows in
// that order, not in storage order). A wave is exported only once closed and only when it has at
// least the wave's minimum number of answers, like its results page. The project's codings of the
// open answers ride along as 0/1 variables and as selections of the open answers: the answer's id
// only finds them here and is not exported; like the free text they are read from, the code
// variables are no case attribute, and the rows keep their keyed-hash order.
import { and, asc, eq } from "drizzle-orm";
import type { Localized } from "~/i18n/locale";
import { answerCount, getWave, waveStatus } from "~/survey/waves.server";
import type { Db } from "../../../db/connection.server";
import { surveyAnswers, surveyExclusions, surveyWaves } from "../../../db/schema";
import { PseudonymTable } from "../anonymise/pseudonyms.server";
import type { Row } from "../dictionary";
import { AnswerConverter } from "../instrument-variables";
import type { ManifestStep } from "../manifest";
import type { ExportSchema, SchemaVariable } from "../schema";
import { INSTRUMENT_VERSION, MONTH, PERSON, PSEUDONYM_WIDTH, ROW_NUMBER, mergedInstrument } from "./common.server";
import { RecordCoding } from "./record-coding.server";
import type { DatasetSource, ExportScope, Pass, PreparedDataset, SourceContext } from "./source.server";

const TITLE: Localized = { nb: "Spørreundersøkelse blant arbeidsgivere", en: "Employer survey" };
const RESPONDENT = "respondent";
// Said when the project has coded open answers: the codings are read beside the answers.
const CODINGS_READ: Localized = {
  nb: " Prosjektets kodinger av de åpne svarene er lest i tillegg: svarets id finner dem og eksporteres ikke, og koderne står som pseudonymer uten kobling til lenkene.",
  en: " The project's codings of the open answers were read as well: the answer's id finds them and is not exported, and the coders appear as pseudonyms with no tie to the links.",
};
const EXCLUDED_LABELS = [
  { value: 0, label: { nb: "Med i statistikken", en: "Included in the statistic" } },
  { value: 1, label: { nb: "Utelatt fra statistikken", en: "Excluded from the statistic" } },
];

function answerCounts(db: Db, projectId: number) {
  const waves = db.select().from(surveyWaves).where(eq(surveyWaves.projectId, projectId)).orderBy(asc(surveyWaves.openDate), asc(surveyWaves.id)).all();
  return waves.map((w) => ({
    wave: w,
    answers: answerCount(db, w.id),
  }));
}

function waveOfProject(db: Db, projectId: number, waveId: number | null) {
  const wave = waveId === null ? undefined : getWave(db, waveId);
  return wave && wave.projectId === projectId ? wave : undefined;
}

export const employerSurveySource: DatasetSource = {
  id: "employer-survey",
  title: TITLE,

  choices(db, projectId) {
    const waves = answerCounts(db, projectId).map(({ wave, answers }) => ({
      id: wave.id,
      title: wave.title,
      closed: waveStatus(wave) === "closed",
      answers,
      minAnswers: wave.minAnswers,
    }));
    const available = waves.some((w) => w.answers > 0);
    return {
      available,
      unavailableReason: available ? undefined : waves.length ? "exports.unavailable.noData" : "exports.unavailable.noWave",
      months: null,
      caseProjects: [],
      waves,
      exchanges: [],
      usesPeriod: false,
      usesCases: false,
    };
  },

  checkScope(db, projectId, scope: ExportScope) {
    const wave = waveOfProject(db, projectId, scope.waveId);
    if (!wave) return { field: "wave", message: "exports.error.waveRequired" };
    if (waveStatus(wave) !== "closed") return { field: "wave", message: "exports.error.waveOpen" };
    if (answerCount(db, wave.id) < Math.max(1, wave.minAnswers)) return { field: "wave", message: "exports.error.waveTooFew" };
    return null;
  },

  prepare(ctx: SourceContext): PreparedDataset {
    const { reader, project, scope, options } = ctx;
    const problem = this.checkScope!(reader.db, project.id, scope);
    if (problem) throw new Error(`employer-survey: ${problem.message}`);
    const wave = waveOfProject(reader.db, project.id, scope.waveId)!;
    const answers = reader.db
      .select({ id: surveyAnswers.id, month: surveyAnswers.month, version: surveyAnswers.instrumentVersion, answers: surveyAnswers.answers })
      .from(surveyAnswers)
      .where(eq(surveyAnswers.waveId, wave.id))
      .all();
    const exclusions = reader.db
      .select({ answerId: surveyExclusions.answerId, item: surveyExclusions.item, reason: surveyExclusions.reason })
      .from(surveyExclusions)
      .where(and(eq(surveyExclusions.waveId, wave.id)))
      .orderBy(surveyExclusions.id)
      .all();

    const versionCounts = new Map<number, number>();
    for (const a of answers) versionCounts.set(a.version, (versionCounts.get(a.version) ?? 0) + 1);
    const { merged, entries } = mergedInstrument(
      ctx.codebook,
      wave.instrumentId,
      [...versionCounts].sort((a, b) => a[0] - b[0]).map(([version, rows]) => ({ version, rows })),
    );
    const converter = new AnswerConverter(merged, { exactDates: options.exactDates });
    const table = new PseudonymTable(ctx.pseudonymKey, "respondent", answers.map((a) => a.id));
    const ordered = answers.map((a) => ({ ...a, pseudonym: table.of(a.id) })).sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));

    // Exclusions (instruments.md §10, P13): kept reversible and visible as a 0/1 flag per item.
    const latest = ctx.codebook.get(wave.instrumentId, Math.max(...merged.versions));
    const itemLabel = (name: string): Localized => {
      for (const section of latest?.sections ?? []) for (const item of section.items) if (item.name === name) return item.label;
      return { nb: name, en: name };
    };
    const excludedItems = [...new Set(exclusions.map((e) => e.item))];
    const excluded = new Set(exclusions.map((e) => `${e.answerId}:${e.item}`));
    const flags: SchemaVariable[] = excludedItems.map((item) => ({
      name: `utelatt_${item}`,
      label: { nb: `Utelatt fra statistikken: ${itemLabel(item).nb}`, en: `Excluded from the statistic: ${itemLabel(item).en}` },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: EXCLUDED_LABELS,
      nvivo: "classifying",
      treatment: "derived",
      source: item,
    }));

    const variables: SchemaVariable[] = [
      ROW_NUMBER({ nb: "Svar (løpenummer i eksporten)", en: "Answer (running number in the export)" }),
      PERSON(RESPONDENT, { nb: "Respondent (pseudonym)", en: "Respondent (pseudonym)" }),
      { ...MONTH, label: { nb: "Måned svaret kom", en: "Month of the answer" }, treatment: "kept" },
      INSTRUMENT_VERSION,
      ...converter.variables,
      ...flags,
    ];
    // The project's codes of open answers come last; the frequency tables count answers by the
    // month, which every row already carries.
    const coding = new RecordCoding(reader, project.id, "answer", ctx.pseudonymKey, variables.map((v) => v.name), [MONTH.name]);
    variables.push(...coding.variables);
    const schema: ExportSchema = {
      dataset: "employer-survey",
      title: TITLE,
      variables,
      qualitative: {
        caseVariable: RESPONDENT,
        caseClassification: { nb: "Arbeidsgiver (respondent)", en: "Employer (respondent)" },
        caseAttributes: converter.variables.filter((v) => v.nvivo === "classifying").map((v) => v.name),
        documentBy: [RESPONDENT],
        rowLabel: [],
        codeBy: [],
      },
      coding: coding.layout,
    };

    let scrubbedReasons: { item: string; reason: string }[] = [];
    return {
      schema,
      rowCount: answers.length,
      widths: { [RESPONDENT]: PSEUDONYM_WIDTH, [MONTH.name]: 7 },
      instruments: entries,
      description: wave.title,
      *rows(pass: Pass): Iterable<Row> {
        scrubbedReasons = exclusions.map((e) => ({ item: e.item, reason: pass.scrub(e.reason) }));
        let nr = 0;
        for (const a of ordered) {
          const row: Row = { nr: ++nr, [RESPONDENT]: a.pseudonym, [MONTH.name]: a.month, [INSTRUMENT_VERSION.name]: a.version };
          pass.stats.pseudonymised++;
          pass.stats.subjects.add(a.pseudonym);
          coding.record(row, a.id, a.answers, pass, (scrub) => converter.convert(a.answers, a.version, scrub, pass.stats, row));
          for (const item of excludedItems) row[`utelatt_${item}`] = excluded.has(`${a.id}:${item}`) ? 1 : 0;
          pass.stats.rows++;
          yield row;
        }
      },
      steps(): ManifestStep[] {
        const coded = coding.variables.length > 0;
        const steps: ManifestStep[] = [
          {
            id: "survey-anonymity",
            title: { nb: "Arbeidsgiverundersøkelsens anonymitet", en: "Anonymity of the employer survey" },
            summary: {
              nb: "Bare svartabellen er lest: ingen lenke, ingen jobbspesialist, ingen tid finere enn måneden; svarets interne id og purrerunde er utelatt, og radene står i rekkefølgen til en nøkkelbasert hash." + (coded ? CODINGS_READ.nb : ""),
              en: "Only the answer table was read: no link, no job specialist, no time finer than the month; the answer's internal id and reminder round are left out, and rows are in the order of a keyed hash." + (coded ? CODINGS_READ.en : ""),
            },
            counts: { answers: answers.length, minAnswers: wave.minAnswers },
          },
        ];
        if (exclusions.length) {
          steps.push({
            id: "exclusions",
            title: { nb: "Utelatelser fra statistikken", en: "Exclusions from statistics" },
            summary: {
              nb: `Svar utelatt fra enkeltstatistikker er merket med variablene ${flags.map((f) => f.name).join(", ")}. Begrunnelser: ${scrubbedReasons.map((r) => `${r.item}: ${r.reason}`).join(" | ")}`,
              en: `Answers excluded from single statistics are flagged by the variables ${flags.map((f) => f.name).join(", ")}. Reasons: ${scrubbedReasons.map((r) => `${r.item}: ${r.reason}`).join(" | ")}`,
            },
            counts: Object.fromEntries(excludedItems.map((item) => [item, exclusions.filter((e) => e.item === item).length])),
          });
        }
        return [...steps, ...coding.steps()];
      },
      codeMemos: (scrub) => coding.memos(scrub),
    };
  },
};

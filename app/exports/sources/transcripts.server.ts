// Data set "transcripts": released transcripts of experience exchanges that are marked for the
// NVivo export, read through the exchanges capability's export function (pseudonymised text,
// speaker turns and chapter codes, offsets in code points). The export scrubs them once more
// (names the platform knows, numbers, addresses) and carries the chapter codes along: as 0/1
// flags per turn for SPSS, and as spans within the turn for the .qdpx. The project's codings of
// turns travel the same way: a 0/1 variable per code, and each coding on its span of the turn.
// One row per speaker turn.
import type { Localized } from "~/i18n/locale";
import { CHAPTER_CODES } from "~/exchanges/chapter-codes";
import { transcriptsForExport, type TranscriptForExport } from "~/exchanges/export.server";
import type { Row } from "../dictionary";
import type { ExportSchema, SchemaVariable } from "../schema";
import { ROW_NUMBER } from "./common.server";
import { exchangeChoices, exchangeValues, exchangeVariables, exchangesOf, type ExchangeMeta } from "./exchange-meta.server";
import { RecordCoding } from "./record-coding.server";
import type { DatasetSource, Pass, PreparedDataset, SourceContext } from "./source.server";
import { formatMessage } from "~/i18n/format";

const TITLE: Localized = { nb: "Transkripsjoner fra erfaringsutvekslinger", en: "Transcripts of experience exchanges" };
const DESCRIPTION: Localized = { nb: "{count, plural, one {# transkripsjon} other {# transkripsjoner}}", en: "{count, plural, one {# transcript} other {# transcripts}}" };
const FLAG_LABELS = [
  { value: 0, label: { nb: "Ikke kodet", en: "Not coded" } },
  { value: 1, label: { nb: "Kodet", en: "Coded" } },
];

function selected(db: Parameters<DatasetSource["choices"]>[0], projectId: number, exchangeIds: readonly number[]): TranscriptForExport[] {
  const all = transcriptsForExport(db, projectId);
  return exchangeIds.length ? all.filter((t) => exchangeIds.includes(t.exchange.id)) : all;
}

export const transcriptsSource: DatasetSource = {
  id: "transcripts",
  title: TITLE,

  choices(db, projectId) {
    return exchangeChoices(db, projectId, new Set(transcriptsForExport(db, projectId).map((t) => t.exchange.id)));
  },

  prepare(ctx: SourceContext): PreparedDataset {
    const { reader, project, scope, options } = ctx;
    const transcripts = selected(reader.db, project.id, scope.exchangeIds);
    const exchanges = new Map<number, ExchangeMeta>(exchangesOf(reader.db, project.id).map((e) => [e.id, e]));
    const used = [...new Map(transcripts.map((t) => [t.exchange.id, exchanges.get(t.exchange.id)!])).values()];

    const transcriptVar: SchemaVariable = {
      name: "transkripsjon",
      label: { nb: "Transkripsjon", en: "Transcript" },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: transcripts.map((t, i) => ({ value: i + 1, label: { nb: `${t.title} (${t.exchange.date.slice(0, 7)})`, en: `${t.title} (${t.exchange.date.slice(0, 7)})` } })),
      nvivo: "classifying",
      treatment: "derived",
      source: null,
    };
    const flags: SchemaVariable[] = CHAPTER_CODES.map((c) => ({
      name: `kode_${c.code}`,
      label: c.label,
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: FLAG_LABELS,
      nvivo: "classifying",
      treatment: "kept",
      source: null,
    }));
    const variables: SchemaVariable[] = [
      ROW_NUMBER({ nb: "Ytring (løpenummer i eksporten)", en: "Turn (running number in the export)" }),
      transcriptVar,
      ...exchangeVariables(used),
      { name: "tur", label: { nb: "Ytringens nummer i transkripsjonen", en: "Number of the turn in the transcript" }, type: "numeric", measure: "scale", decimals: 0, nvivo: "classifying", treatment: "derived", source: null },
      { name: "taler", label: { nb: "Taler (pseudonym fra transkripsjonen)", en: "Speaker (pseudonym from the transcript)" }, type: "string", measure: "nominal", nvivo: "classifying", treatment: "scrubbed", source: null },
      { name: "ytring", label: { nb: "Ytring", en: "Turn" }, type: "string", measure: "nominal", nvivo: "codable", treatment: "scrubbed", source: null },
      { name: "kapittelkoder", label: { nb: "Kapittelkoder", en: "Chapter codes" }, type: "string", measure: "nominal", nvivo: "classifying", treatment: "kept", source: null },
      { name: "kodeposisjoner", label: { nb: "Kapittelkoder med posisjon i ytringen (kodepunkter)", en: "Chapter codes with position in the turn (code points)" }, type: "string", measure: "nominal", nvivo: "classifying", treatment: "derived", source: null },
      ...flags,
    ];
    // The project's codes of turns after the chapter codes; the frequency tables count turns by
    // exchange and by audience.
    const coding = new RecordCoding(reader, project.id, "turn", ctx.pseudonymKey, variables.map((v) => v.name), ["samling", "malgruppe"]);
    variables.push(...coding.variables);
    const schema: ExportSchema = {
      dataset: "transcripts",
      title: TITLE,
      variables,
      qualitative: {
        caseVariable: "samling",
        caseClassification: { nb: "Erfaringsutveksling", en: "Experience exchange" },
        caseAttributes: ["malgruppe", "samling_maaned"],
        documentBy: ["transkripsjon"],
        rowLabel: [],
        codeBy: [],
        turns: { speaker: "taler", codes: "kodeposisjoner" },
      },
      coding: coding.layout,
    };

    const rowCount = transcripts.reduce((n, t) => n + t.turns.length, 0);
    return {
      schema,
      rowCount,
      instruments: [],
      description: formatMessage(DESCRIPTION[options.locale], options.locale, { count: transcripts.length }),
      *rows(pass: Pass): Iterable<Row> {
        let nr = 0;
        for (const [index, t] of transcripts.entries()) {
          const e = exchanges.get(t.exchange.id)!;
          for (const [turnIndex, turn] of t.turns.entries()) {
            const redacted = pass.redact(turn.text);
            // Trimmed as the documents show it; offsets follow the trim.
            const lead = redacted.text.length - redacted.text.trimStart().length;
            const text = redacted.text.trim();
            const leadPoints = [...redacted.text.slice(0, lead)].length;
            const length = [...text].length;
            // Where a span of the turn's text (code points) is in the exported text; null when gone.
            const place = (start: number, end: number) => {
              const s = Math.max(0, redacted.map(start) - leadPoints);
              const e = Math.min(length, redacted.map(end, true) - leadPoints);
              return e > s ? ([s, e] as const) : null;
            };
            const spans = t.codes
              .filter((c) => c.start < turn.end && c.end > turn.start)
              .flatMap((c) => {
                const span = place(Math.max(c.start, turn.start) - turn.start, Math.min(c.end, turn.end) - turn.start);
                return span ? [{ code: c.code, start: span[0], end: span[1] }] : [];
              });
            const codes = [...new Set(spans.map((s) => s.code))];
            const row: Row = {
              nr: ++nr,
              transkripsjon: index + 1,
              ...exchangeValues(e),
              tur: turnIndex + 1,
              taler: turn.speaker ? pass.scrub(turn.speaker) : null,
              ytring: text,
              kapittelkoder: codes.join(" "),
              kodeposisjoner: spans.map((s) => `${s.code}@${s.start}-${s.end}`).join(" "),
            };
            for (const c of CHAPTER_CODES) row[`kode_${c.code}`] = codes.includes(c.code) ? 1 : 0;
            coding.turn(row, t.id, turn.position, "ytring", length, place, pass);
            pass.stats.coarsened++;
            pass.stats.rows++;
            yield row;
          }
        }
      },
      codeMemos: (scrub) => coding.memos(scrub),
      steps: () => [
        {
          id: "transcripts",
          title: { nb: "Transkripsjoner", en: "Transcripts" },
          summary: {
            nb: "Bare frigitte transkripsjoner merket for NVivo-eksport er med, i den pseudonymiserte utgaven; eksporten har renset dem én gang til og flyttet kodeposisjonene etter markørene.",
            en: "Only released transcripts marked for the NVivo export are included, in their pseudonymised version; the export scrubbed them once more and moved the code positions to follow the markers.",
          },
          counts: { transcripts: transcripts.length, turns: rowCount },
        },
        ...coding.steps(),
      ],
    };
  },
};

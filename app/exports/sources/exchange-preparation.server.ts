// Data set "exchange-preparation": the submitted answers to the preparation questions of the
// experience exchanges, read through the exchanges capability's export functions. Every
// exchange has its own questions (its own instrument, with versions), so each question becomes
// a variable named by its exchange: u03_erfaring is question "erfaring" of the job specialists'
// exchange no. 3 (l01_… for the leaders' series). One row per person and exchange.
import { inArray } from "drizzle-orm";
import type { Localized } from "~/i18n/locale";
import { listPreparationInstruments, preparationsForExport } from "~/exchanges/export.server";
import { users } from "../../../db/schema";
import { PseudonymTable, type SubjectKind } from "../anonymise/pseudonyms.server";
import type { Row } from "../dictionary";
import { AnswerConverter, mergeVersions } from "../instrument-variables";
import type { ExportSchema, SchemaVariable } from "../schema";
import { INSTRUMENT_VERSION, PERSON, PSEUDONYM_WIDTH, ROW_NUMBER, peopleTable } from "./common.server";
import { exchangeChoices, exchangeFileName, exchangeName, exchangeValues, exchangeVariables, exchangesOf, type ExchangeMeta } from "./exchange-meta.server";
import type { DatasetSource, Pass, PreparedDataset, SourceContext } from "./source.server";

const TITLE: Localized = { nb: "Forberedelser til erfaringsutvekslinger", en: "Preparation for experience exchanges" };
const PERSON_VAR = "person";

export function questionPrefix(e: Pick<ExchangeMeta, "audience" | "number">): string {
  return `${e.audience === "job_specialists" ? "u" : "l"}${String(e.number).padStart(2, "0")}_`;
}

const ROLE = {
  name: "rolle",
  label: { nb: "Rolle", en: "Role" },
  type: "numeric",
  measure: "nominal",
  decimals: 0,
  valueLabels: [
    { value: 1, label: { nb: "Jobbspesialist", en: "Job specialist" } },
    { value: 2, label: { nb: "Caseansvarlig", en: "Case lead" } },
    { value: 3, label: { nb: "Forsker", en: "Researcher" } },
  ],
  nvivo: "classifying",
  treatment: "kept",
  source: null,
} satisfies SchemaVariable;
const ROLE_CODE = { job_specialist: 1, case_lead: 2, researcher: 3 } as const;
const KIND: Record<keyof typeof ROLE_CODE, SubjectKind> = { job_specialist: "job_specialist", case_lead: "case_lead", researcher: "researcher" };

export const exchangePreparationSource: DatasetSource = {
  id: "exchange-preparation",
  title: TITLE,

  choices(db, projectId) {
    return exchangeChoices(db, projectId, new Set(preparationsForExport(db, projectId).map((p) => p.exchangeId)));
  },

  prepare(ctx: SourceContext): PreparedDataset {
    const { reader, project, scope, options } = ctx;
    const exchanges = exchangesOf(reader.db, project.id);
    const byId = new Map(exchanges.map((e) => [e.id, e]));
    const answers = preparationsForExport(reader.db, project.id).filter((p) => byId.has(p.exchangeId) && (!scope.exchangeIds.length || scope.exchangeIds.includes(p.exchangeId)));
    const instruments = listPreparationInstruments(reader.db, project.id);

    // One merged instrument per exchange (the versions its answers were given under).
    const used = [...new Set(answers.map((a) => a.exchangeId))].map((id) => byId.get(id)!).sort((a, b) => a.date.localeCompare(b.date) || a.code - b.code);
    const perExchange = new Map<number, { prefix: string; converter: AnswerConverter; variables: SchemaVariable[] }>();
    const entries: { key: string; title: Localized; rows: number }[] = [];
    for (const e of used) {
      const mine = answers.filter((a) => a.exchangeId === e.id);
      const versions = new Set(mine.map((a) => a.instrumentVersion));
      const compiled = instruments.filter((i) => i.id === mine[0].instrumentId && versions.has(i.version));
      if (compiled.length !== versions.size) throw new Error(`The preparation questions of exchange ${e.id} are missing a version`);
      const merged = mergeVersions(compiled);
      const converter = new AnswerConverter(merged, { exactDates: options.exactDates });
      const prefix = questionPrefix(e);
      const short = { nb: `Nr. ${e.number} (${e.audience === "job_specialists" ? "JS" : "ledere"})`, en: `No. ${e.number} (${e.audience === "job_specialists" ? "JS" : "leaders"})` };
      const variables = converter.variables.map((v) => ({ ...v, name: prefix + v.name, label: { nb: `${short.nb}: ${v.label.nb}`, en: `${short.en}: ${v.label.en}` } }));
      perExchange.set(e.id, { prefix, converter, variables });
      for (const c of compiled) entries.push({ key: c.key, title: c.title, rows: mine.filter((a) => a.instrumentVersion === c.version).length });
    }

    const userIds = [...new Set(answers.map((a) => a.userId))];
    const roles = new Map(
      (userIds.length ? reader.db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, userIds)).all() : []).map((u) => [u.id, u.role]),
    );
    const tables = new Map<string, PseudonymTable>();
    const pseudonymOf = (userId: number) => {
      const role = roles.get(userId) ?? "job_specialist";
      let table = tables.get(role);
      if (!table) tables.set(role, (table = peopleTable(reader.db, ctx.pseudonymKey, role, KIND[role])));
      return { pseudonym: table.of(userId), role };
    };
    const ordered = answers
      .map((a) => ({ a, e: byId.get(a.exchangeId)!, ...pseudonymOf(a.userId) }))
      .sort((x, y) => x.e.date.localeCompare(y.e.date) || x.e.code - y.e.code || (x.pseudonym < y.pseudonym ? -1 : 1));

    const meta = exchangeVariables(used);
    const schema: ExportSchema = {
      dataset: "exchange-preparation",
      title: TITLE,
      variables: [
        ROW_NUMBER({ nb: "Svar (løpenummer i eksporten)", en: "Answer (running number in the export)" }),
        PERSON(PERSON_VAR, { nb: "Person (pseudonym)", en: "Person (pseudonym)" }),
        ROLE,
        ...meta,
        INSTRUMENT_VERSION,
        ...[...perExchange.values()].flatMap((p) => p.variables),
      ],
      qualitative: {
        caseVariable: PERSON_VAR,
        caseClassification: { nb: "Deltaker i erfaringsutveksling", en: "Exchange participant" },
        caseAttributes: [ROLE.name],
        documentBy: ["samling", PERSON_VAR],
        docxFileBy: "samling",
        docxFileNames: Object.fromEntries(used.map((e) => [String(e.code), exchangeFileName(e, options.locale)])),
        rowLabel: [],
        codeBy: [],
      },
    };

    return {
      schema,
      rowCount: ordered.length,
      widths: { [PERSON_VAR]: PSEUDONYM_WIDTH },
      instruments: entries,
      description: used.map((e) => exchangeName(e, options.locale)).join(", "),
      *rows(pass: Pass): Iterable<Row> {
        let nr = 0;
        for (const { a, e, pseudonym, role } of ordered) {
          const row: Row = { nr: ++nr, [PERSON_VAR]: pseudonym, [ROLE.name]: ROLE_CODE[role], ...exchangeValues(e), [INSTRUMENT_VERSION.name]: a.instrumentVersion };
          pass.stats.pseudonymised++;
          pass.stats.subjects.add(pseudonym);
          pass.stats.coarsened++;
          const own = perExchange.get(e.id)!;
          const values: Row = {};
          own.converter.convert(a.answers, a.instrumentVersion, pass.scrub, pass.stats, values);
          for (const [name, value] of Object.entries(values)) row[own.prefix + name] = value;
          pass.stats.rows++;
          yield row;
        }
      },
      steps: () => [],
    };
  },
};

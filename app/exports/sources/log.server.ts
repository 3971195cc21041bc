// Data set "log": the job specialists' log notes (instrument log-entry), read-only from the logs
// capability's tables. Only months that have been submitted (or submitted and reopened) are
// exported, as only those are readable by researchers. Rows stream from the database in the
// order person, month, date, so the NVivo formats can group them by person-month.
import { and, count, eq, max, min } from "drizzle-orm";
import type { Localized } from "~/i18n/locale";
import type { Db } from "../../../db/connection.server";
import { logMonths, logNotes } from "../../../db/schema";
import type { Row } from "../dictionary";
import { AnswerConverter } from "../instrument-variables";
import type { ExportSchema, SchemaVariable } from "../schema";
import { INSTRUMENT_VERSION, MONTH, PERSON, PSEUDONYM_WIDTH, ROW_NUMBER, estimateTextWidths, mergedInstrument, peopleTable } from "./common.server";
import { CASE_VARIABLES, caseChoices, caseVariables, projectStructure, setCaseValues } from "./project-structure.server";
import { inList, type DatasetSource, type ExportScope, type Pass, type PreparedDataset, type SourceContext } from "./source.server";

export const LOG_INSTRUMENT = "log-entry";
const TITLE: Localized = { nb: "Loggnotater", en: "Log notes" };
const JS = "js";

function where(projectId: number, scope: ExportScope) {
  const cases = inList("n.case_project_id", scope.caseProjectIds);
  // "+n.project_id" keeps SQLite from using the project index here, so it walks the notes in the
  // (author, month, date) index order the export wants instead of sorting every row it reads.
  let sql = " FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE +n.project_id = ?";
  const params: (string | number)[] = [projectId];
  if (scope.from) {
    sql += " AND n.month >= ?";
    params.push(scope.from);
  }
  if (scope.to) {
    sql += " AND n.month <= ?";
    params.push(scope.to);
  }
  return { sql: sql + cases.sql, params: [...params, ...cases.params] };
}

export const logSource: DatasetSource = {
  id: "log",
  title: TITLE,

  choices(db: Db, projectId: number) {
    const structure = projectStructure(db, projectId);
    const span = db
      .select({ first: min(logNotes.month), last: max(logNotes.month), n: count() })
      .from(logNotes)
      .innerJoin(logMonths, and(eq(logMonths.authorId, logNotes.authorId), eq(logMonths.month, logNotes.month)))
      .where(eq(logNotes.projectId, projectId))
      .get() ?? { first: null, last: null, n: 0 };
    return {
      available: span.n > 0,
      unavailableReason: span.n > 0 ? undefined : "exports.unavailable.noData",
      months: span.first && span.last ? { first: span.first, last: span.last } : null,
      caseProjects: caseChoices(structure),
      waves: [],
      exchanges: [],
      usesPeriod: true,
      usesCases: true,
    };
  },

  prepare(ctx: SourceContext): PreparedDataset {
    const { reader, project, scope, options } = ctx;
    const { sql, params } = where(project.id, scope);
    const counts = reader.sqlite.prepare(`SELECT n.instrument_version AS version, count(*) AS rows${sql} GROUP BY n.instrument_version ORDER BY 1`).all(...params) as { version: number; rows: number }[];
    const rowCount = counts.reduce((n, c) => n + c.rows, 0);
    const { merged, entries } = mergedInstrument(ctx.codebook, LOG_INSTRUMENT, counts);
    // The note's date is the log's own column; by default only its month (maaned) is exported.
    const converter = new AnswerConverter(merged, { exactDates: options.exactDates, omit: options.exactDates ? undefined : new Set(["dato"]) });
    const structure = projectStructure(reader.db, project.id);
    const people = peopleTable(reader.db, ctx.pseudonymKey, "job_specialist", "job_specialist");

    const variables: SchemaVariable[] = [
      ROW_NUMBER({ nb: "Notat (løpenummer i eksporten)", en: "Note (running number in the export)" }),
      PERSON(JS, { nb: "Jobbspesialist (pseudonym)", en: "Job specialist (pseudonym)" }),
      options.exactDates ? { ...MONTH, treatment: "kept" } : MONTH,
      ...caseVariables(structure),
      INSTRUMENT_VERSION,
      ...converter.variables,
    ];
    const schema: ExportSchema = {
      dataset: "log",
      title: TITLE,
      variables,
      qualitative: {
        caseVariable: JS,
        caseClassification: { nb: "Jobbspesialist", en: "Job specialist" },
        caseAttributes: [CASE_VARIABLES.caseProject, CASE_VARIABLES.organisation, CASE_VARIABLES.programme],
        documentBy: [JS, MONTH.name],
        docxFileBy: JS,
        rowLabel: ["trinn"],
        codeBy: ["trinn"],
      },
    };
    const widths = {
      [JS]: PSEUDONYM_WIDTH,
      [MONTH.name]: 7,
      ...estimateTextWidths(reader.sqlite, sql, params, "n.answers", converter.textVariables),
    };
    // SQLite takes the answers apart (its JSON parser, in C, with a parse cache per row): faster
    // than JSON.parse of every note, and raw rows spare an object per row.
    const names = merged.variables.map((v) => v.name);
    const columns = `SELECT n.author_id, n.case_project_id, n.month, n.instrument_version, ${names.map((x) => `n.answers ->> '$."${x}"'`).join(", ")}${sql}`;
    // Documents need person, month, date order: the (author, month, date) index gives it. Other
    // formats read by month in storage order, a third cheaper than hopping between people's notes.
    const inDocumentOrder = reader.sqlite.prepare(`${columns} ORDER BY n.author_id, n.month, n.date, n.id`).raw();
    const byMonth = reader.sqlite.prepare(`${columns.replace("WHERE +n.project_id", "WHERE n.project_id")} ORDER BY n.month, n.id`).raw();

    return {
      schema,
      rowCount,
      widths,
      instruments: entries,
      description: [scope.from ?? "…", scope.to ?? "…"].join(" – "),
      *rows(pass: Pass): Iterable<Row> {
        let nr = 0;
        const statement = pass.grouped ? inDocumentOrder : byMonth;
        for (const note of statement.iterate(...params) as Iterable<unknown[]>) {
          const [author, caseProject, month, version] = note as [number, number, string, number];
          const answers: Record<string, string | number | null> = {};
          for (let i = 0; i < names.length; i++) answers[names[i]] = note[4 + i] as string | number | null;
          const row: Row = { nr: ++nr };
          const pseudonym = people.of(author);
          row[JS] = pseudonym;
          pass.stats.pseudonymised++;
          pass.stats.subjects.add(pseudonym);
          row[MONTH.name] = month;
          if (!options.exactDates) pass.stats.coarsened++;
          setCaseValues(structure, caseProject, row);
          row[INSTRUMENT_VERSION.name] = version;
          converter.convert(answers, version, pass.scrub, pass.stats, row);
          pass.stats.rows++;
          yield row;
        }
      },
      steps: () => [],
    };
  },
};

// Data set "log": the job specialists' log notes (instrument log-entry), read-only from the logs
// capability's tables. Only months that have been submitted (or submitted and reopened) are
// exported, as only those are readable by researchers. Rows stream from the database in the
// order person, month, date for the NVivo formats (they group by person-month), otherwise in the
// order the notes were written.
import { and, count, eq, max, min } from "drizzle-orm";
import type { Localized } from "~/i18n/locale";
import type { Db, Sqlite } from "../../../db/connection.server";
import { logMonths, logNotes } from "../../../db/schema";
import type { Row } from "../dictionary";
import { AnswerConverter } from "../instrument-variables";
import type { ExportSchema, SchemaVariable } from "../schema";
import { IMPORT_NUMBER, IMPORT_ROW, INSTRUMENT_VERSION, MONTH, PERSON, PSEUDONYM_WIDTH, ROW_NUMBER, extentWidths, mergedInstrument, peopleTable } from "./common.server";
import { CASE_VARIABLES, caseChoices, caseVariables, projectStructure, setCaseValues } from "./project-structure.server";
import { inList, type DatasetSource, type ExportScope, type Pass, type PreparedDataset, type SourceContext } from "./source.server";
import { periodText } from "../manifest";
import { RecordCoding } from "./record-coding.server";

export const LOG_INSTRUMENT = "log-entry";
/** author, case project, month, instrument version, answers (JSON), id */
type StoredNote = [number, number, string, number, string, number, number | null, number | null];
const PAGE_ROWS = 1000;
const TITLE: Localized = { nb: "Loggnotater", en: "Log notes" };
const JS = "js";

/** The notes of the project within the scope; whether their month is submitted is checked apart. */
function where(projectId: number, scope: ExportScope) {
  const cases = inList("n.case_project_id", scope.caseProjectIds);
  let sql = " FROM log_notes n WHERE n.project_id = ?";
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

/**
 * The (author, month) pairs that are submitted or reopened: a few hundred rows, looked up in
 * JavaScript for each note. Joining log_months in SQL cost an index search per note, a tenth of
 * the export of 100,000 notes.
 */
function submittedMonths(sqlite: Sqlite, projectId: number): Set<string> {
  const rows = sqlite.prepare("SELECT author_id, month FROM log_months WHERE project_id = ?").raw().all(projectId) as [number, string][];
  return new Set(rows.map(([author, month]) => `${author} ${month}`));
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
    const submitted = submittedMonths(reader.sqlite, project.id);
    const groups = reader.sqlite.prepare(`SELECT n.author_id, n.month, n.instrument_version, count(*)${sql} GROUP BY 1, 2, 3`).raw().all(...params) as [number, string, number, number][];
    const byVersion = new Map<number, number>();
    for (const [author, month, version, n] of groups) if (submitted.has(`${author} ${month}`)) byVersion.set(version, (byVersion.get(version) ?? 0) + n);
    const counts = [...byVersion].sort((a, b) => a[0] - b[0]).map(([version, rows]) => ({ version, rows }));
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
      IMPORT_NUMBER,
      IMPORT_ROW,
    ];
    // The project's codes, a 0/1 variable each after the note's own variables; the frequency
    // tables count notes by month and SE step.
    const coding = new RecordCoding(reader, project.id, "note", ctx.pseudonymKey, variables.map((v) => v.name), [MONTH.name, "trinn"]);
    variables.push(...coding.variables);
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
      coding: coding.layout,
    };
    const widths = {
      [JS]: PSEUDONYM_WIDTH,
      [MONTH.name]: 7,
      ...extentWidths(reader.sqlite, "log_notes", project.id, converter.textVariables),
    };
    // Answers are parsed here rather than by SQLite's ->> per variable: one JSON.parse a note is
    // cheaper than seven extractions, and the stored JSON is the app's own.
    const columns = `SELECT n.author_id, n.case_project_id, n.month, n.instrument_version, n.answers, n.id, n.import_id, n.import_row${sql.replace("WHERE n.project_id", "WHERE +n.project_id")}`;
    // Documents need person, month, date order: the (author, month, date) index gives it. Other
    // formats get the notes in the order they were written, a plain walk of the table that is a
    // fifth cheaper than sorting by month (maaned is in every row for that), read a page at a
    // time (all() of a page costs less than iterate() row by row). "+n.project_id" keeps SQLite
    // off the project index, which would give neither order.
    const inDocumentOrder = reader.sqlite.prepare(`${columns} ORDER BY n.author_id, n.month, n.date, n.id`).raw();
    const inStorageOrder = reader.sqlite.prepare(`${columns} AND n.id > ? ORDER BY n.id LIMIT ${PAGE_ROWS}`).raw();
    function* notes(grouped: boolean): Iterable<StoredNote> {
      if (grouped) return yield* inDocumentOrder.iterate(...params) as Iterable<StoredNote>;
      for (let after = 0; ; ) {
        const page = inStorageOrder.all(...params, after) as StoredNote[];
        yield* page;
        if (page.length < PAGE_ROWS) return;
        after = page[page.length - 1][5];
      }
    }

    return {
      schema,
      rowCount,
      widths,
      instruments: entries,
      description: periodText(scope.from, scope.to, options.locale),
      *rows(pass: Pass): Iterable<Row> {
        let nr = 0;
        for (const [author, caseProject, month, version, json, id, importId, importRow] of notes(pass.grouped ?? false)) {
          if (!submitted.has(`${author} ${month}`)) continue;
          const answers = JSON.parse(json) as Record<string, string | number | null>;
          const row: Row = { nr: ++nr };
          const pseudonym = people.of(author);
          row[JS] = pseudonym;
          pass.stats.pseudonymised++;
          pass.stats.subjects.add(pseudonym);
          row[MONTH.name] = month;
          if (!options.exactDates) pass.stats.coarsened++;
          setCaseValues(structure, caseProject, row);
          row[INSTRUMENT_VERSION.name] = version;
          coding.record(row, id, answers, pass, (scrub) => converter.convert(answers, version, scrub, pass.stats, row));
          row[IMPORT_NUMBER.name] = importId;
          row[IMPORT_ROW.name] = importRow;
          pass.stats.rows++;
          yield row;
        }
      },
      codeMemos: (scrub) => coding.memos(scrub),
      steps: () => coding.steps(),
    };
  },
};

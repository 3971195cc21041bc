// The dry run of an import: every row of the table read through the column mapping and the
// instrument's own validator, and what confirming would do with it (create, update, leave
// unchanged, or reject with reasons per column), with the identifier scan and the name detector
// over every free-text cell. Nothing is written here; apply.server.ts writes a plan.
//
// A row's stable key is a hash of whose row it is and what it says, so importing the same file
// twice finds every row already there and changes nothing.
import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { and, eq, sql } from "drizzle-orm";
import { exchangeAttendance, exchanges, logNotes, reportParticipants, reportVersions, type ImportKind } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { TFunction } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";
import { parseInstrumentForm } from "~/instruments/validate.server";
import type { Answers } from "~/instruments/types";
import { projectNameMatcher } from "~/logs/author.server";
import { findInAnswers, findingKinds, type FindingKind } from "~/logs/identifiers";
import { logInstrument } from "~/logs/instrument.server";
import { todayInNorway } from "~/logs/months";
import { findNames } from "~/names/detect";
import { nameLexicon } from "~/names/lexicon.server";
import { CODE_PATTERN } from "~/reports/codes.server";
import { reportInstrument } from "~/reports/instrument.server";
import { cellText, instrumentTargets, metaTarget, readCell, type ReadReason, type Target } from "./columns";
import type { Cell, Table } from "./read-table.server";

export type RowAction = "create" | "update" | "unchanged" | "reject";

export interface RowProblem {
  /** The file's column heading, or the target's label when no column was mapped to it. */
  readonly column: string;
  readonly message: string;
}

export interface RowPlan {
  /** Row number in the file (the header is row 1). */
  readonly row: number;
  readonly action: RowAction;
  /** Stable key (shown in the preview); empty for a row rejected before it had one. */
  readonly key: string;
  readonly problems: readonly RowProblem[];
  /** Kinds of possible identifiers in the row's free text (a warning, as on the forms). */
  readonly findings: readonly FindingKind[];
  /** Who or what the row is about, for the preview: a person, a participant code, an exchange date. */
  readonly subject: string;
}

/** What confirming writes for one row (server only; never sent to the page). */
export type Write =
  | { readonly kind: "note"; readonly row: number; readonly key: string; readonly authorId: number; readonly caseProjectId: number; readonly answers: Answers; readonly date: string; readonly step: number; readonly searchText: string; readonly flags: readonly string[] }
  | {
      readonly kind: "version";
      readonly row: number;
      readonly key: string;
      readonly participantId: number | null;
      readonly code: string;
      readonly jsId: number;
      readonly caseProjectId: number;
      readonly startMonth: string;
      readonly consentDate: string;
      readonly effectiveDate: string;
      readonly answers: Answers;
    }
  | { readonly kind: "attendance"; readonly row: number; readonly key: string; readonly exchangeId: number; readonly userId: number; readonly present: boolean };

export interface Plan {
  readonly kind: ImportKind;
  readonly targets: readonly Target[];
  readonly rows: readonly RowPlan[];
  readonly counts: Readonly<Record<RowAction, number>>;
  readonly writes: readonly Write[];
  readonly instrument: { readonly id: string; readonly version: number } | null;
}

export interface PlanInput {
  readonly kind: ImportKind;
  readonly projectId: number;
  readonly table: Table;
  /** Target key per column (null: not imported). */
  readonly mapping: readonly (string | null)[];
  /** A person (user id) for every row, when the file has no person column. */
  readonly personId: number | null;
  /** An exchange for every row of an attendance file, when it has no date column. */
  readonly exchangeId: number | null;
}

type Ctx = Pick<AppLoadContext, "db" | "codebook">;

/** The columns a kind of file can have. */
export function targetsFor(context: Ctx, kind: ImportKind, whole: { personId: number | null; exchangeId: number | null }): Target[] {
  const person = metaTarget("person", whole.personId === null);
  if (kind === "log") return [person, ...instrumentTargets(logInstrument(context).form)];
  if (kind === "reports") {
    return [metaTarget("code", true), person, metaTarget("startMonth", false), metaTarget("consentDate", false), metaTarget("effectiveDate", true), ...instrumentTargets(reportInstrument(context.codebook).form)];
  }
  return [metaTarget("exchange", whole.exchangeId === null), metaTarget("person", true), metaTarget("present", false)];
}

export interface ProjectPerson {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly caseProjectId: number | null;
}

/**
 * Job specialists (through their case project) and case leads (through their organisation) of
 * the project: who a row can be about.
 */
export function projectPeople(db: Db, projectId: number): ProjectPerson[] {
  return db.all<ProjectPerson>(sql`
    SELECT u.id, u.name, u.email, u.role, u.case_project_id AS caseProjectId
    FROM users u
    LEFT JOIN case_projects c ON c.id = u.case_project_id
    JOIN organisations o ON o.id = coalesce(u.organisation_id, c.organisation_id)
    WHERE o.project_id = ${projectId} AND u.role IN ('job_specialist', 'case_lead')
    ORDER BY u.name`);
}

const hashKey = (parts: unknown[]) => `import-${crypto.createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 24)}`;

const detectNames = (text: string) => findNames(text, nameLexicon(), { unknownCapitalised: true });

export function planImport(context: Ctx, input: PlanInput, t: TFunction, locale: Locale, now = new Date()): Plan {
  const { db } = context;
  const targets = targetsFor(context, input.kind, input);
  const byKey = new Map(targets.map((tg) => [tg.key, tg]));
  const columnOf = new Map<string, number>();
  input.mapping.forEach((key, i) => {
    if (key && byKey.has(key) && !columnOf.has(key)) columnOf.set(key, i);
  });
  const heading = (key: string) => {
    const i = columnOf.get(key);
    const target = byKey.get(key);
    return i !== undefined && input.table.headers[i] ? input.table.headers[i] : target ? target.label[locale] : key;
  };
  const people = projectPeople(db, input.projectId);
  const whole = input.personId === null ? null : (people.find((p) => p.id === input.personId) ?? null);
  const findPerson = (text: string): ProjectPerson | null => {
    const t2 = text.trim().toLocaleLowerCase("nb");
    return people.find((p) => p.email.toLocaleLowerCase("nb") === t2 || p.name.toLocaleLowerCase("nb") === t2) ?? null;
  };
  const readMessage = (reason: ReadReason) => t(`imports.read.${reason}`);

  const rows: RowPlan[] = [];
  const writes: Write[] = [];
  const seen = new Map<string, number>();
  const instrument = input.kind === "log" ? logInstrument(context).form : input.kind === "reports" ? reportInstrument(context.codebook).form : null;
  const names = projectNameMatcher(db, input.projectId);

  input.table.rows.forEach((cells, index) => {
    const rowNumber = index + 2;
    const problems: RowProblem[] = [];
    const cell = (key: string): Cell => {
      const i = columnOf.get(key);
      return i === undefined ? null : (cells[i] ?? null);
    };
    // 1. Every mapped cell through the codebook into the value its form would post.
    const values = new URLSearchParams();
    const meta = new Map<string, string>();
    for (const [key, i] of columnOf) {
      const target = byKey.get(key)!;
      const read = readCell(target, cells[i] ?? null);
      if (!read.ok) {
        problems.push({ column: heading(key), message: `${readMessage(read.reason)} («${cellText(cells[i] ?? null).slice(0, 60)}»)` });
        continue;
      }
      if (target.meta) meta.set(key, read.value);
      else if (read.value !== "") values.set(key, read.value);
    }
    const required = (key: string) => {
      if (!meta.get(key)) problems.push({ column: heading(key), message: t("imports.problem.required") });
      return meta.get(key) ?? "";
    };
    // 2. Whose row it is.
    let person: ProjectPerson | null = whole;
    const personText = cellText(cell("person"));
    if (columnOf.has("person") && personText !== "") {
      person = findPerson(personText);
      if (!person) problems.push({ column: heading("person"), message: t("imports.problem.unknownPerson", { text: personText.slice(0, 80) }) });
    } else if (!person && (input.kind !== "attendance" || columnOf.has("person"))) {
      problems.push({ column: heading("person"), message: t("imports.problem.required") });
    }
    // 3. The instrument's own validation, as on the form.
    let answers: Answers | null = null;
    if (instrument) {
      const parsed = parseInstrumentForm(instrument, values, locale);
      if (parsed.status === "success") answers = parsed.answers;
      else {
        for (const [field, messages] of Object.entries(parsed.error ?? {})) {
          for (const message of messages ?? []) problems.push({ column: heading(field), message });
        }
      }
    }
    const reject = (subject: string) => rows.push({ row: rowNumber, action: "reject", key: "", problems, findings: [], subject });

    if (input.kind === "log") {
      const { shape } = logInstrument(context);
      if (answers && String(answers[shape.date]) > todayInNorway(now)) problems.push({ column: heading(shape.dateField), message: t("logs.error.future") });
      if (person && (person.role !== "job_specialist" || person.caseProjectId === null)) problems.push({ column: heading("person"), message: t("imports.problem.notSpecialist", { name: person.name }) });
      if (problems.length || !answers || !person) return reject(person?.name ?? personText);
      const key = hashKey([person.id, answers]);
      const findings = findingKinds(findInAnswers(answers, shape.texts.map((x) => x.name), { names, detectNames }));
      const duplicate = seen.get(key);
      if (duplicate !== undefined) return rows.push({ row: rowNumber, action: "reject", key, problems: [{ column: "", message: t("imports.problem.duplicate", { row: duplicate }) }], findings, subject: person.name });
      seen.set(key, rowNumber);
      const exists = db.select({ id: logNotes.id }).from(logNotes).where(and(eq(logNotes.authorId, person.id), eq(logNotes.clientKey, key))).get();
      const texts = shape.texts.map((x) => answers![x.name]).filter((v): v is string => typeof v === "string" && v !== "");
      rows.push({ row: rowNumber, action: exists ? "unchanged" : "create", key, problems: [], findings, subject: person.name });
      if (!exists) {
        writes.push({
          kind: "note",
          row: rowNumber,
          key,
          authorId: person.id,
          caseProjectId: person.caseProjectId!,
          answers,
          date: String(answers[shape.date]),
          step: Number(answers[shape.step]),
          searchText: texts.join("\n").toLocaleLowerCase("nb"),
          flags: findings,
        });
      }
      return;
    }

    if (input.kind === "reports") {
      const code = required("code").trim();
      const effectiveDate = required("effectiveDate");
      if (effectiveDate && effectiveDate > todayInNorway(now)) problems.push({ column: heading("effectiveDate"), message: t("logs.error.future") });
      const participant = code ? db.select().from(reportParticipants).where(eq(reportParticipants.code, code)).get() : undefined;
      if (participant && participant.projectId !== input.projectId) problems.push({ column: heading("code"), message: t("imports.problem.codeElsewhere", { code }) });
      if (participant?.withdrawnDate) problems.push({ column: heading("code"), message: t("imports.problem.withdrawn", { code }) });
      if (code && !participant && !safeCode(code)) problems.push({ column: heading("code"), message: t("imports.problem.badCode", { code: code.slice(0, 40) }) });
      const jsId = person?.id ?? participant?.jsId ?? null;
      const js = people.find((p) => p.id === jsId) ?? null;
      if (person && (person.role !== "job_specialist" || person.caseProjectId === null)) problems.push({ column: heading("person"), message: t("imports.problem.notSpecialist", { name: person.name }) });
      if (!participant) {
        required("startMonth");
        required("consentDate");
      }
      if (problems.length || !answers || !js || !code) return reject(code);
      const findings = findingKinds(
        findInAnswers(
          answers,
          reportInstrument(context.codebook).textItems.map((i) => i.name),
          { names, detectNames },
        ),
      );
      const key = hashKey([code, effectiveDate, answers]);
      const duplicate = seen.get(key);
      if (duplicate !== undefined) return rows.push({ row: rowNumber, action: "reject", key, problems: [{ column: "", message: t("imports.problem.duplicate", { row: duplicate }) }], findings, subject: code });
      seen.set(key, rowNumber);
      const exists = participant
        ? db.select({ id: reportVersions.id }).from(reportVersions).where(and(eq(reportVersions.participantId, participant.id), eq(reportVersions.clientKey, key))).get()
        : undefined;
      rows.push({ row: rowNumber, action: exists ? "unchanged" : participant ? "update" : "create", key, problems: [], findings, subject: code });
      if (!exists) {
        writes.push({
          kind: "version",
          row: rowNumber,
          key,
          participantId: participant?.id ?? null,
          code,
          jsId: js.id,
          caseProjectId: participant?.caseProjectId ?? js.caseProjectId!,
          startMonth: participant?.startMonth ?? meta.get("startMonth")!,
          consentDate: participant?.consentDate ?? meta.get("consentDate")!,
          effectiveDate,
          answers,
        });
      }
      return;
    }

    // Attendance: an exchange (by its date, or chosen for the whole file), a person, present or not.
    let exchangeId = input.exchangeId;
    const dateText = meta.get("exchange") ?? "";
    if (columnOf.has("exchange") && dateText) {
      const found = db.select({ id: exchanges.id }).from(exchanges).where(and(eq(exchanges.projectId, input.projectId), eq(exchanges.date, dateText))).all();
      if (found.length === 1) exchangeId = found[0].id;
      else problems.push({ column: heading("exchange"), message: t(found.length ? "imports.problem.exchangeAmbiguous" : "imports.problem.noExchange", { date: dateText }) });
    } else if (exchangeId === null) problems.push({ column: heading("exchange"), message: t("imports.problem.required") });
    const present = (meta.get("present") ?? "1") !== "0";
    if (problems.length || !person || exchangeId === null) return reject(person?.name ?? personText);
    const key = hashKey([exchangeId, person.id, present]);
    const duplicate = seen.get(key);
    if (duplicate !== undefined) return rows.push({ row: rowNumber, action: "reject", key, problems: [{ column: "", message: t("imports.problem.duplicate", { row: duplicate }) }], findings: [], subject: person.name });
    seen.set(key, rowNumber);
    const exists = !!db.select({ u: exchangeAttendance.userId }).from(exchangeAttendance).where(and(eq(exchangeAttendance.exchangeId, exchangeId), eq(exchangeAttendance.userId, person.id))).get();
    const action: RowAction = exists === present ? "unchanged" : present ? "create" : "update";
    rows.push({ row: rowNumber, action, key, problems: [], findings: [], subject: person.name });
    if (action !== "unchanged") writes.push({ kind: "attendance", row: rowNumber, key, exchangeId, userId: person.id, present });
  });

  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.action]++;
  return { kind: input.kind, targets, rows, counts, writes, instrument: instrument ? { id: instrument.id, version: instrument.version } : null };
}

/**
 * A participant code from a file may be kept as the platform's code when it is one (D-XXXXXX) or
 * looks like a code: 2–20 letters, digits and dashes with at least one digit, and no name in it.
 */
export function safeCode(code: string): boolean {
  if (CODE_PATTERN.test(code)) return true;
  if (!/^[\p{L}\p{N}-]{2,20}$/u.test(code) || !/\d/.test(code)) return false;
  return detectNames(code.replace(/[-\d]+/g, " ")).length === 0;
}

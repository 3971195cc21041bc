// Audit events as sentences a research leader can read («Kari Nordmann leverte loggen for
// desember 2018 (7 notater).»): the subject of each event («project:3», «user:12») is looked up
// by name, the details are put into words, and the raw record stays alongside for the disclosure.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/connection.server";
import {
  caseProjects,
  exchanges,
  exchangeTranscripts,
  exportPackages,
  logNotes,
  organisations,
  projects,
  reportParticipants,
  surveyWaves,
  users,
} from "../../db/schema";
import { catalogs, type MessageKey, type TFunction } from "~/i18n/catalog";
import { formatDate, formatMonth } from "~/i18n/dates";
import type { MessageParams } from "~/i18n/format";
import type { Locale } from "~/i18n/locale";
import { isDataset, isFormat } from "./datasets";
import { formats } from "./formats/registry.server";

export interface AuditRecord {
  readonly id: number;
  readonly at: number;
  readonly actorId: number | null;
  readonly actor: string | null;
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown> | null;
}

export interface AuditEvent {
  readonly id: number;
  readonly at: number;
  readonly sentence: string;
  readonly raw: { readonly action: string; readonly subject: string; readonly details: readonly (readonly [string, string])[] };
}

type Kind = "project" | "organisation" | "case_project" | "user" | "survey_wave" | "exchange" | "transcript" | "export" | "participant" | "log_note";
type Names = Map<string, MessageParams>;

/** «project:3» → ["project", 3]. */
function parseSubject(subject: string): [string, number] | null {
  const m = /^([a-z_]+):(\d+)$/.exec(subject);
  return m ? [m[1], Number(m[2])] : null;
}

const key = (kind: string, id: number) => `${kind}:${id}`;

/** What the subjects of a page of events are called, looked up kind by kind. */
function subjectNames(db: Db, records: readonly AuditRecord[], locale: Locale, t: TFunction): Names {
  const ids = new Map<Kind, Set<number>>();
  const want = (kind: Kind, id: unknown) => {
    if (typeof id === "number" && Number.isInteger(id)) (ids.get(kind) ?? ids.set(kind, new Set()).get(kind)!).add(id);
  };
  for (const r of records) {
    const subject = parseSubject(r.subject);
    if (subject) want(subject[0] as Kind, subject[1]);
    want("project", r.details?.projectId);
  }
  const of = (kind: Kind) => [...(ids.get(kind) ?? [])];
  const names: Names = new Map();
  const exchangeName = (e: { number: number; audience: "job_specialists" | "case_leads" }) => {
    const title = t("exchanges.title", { number: e.number, audience: t(`exchanges.audience.${e.audience}`) });
    return title.charAt(0).toLocaleLowerCase(locale) + title.slice(1);
  };

  if (of("project").length) for (const p of db.select({ id: projects.id, title: projects.title }).from(projects).where(inArray(projects.id, of("project"))).all()) names.set(key("project", p.id), { project: p.title });
  if (of("organisation").length) for (const o of db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, of("organisation"))).all()) names.set(key("organisation", o.id), { organisation: o.name });
  if (of("case_project").length) for (const c of db.select({ id: caseProjects.id, name: caseProjects.name }).from(caseProjects).where(inArray(caseProjects.id, of("case_project"))).all()) names.set(key("case_project", c.id), { caseProject: c.name });
  if (of("user").length) for (const u of db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(inArray(users.id, of("user"))).all()) names.set(key("user", u.id), { person: u.name, role: t(`role.${u.role}`).toLocaleLowerCase(locale) });
  if (of("survey_wave").length) for (const w of db.select({ id: surveyWaves.id, title: surveyWaves.title }).from(surveyWaves).where(inArray(surveyWaves.id, of("survey_wave"))).all()) names.set(key("survey_wave", w.id), { wave: w.title });
  if (of("exchange").length) for (const e of db.select({ id: exchanges.id, number: exchanges.number, audience: exchanges.audience }).from(exchanges).where(inArray(exchanges.id, of("exchange"))).all()) names.set(key("exchange", e.id), { exchange: exchangeName(e) });
  if (of("transcript").length) {
    const rows = db
      .select({ id: exchangeTranscripts.id, title: exchangeTranscripts.title, number: exchanges.number, audience: exchanges.audience })
      .from(exchangeTranscripts)
      .innerJoin(exchanges, eq(exchanges.id, exchangeTranscripts.exchangeId))
      .where(inArray(exchangeTranscripts.id, of("transcript")))
      .all();
    for (const r of rows) names.set(key("transcript", r.id), { transcript: r.title, exchange: exchangeName(r) });
  }
  if (of("export").length) {
    const rows = db
      .select({ id: exportPackages.id, dataset: exportPackages.dataset, format: exportPackages.format, project: projects.title })
      .from(exportPackages)
      .innerJoin(projects, eq(projects.id, exportPackages.projectId))
      .where(inArray(exportPackages.id, of("export")))
      .all();
    for (const r of rows) names.set(key("export", r.id), { ...datasetWords(r.dataset, t), ...formatWords(r.format, locale), project: r.project });
  }
  if (of("participant").length) for (const p of db.select({ id: reportParticipants.id, code: reportParticipants.code }).from(reportParticipants).where(inArray(reportParticipants.id, of("participant"))).all()) names.set(key("participant", p.id), { participant: p.code });
  if (of("log_note").length) for (const n of db.select({ id: logNotes.id, month: logNotes.month }).from(logNotes).where(inArray(logNotes.id, of("log_note"))).all()) names.set(key("log_note", n.id), { month: formatMonth(n.month, locale) });
  return names;
}

function datasetWords(dataset: unknown, t: TFunction): MessageParams {
  return { dataset: isDataset(dataset) ? t(`exports.dataset.${dataset}`).toLocaleLowerCase() : String(dataset ?? "") };
}

function formatWords(format: unknown, locale: Locale): MessageParams {
  return { format: isFormat(format) ? formats[format].label[locale] : String(format ?? "") };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const count = (value: unknown) => (typeof value === "number" ? value : 0);

/** The words the details of an action give its sentence. */
function detailWords(r: AuditRecord, locale: Locale, t: TFunction): MessageParams {
  const d = r.details ?? {};
  const date = (v: unknown) => formatDate(text(v), locale);
  const month = (v: unknown) => formatMonth(text(v), locale);
  switch (r.action) {
    case "demo.loaded":
      return { accounts: count(d.accounts) };
    case "project.log_period_changed":
      return { from: month(d.from), to: month(d.to) };
    case "log.note_deleted":
      return { month: month(d.month) };
    case "log.month_submitted":
      return { month: month(d.month), notes: count(d.notes) };
    case "log.month_reopened":
      return { month: month(d.month), reason: text(d.reason) || "none" };
    case "survey.wave_reopened":
      return { date: date(d.closeDate) };
    case "survey.links_issued":
      return { count: count(d.count) };
    case "survey.reminder_recorded":
      return { round: count(d.round) };
    case "survey.answer_excluded":
      return { reason: text(d.reason) };
    case "report.participant.added":
      return { date: date(d.consentDate) };
    case "report.version.saved":
      return { number: count(d.number), date: date(d.effectiveDate) };
    case "report.consent.withdrawn":
      return { date: date(d.date) };
    case "exchange.attendance":
      return { present: count(d.present) };
    case "export.created":
      return { ...datasetWords(d.dataset, t), ...formatWords(d.format, locale), rows: count(d.rows) };
    case "export.review_saved":
      return { ...datasetWords(d.dataset, t), terms: count(d.terms) };
    case "coding.code_created":
      return { code: text(d.code) };
    case "instrument.draft_saved":
    case "instrument.published":
      return { instrument: text(d.instrument), version: typeof d.version === "number" ? String(d.version) : "" };
    case "instrument.pilot_started":
      return { instrument: text(d.instrument), version: typeof d.version === "number" ? String(d.version) : "", people: count(d.people) };
    case "instrument.draft_discarded":
      return { instrument: text(d.instrument) };
    case "coding.round_created":
      return { notes: count(d.notes), coders: count(d.coders) };
    case "import.confirmed":
      return { kind: text(d.kind), created: count(d.created), updated: count(d.updated), unchanged: count(d.unchanged), rejected: count(d.rejected) };
    case "export.name_decided":
      return { decision: d.decision === "name" ? "name" : "other" };
    default:
      return {};
  }
}

/** Who did it: a person's name, or the command line or the system when nobody signed in did. */
function actorWords(r: AuditRecord, t: TFunction): string {
  if (r.actor) return r.actor;
  return r.details?.via === "cli" ? t("audit.actor.cli") : t("audit.actor.system");
}

function rawDetails(details: Record<string, unknown> | null): [string, string][] {
  return Object.entries(details ?? {}).map(([k, v]) => [k, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)]);
}

export function hasSentence(action: string): boolean {
  return `audit.event.${action}` in catalogs.nb;
}

export function describeAuditEvents(db: Db, records: readonly AuditRecord[], locale: Locale, t: TFunction): AuditEvent[] {
  const names = subjectNames(db, records, locale, t);
  const unknown = t("audit.unknownSubject");
  // Every name a sentence may ask for, so an event whose subject was deleted still reads.
  const blanks: MessageParams = { project: unknown, organisation: unknown, caseProject: unknown, person: unknown, role: "", wave: unknown, exchange: unknown, transcript: unknown, participant: unknown, dataset: unknown, format: "", month: unknown };
  return records.map((r) => {
    const subject = parseSubject(r.subject);
    const params: MessageParams = {
      ...blanks,
      ...(typeof r.details?.projectId === "number" ? names.get(key("project", r.details.projectId)) : undefined),
      ...(subject ? names.get(key(subject[0], subject[1])) : undefined),
      ...detailWords(r, locale, t),
      actor: actorWords(r, t),
      action: r.action,
    };
    const sentence = hasSentence(r.action) ? t(`audit.event.${r.action}` as MessageKey, params) : t("audit.event.unknown", params);
    return { id: r.id, at: r.at, sentence, raw: { action: r.action, subject: r.subject, details: rawDetails(r.details) } };
  });
}

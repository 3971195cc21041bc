// Planning exchanges: create, change, list. A new exchange starts with the generic preparation
// questions (surveys/exchange-preparation) as version 1 of its own question definition.
import crypto from "node:crypto";
import { and, asc, desc, eq, max } from "drizzle-orm";
import {
  exchangeAgendaItems,
  exchangePreparations,
  exchangeQuestionVersions,
  exchangeRegistrations,
  exchanges,
  projects,
  type ExchangeAudience,
  type ExchangeDayKind,
  type ExchangeStatus,
} from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import type { Exchange, Placement } from "./access.server";
import { buildDefinition, type PrepQuestion } from "./questions.server";
import { timingOf } from "./timing";

export interface ExchangeInput {
  readonly projectId: number;
  readonly audience: ExchangeAudience;
  readonly number: number;
  readonly date: string;
  readonly dateIsApproximate: boolean;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly hoursOverride: number | null;
  readonly dayKindOverride: ExchangeDayKind | null;
  readonly place: string;
  readonly theme: string;
  readonly description: string;
  readonly status: ExchangeStatus;
  readonly preparationDeadline: string | null;
}

/** A random key for a form, so a second submit of it is recognised (no twins). */
export function newClientKey(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export function nextNumber(db: DbOrTx, projectId: number, audience: ExchangeAudience): number {
  const row = db.select({ n: max(exchanges.number) }).from(exchanges).where(and(eq(exchanges.projectId, projectId), eq(exchanges.audience, audience))).get();
  return (row?.n ?? 0) + 1;
}

export function numberTaken(db: DbOrTx, projectId: number, audience: ExchangeAudience, number: number, exceptId?: number): boolean {
  const row = db
    .select({ id: exchanges.id })
    .from(exchanges)
    .where(and(eq(exchanges.projectId, projectId), eq(exchanges.audience, audience), eq(exchanges.number, number)))
    .get();
  return !!row && row.id !== exceptId;
}

export function findByClientKey(db: DbOrTx, actorId: number, clientKey: string): number | null {
  return db.select({ id: exchanges.id }).from(exchanges).where(and(eq(exchanges.createdBy, actorId), eq(exchanges.clientKey, clientKey))).get()?.id ?? null;
}

/**
 * Creates an exchange with its first question version. With a client key, a second submit of
 * the same form returns the exchange the first one made.
 */
export function createExchange(db: Db, input: ExchangeInput, questions: readonly PrepQuestion[], actorId: number | null, clientKey: string | null = null): number {
  return writeTransaction(db, (tx) => {
    if (clientKey && actorId !== null) {
      const existing = findByClientKey(tx, actorId, clientKey);
      if (existing !== null) return existing;
    }
    const row = tx
      .insert(exchanges)
      .values({ ...input, place: input.place.trim(), theme: input.theme.trim(), description: input.description.trim(), questionsVersion: 1, createdBy: actorId, clientKey })
      .returning()
      .get();
    tx.insert(exchangeQuestionVersions)
      .values({ exchangeId: row.id, version: 1, definition: buildDefinition(row, 1, questions) as unknown as Record<string, unknown> })
      .run();
    audit(tx, actorId, "exchange.created", `exchange:${row.id}`);
    return row.id;
  });
}

export function updateExchange(db: Db, id: number, input: Omit<ExchangeInput, "projectId" | "audience">, actorId: number): void {
  db.update(exchanges)
    .set({ ...input, place: input.place.trim(), theme: input.theme.trim(), description: input.description.trim(), updatedAt: Math.floor(Date.now() / 1000) })
    .where(eq(exchanges.id, id))
    .run();
  audit(db, actorId, "exchange.updated", `exchange:${id}`);
}

export function setShareAnswers(db: Db, id: number, share: boolean, actorId: number): void {
  db.update(exchanges).set({ shareAnswers: share, updatedAt: Math.floor(Date.now() / 1000) }).where(eq(exchanges.id, id)).run();
  audit(db, actorId, share ? "exchange.answers_shared" : "exchange.answers_unshared", `exchange:${id}`);
}

export function markHeld(db: Db, id: number, actorId: number): void {
  db.update(exchanges).set({ status: "held", updatedAt: Math.floor(Date.now() / 1000) }).where(eq(exchanges.id, id)).run();
  audit(db, actorId, "exchange.held", `exchange:${id}`);
}

/** What every exchange page shows of an exchange (plain data for the browser). */
export function exchangeHead(e: Exchange) {
  return {
    id: e.id,
    projectId: e.projectId,
    audience: e.audience,
    number: e.number,
    date: e.date,
    dateIsApproximate: e.dateIsApproximate,
    startTime: e.startTime,
    endTime: e.endTime,
    place: e.place,
    theme: e.theme,
    description: e.description,
    status: e.status,
    preparationDeadline: e.preparationDeadline,
    shareAnswers: e.shareAnswers,
    questionsVersion: e.questionsVersion,
    timing: timingOf(e),
  };
}

export function projectTitle(db: Db, projectId: number): string {
  return db.select({ title: projects.title }).from(projects).where(eq(projects.id, projectId)).get()?.title ?? "";
}

/** Every exchange, grouped by project and series, for the researchers' list. */
export function listAllExchanges(db: Db) {
  return db
    .select({
      id: exchanges.id,
      projectId: exchanges.projectId,
      projectSlug: projects.slug,
      projectTitle: projects.title,
      audience: exchanges.audience,
      number: exchanges.number,
      date: exchanges.date,
      dateIsApproximate: exchanges.dateIsApproximate,
      theme: exchanges.theme,
      status: exchanges.status,
      startTime: exchanges.startTime,
      endTime: exchanges.endTime,
      hoursOverride: exchanges.hoursOverride,
      dayKindOverride: exchanges.dayKindOverride,
    })
    .from(exchanges)
    .innerJoin(projects, eq(projects.id, exchanges.projectId))
    .orderBy(asc(projects.title), asc(exchanges.audience), asc(exchanges.number))
    .all()
    .map((e) => ({ ...e, timing: timingOf(e) }));
}

/** Earlier exchanges of a project whose agenda or questions can be copied. */
export function listCopySources(db: Db, projectId: number, exceptId: number) {
  return db
    .select({ id: exchanges.id, audience: exchanges.audience, number: exchanges.number, date: exchanges.date, theme: exchanges.theme })
    .from(exchanges)
    .where(eq(exchanges.projectId, projectId))
    .orderBy(desc(exchanges.date), asc(exchanges.audience))
    .all()
    .filter((e) => e.id !== exceptId);
}

/** Whether an exchange lies ahead: planned, and its date (or month, when approximate) not passed. */
export function isUpcoming(e: Pick<Exchange, "status" | "date" | "dateIsApproximate">, today: string): boolean {
  if (e.status !== "planned") return false;
  return e.dateIsApproximate ? e.date.slice(0, 7) >= today.slice(0, 7) : e.date >= today;
}

/** The exchanges a job specialist or case lead is invited to, with their own reply. */
export function listInvitedExchanges(db: Db, placement: Placement, userId: number) {
  const rows = db
    .select({
      id: exchanges.id,
      number: exchanges.number,
      audience: exchanges.audience,
      date: exchanges.date,
      dateIsApproximate: exchanges.dateIsApproximate,
      startTime: exchanges.startTime,
      endTime: exchanges.endTime,
      place: exchanges.place,
      theme: exchanges.theme,
      status: exchanges.status,
      preparationDeadline: exchanges.preparationDeadline,
      coming: exchangeRegistrations.coming,
      submittedAt: exchangePreparations.submittedAt,
      draftSavedAt: exchangePreparations.draftSavedAt,
    })
    .from(exchanges)
    .leftJoin(exchangeRegistrations, and(eq(exchangeRegistrations.exchangeId, exchanges.id), eq(exchangeRegistrations.userId, userId)))
    .leftJoin(exchangePreparations, and(eq(exchangePreparations.exchangeId, exchanges.id), eq(exchangePreparations.userId, userId)))
    .where(and(eq(exchanges.projectId, placement.projectId), eq(exchanges.audience, placement.audience)))
    .orderBy(asc(exchanges.date), asc(exchanges.number))
    .all();
  return rows;
}

export function agendaCount(db: Db, exchangeId: number): number {
  return db.select({ id: exchangeAgendaItems.id }).from(exchangeAgendaItems).where(eq(exchangeAgendaItems.exchangeId, exchangeId)).all().length;
}

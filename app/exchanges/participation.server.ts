// What the invited do before an exchange: say whether they come, and answer the preparation
// questions. One preparation row per person and exchange (a double submit updates it). Drafts
// keep the raw form values, also of a rejected submit, so nothing typed is lost.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { exchangePreparations, exchangeRegistrations, users } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { Answers, CompiledInstrument, FormInstrument } from "~/instruments/types";
import { fieldsOf } from "~/instruments/validate.server";
import type { Exchange } from "./access.server";
import { isUpcoming } from "./exchanges.server";
import { instrumentIdFor } from "./questions.server";

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Longest value kept per field in a draft (the longest valid answer plus room for a paste). */
const MAX_DRAFT_FIELD = 20_000;

export function registrationOpen(e: Pick<Exchange, "status" | "date" | "dateIsApproximate">, today: string): boolean {
  return isUpcoming(e, today);
}

/** Answers can be given and changed until the deadline (inclusive), or the day itself. */
export function preparationOpen(e: Pick<Exchange, "status" | "date" | "dateIsApproximate" | "preparationDeadline">, today: string): boolean {
  if (e.status !== "planned") return false;
  return e.preparationDeadline ? today <= e.preparationDeadline : isUpcoming(e, today);
}

export function getRegistration(db: Db, exchangeId: number, userId: number) {
  return db.select().from(exchangeRegistrations).where(and(eq(exchangeRegistrations.exchangeId, exchangeId), eq(exchangeRegistrations.userId, userId))).get();
}

export function setRegistration(db: Db, exchangeId: number, userId: number, coming: boolean): void {
  const updatedAt = nowSeconds();
  db.insert(exchangeRegistrations)
    .values({ exchangeId, userId, coming, updatedAt })
    .onConflictDoUpdate({ target: [exchangeRegistrations.exchangeId, exchangeRegistrations.userId], set: { coming, updatedAt } })
    .run();
}

export function listRegistrations(db: Db, exchangeId: number) {
  return db.select({ userId: exchangeRegistrations.userId, coming: exchangeRegistrations.coming }).from(exchangeRegistrations).where(eq(exchangeRegistrations.exchangeId, exchangeId)).all();
}

export type Preparation = typeof exchangePreparations.$inferSelect;

export function getPreparation(db: Db, exchangeId: number, userId: number): Preparation | undefined {
  return db.select().from(exchangePreparations).where(and(eq(exchangePreparations.exchangeId, exchangeId), eq(exchangePreparations.userId, userId))).get();
}

/** The instrument's own fields from a posted form, as typed. */
export function draftValuesFrom(instrument: FormInstrument, formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const item of instrument.sections.flatMap((s) => s.items)) {
    for (const field of fieldsOf(item)) {
      const value = formData.get(field);
      if (typeof value === "string") values[field] = value.slice(0, MAX_DRAFT_FIELD);
    }
  }
  return values;
}

/** Keeps what was typed under the given question version, beside any answers already sent. */
export function saveDraft(db: Db, exchangeId: number, userId: number, version: number, values: Record<string, string>): void {
  const now = nowSeconds();
  db.insert(exchangePreparations)
    .values({ exchangeId, userId, instrumentId: instrumentIdFor(exchangeId), instrumentVersion: version, draft: values, draftVersion: version, draftSavedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [exchangePreparations.exchangeId, exchangePreparations.userId],
      set: { draft: values, draftVersion: version, draftSavedAt: now, updatedAt: now },
    })
    .run();
}

/** Stores validated answers (keyed by variable name, with instrument id and version); the draft goes. */
export function submitPreparation(db: Db, exchangeId: number, userId: number, instrument: Pick<CompiledInstrument, "id" | "version">, answers: Answers): void {
  const now = nowSeconds();
  const values = { instrumentId: instrument.id, instrumentVersion: instrument.version, answers, submittedAt: now, draft: null, draftVersion: null, draftSavedAt: null, updatedAt: now };
  db.insert(exchangePreparations)
    .values({ exchangeId, userId, ...values })
    .onConflictDoUpdate({ target: [exchangePreparations.exchangeId, exchangePreparations.userId], set: values })
    .run();
}

/** Every submitted preparation with the person's name, for researchers. */
export function listPreparations(db: Db, exchangeId: number) {
  return db
    .select({
      userId: exchangePreparations.userId,
      name: users.name,
      instrumentId: exchangePreparations.instrumentId,
      instrumentVersion: exchangePreparations.instrumentVersion,
      answers: exchangePreparations.answers,
      submittedAt: exchangePreparations.submittedAt,
    })
    .from(exchangePreparations)
    .innerJoin(users, eq(users.id, exchangePreparations.userId))
    .where(and(eq(exchangePreparations.exchangeId, exchangeId), isNotNull(exchangePreparations.submittedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** How many have drafts but have not sent anything. */
export function countDraftsOnly(db: Db, exchangeId: number): number {
  return db
    .select({ id: exchangePreparations.id, submittedAt: exchangePreparations.submittedAt, draftSavedAt: exchangePreparations.draftSavedAt })
    .from(exchangePreparations)
    .where(eq(exchangePreparations.exchangeId, exchangeId))
    .all()
    .filter((r) => r.submittedAt === null && r.draftSavedAt !== null).length;
}

/**
 * The submitted answers per question without names, for the group when the researchers share
 * them: sorted by text, so neither order nor position points to a person.
 */
export function sharedAnswers(db: Db, exchangeId: number, questions: readonly { name: string }[]): Record<string, string[]> {
  const rows = db
    .select({ answers: exchangePreparations.answers })
    .from(exchangePreparations)
    .where(and(eq(exchangePreparations.exchangeId, exchangeId), isNotNull(exchangePreparations.submittedAt)))
    .all();
  const collator = new Intl.Collator("nb");
  const out: Record<string, string[]> = {};
  for (const q of questions) {
    out[q.name] = rows
      .map((r) => r.answers?.[q.name])
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .sort(collator.compare);
  }
  return out;
}

// The job specialist's side: single-use links, their status, and reminder rounds.
//
// Links are shown once: the tokens live only in this process's memory for an hour after they
// were made (so the page can be reloaded and the CSV downloaded), and the ledger keeps only
// their SHA-256. Employer names or addresses are never asked for.
import crypto from "node:crypto";
import { and, asc, eq, max } from "drizzle-orm";
import { type Db, writeTransaction } from "../../db/connection.server";
import { surveyLinkBatches, surveyLinks, surveyReminders, surveySpent } from "../../db/schema";
import { audit } from "~/accounts/audit.server";
import { osloDate } from "./dates.server";
import { linkCode, linkTokenHash, newLinkToken, randomId, spentKeyOf } from "./keys.server";
import { MAX_REMINDER_ROUNDS } from "./limits";
import { listWavesOfProject, projectOfSpecialist } from "./waves.server";
import { csvText, UTF8_BOM } from "~/server/csv.server";

const BATCH_TTL_MS = 60 * 60_000;
const MAX_CACHED_BATCHES = 2_000;

export interface FreshLink {
  /** Position in this list (1-based); only in the list and the CSV, never stored. */
  number: number;
  code: string;
  url: string;
}

interface CachedBatch {
  waveId: number;
  ownerId: number;
  links: FreshLink[];
  expiresAt: number;
}

/** Fresh links by batch id, in memory only. */
const fresh = new Map<string, CachedBatch>();

function sweep(now: number) {
  for (const [id, batch] of fresh) if (batch.expiresAt <= now) fresh.delete(id);
  while (fresh.size > MAX_CACHED_BATCHES) fresh.delete(fresh.keys().next().value!);
}

/** A random key for the "ask for links" form, so a double submit makes the links once. */
export function newRequestKey(): string {
  return crypto.randomBytes(12).toString("base64url");
}

export interface IssueResult {
  batchId: string;
  /** False when the same request was sent again (a double submit): nothing new was made. */
  created: boolean;
}

/**
 * Makes `count` links for the job specialist in one transaction. The ledger rows get random ids
 * and are inserted in id order, so neither the rowid nor the physical order keeps the order of
 * the list the job specialist got.
 */
export function issueLinks(
  db: Db,
  input: { waveId: number; ownerId: number; count: number; requestKey: string; publicUrl: string },
): IssueResult {
  const existing = db
    .select({ id: surveyLinkBatches.id })
    .from(surveyLinkBatches)
    .where(and(eq(surveyLinkBatches.ownerId, input.ownerId), eq(surveyLinkBatches.requestKey, input.requestKey)))
    .get();
  if (existing) return { batchId: existing.id, created: false };

  const batchId = crypto.randomBytes(12).toString("base64url");
  const tokens = Array.from({ length: input.count }, () => newLinkToken());
  const rows = tokens
    .map((token) => ({ id: randomId(), tokenHash: linkTokenHash(token) }))
    .sort((a, b) => a.id - b.id);
  writeTransaction(db, (tx) => {
    tx.insert(surveyLinkBatches)
      .values({ id: batchId, waveId: input.waveId, ownerId: input.ownerId, count: input.count, requestKey: input.requestKey, issuedOn: osloDate() })
      .run();
    for (const row of rows) {
      tx.insert(surveyLinks).values({ id: row.id, waveId: input.waveId, ownerId: input.ownerId, batchId, tokenHash: row.tokenHash }).run();
    }
    audit(tx, input.ownerId, "survey.links_issued", `survey_wave:${input.waveId}`, { count: input.count });
  });
  const now = Date.now();
  sweep(now);
  fresh.set(batchId, {
    waveId: input.waveId,
    ownerId: input.ownerId,
    expiresAt: now + BATCH_TTL_MS,
    links: tokens.map((token, i) => ({ number: i + 1, code: linkCode(linkTokenHash(token)), url: `${input.publicUrl}/s/${token}` })),
  });
  return { batchId, created: true };
}

/**
 * The fresh links of a batch for its owner: `links` is null once they are no longer held
 * (after an hour, or after a restart); undefined when the batch is not theirs or unknown.
 */
export function freshBatch(db: Db, batchId: string, waveId: number, ownerId: number) {
  const batch = db
    .select()
    .from(surveyLinkBatches)
    .where(and(eq(surveyLinkBatches.id, batchId), eq(surveyLinkBatches.waveId, waveId), eq(surveyLinkBatches.ownerId, ownerId)))
    .get();
  if (!batch) return undefined;
  const cached = fresh.get(batchId);
  const links = cached && cached.ownerId === ownerId && cached.expiresAt > Date.now() ? cached.links : null;
  return { id: batch.id, count: batch.count, issuedOn: batch.issuedOn, links };
}

/** Forgets the fresh links of a batch (the job specialist has copied them). */
export function forgetBatch(batchId: string, ownerId: number) {
  const cached = fresh.get(batchId);
  if (cached && cached.ownerId === ownerId) fresh.delete(batchId);
}

/** CSV (semicolon, UTF-8 with BOM for Excel) of fresh links: number; code; link. */
export function linksCsv(links: readonly FreshLink[], headings: { number: string; code: string; link: string }): string {
  const rows = [[headings.number, headings.code, headings.link], ...links.map((l) => [l.number, l.code, l.url])];
  return UTF8_BOM + csvText(rows, { delimiter: ";" });
}

export interface OwnLinks {
  issued: number;
  used: number;
  /** Only when the wave allows targeted reminders: codes of unused links with their date. */
  unused: { code: string; issuedOn: string }[] | null;
  batches: { id: string; count: number; issuedOn: string }[];
  reminders: { round: number; sentOn: string }[];
}

/**
 * The job specialist's own links: how many are used is computed from the spent set through the
 * keyed hash (the ledger itself is only marked when the wave is finalised).
 */
export function ownLinks(db: Db, spentKey: Uint8Array, wave: { id: number; targetedReminders: boolean }, ownerId: number): OwnLinks {
  const links = db
    .select({ tokenHash: surveyLinks.tokenHash, used: surveyLinks.used, issuedOn: surveyLinkBatches.issuedOn })
    .from(surveyLinks)
    .innerJoin(surveyLinkBatches, eq(surveyLinkBatches.id, surveyLinks.batchId))
    .where(and(eq(surveyLinks.waveId, wave.id), eq(surveyLinks.ownerId, ownerId)))
    .all();
  const spent = new Set(
    db
      .select({ key: surveySpent.key })
      .from(surveySpent)
      .where(eq(surveySpent.waveId, wave.id))
      .all()
      .map((r) => r.key),
  );
  let used = 0;
  const unused: { code: string; issuedOn: string }[] = [];
  for (const link of links) {
    if (link.used || spent.has(spentKeyOf(spentKey, link.tokenHash))) used++;
    else unused.push({ code: linkCode(link.tokenHash), issuedOn: link.issuedOn });
  }
  unused.sort((a, b) => (a.issuedOn === b.issuedOn ? (a.code < b.code ? -1 : 1) : a.issuedOn < b.issuedOn ? -1 : 1));
  const batches = db
    .select({ id: surveyLinkBatches.id, count: surveyLinkBatches.count, issuedOn: surveyLinkBatches.issuedOn })
    .from(surveyLinkBatches)
    .where(and(eq(surveyLinkBatches.waveId, wave.id), eq(surveyLinkBatches.ownerId, ownerId)))
    .orderBy(asc(surveyLinkBatches.issuedOn))
    .all();
  const reminders = db
    .select({ round: surveyReminders.round, sentOn: surveyReminders.sentOn })
    .from(surveyReminders)
    .where(and(eq(surveyReminders.waveId, wave.id), eq(surveyReminders.ownerId, ownerId)))
    .orderBy(asc(surveyReminders.round))
    .all();
  return { issued: links.length, used, unused: wave.targetedReminders ? unused : null, batches, reminders };
}

/**
 * Records "reminder sent" as the job specialist's next round. `round` is the round the form
 * showed, so a double submit records it once.
 */
export function recordReminder(db: Db, input: { waveId: number; ownerId: number; round: number }): "recorded" | "duplicate" | "invalid" {
  const last =
    db
      .select({ round: max(surveyReminders.round) })
      .from(surveyReminders)
      .where(and(eq(surveyReminders.waveId, input.waveId), eq(surveyReminders.ownerId, input.ownerId)))
      .get()?.round ?? 0;
  if (input.round <= last) return "duplicate";
  if (input.round !== last + 1 || input.round > MAX_REMINDER_ROUNDS) return "invalid";
  writeTransaction(db, (tx) => {
    tx.insert(surveyReminders).values({ waveId: input.waveId, ownerId: input.ownerId, round: input.round, sentOn: osloDate() }).run();
    audit(tx, input.ownerId, "survey.reminder_recorded", `survey_wave:${input.waveId}`, { round: input.round });
  });
  return "recorded";
}

/** The job specialist's waves (of their own project) with their own link counts. */
export function specialistWaves(
  db: Db,
  spentKey: Uint8Array,
  user: { id: number; caseProjectId: number | null },
) {
  const projectId = projectOfSpecialist(db, user);
  if (projectId === null) return [];
  return listWavesOfProject(db, projectId).map(({ wave, status }) => {
    const own = ownLinks(db, spentKey, wave, user.id);
    return {
      id: wave.id,
      title: wave.title,
      openDate: wave.openDate,
      closeDate: wave.closeDate,
      status,
      issued: own.issued,
      used: own.used,
    };
  });
}

// The employer's side: from a token to a wave, and from a form to a stored answer.
//
// The token arrives once in the link /s/<token>; the route puts it in an httpOnly cookie limited
// to /s and redirects to /s at once, so the address bar, the history and any log of paths never
// show it again. Here it is only hashed: the ledger lookup uses SHA-256(token), the exactly-once
// check HMAC(spent key, SHA-256(token)). Nothing in this module writes the token or its hashes
// anywhere; the answer goes to the survey writer with its spent key only.
// Path=/s is safe (unlike a path on a page route, see accounts/invitation-cookie.server.ts):
// /s, /s/<token> and /s/done are resource routes whose pages carry no script, so the browser
// never asks /s.data for anything; the questionnaire posts as a plain form to /s.
import type { AppLoadContext } from "@remix-run/node";
import type { Sqlite } from "../../db/connection.server";
import { writeRefusal } from "../../db/write-lock.mjs";
import type { WriteRefusalReason } from "~/components/NotSaved";
import type { SurveyWave } from "../../db/schema";
import type { Locale } from "~/i18n/locale";
import { parseInstrumentForm, type InstrumentFormFailure } from "~/instruments/validate.server";
import type { CompiledInstrument } from "~/instruments/types";
import { osloDate, osloMonth } from "./dates.server";
import { isLinkTokenShape, linkTokenHash, spentKeyFor, spentKeyOf } from "./keys.server";
import { surveyStore } from "./store.server";
import { waveStatus } from "./waves.server";

export const LINK_COOKIE = "medforsker_link";

/** Largest request body the questionnaire accepts (the full form is about 2 KB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Attempts with a link that cannot be used, per client address. */
export const badLinkLimit = { max: 60, windowMs: 10 * 60_000 };
/** Rejected submissions (validation errors) per link. */
export const invalidSubmitLimit = { max: 40, windowMs: 60 * 60_000 };

export function readLinkCookie(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === LINK_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return isLinkTokenShape(value) ? value : null;
    }
  }
  return null;
}

export function linkCookie(token: string, secure: boolean): string {
  return `${LINK_COOKIE}=${token}; Path=/s; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function clearLinkCookie(secure: boolean): string {
  return `${LINK_COOKIE}=; Path=/s; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}

type Statement = ReturnType<Sqlite["prepare"]>;
interface Statements {
  link: Statement;
  wave: Statement;
  spent: Statement;
  round: Statement;
}

const statements = new WeakMap<Sqlite, Statements>();

function prepared(sqlite: Sqlite): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      link: sqlite.prepare("SELECT wave_id AS waveId, used FROM survey_links WHERE token_hash = ?"),
      wave: sqlite.prepare(
        `SELECT id, project_id AS projectId, instrument_id AS instrumentId, instrument_version AS instrumentVersion,
           title, info_nb AS infoNb, info_en AS infoEn, contact, open_date AS openDate, close_date AS closeDate,
           min_answers AS minAnswers, targeted_reminders AS targetedReminders, closed_at AS closedAt,
           finalised_at AS finalisedAt, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt
         FROM survey_waves WHERE id = ?`,
      ),
      spent: sqlite.prepare("SELECT 1 FROM survey_spent WHERE key = ?"),
      round: sqlite.prepare("SELECT coalesce(max(round), 0) AS round FROM survey_reminders WHERE wave_id = ?"),
    };
    statements.set(sqlite, s);
  }
  return s;
}

export type LinkCheck = { ok: true; wave: SurveyWave; spentKey: number } | { ok: false };

type SurveyContext = Pick<AppLoadContext, "sqlite" | "secrets" | "config">;

/**
 * Whether the token opens the questionnaire now: it is in the ledger, its wave is open, and it
 * has not been answered. Every "no" looks the same to the caller.
 */
export function checkLink(context: SurveyContext, token: string, today = osloDate()): LinkCheck {
  if (!isLinkTokenShape(token)) return { ok: false };
  const s = prepared(context.sqlite);
  const tokenHash = linkTokenHash(token);
  const link = s.link.get(tokenHash) as { waveId: number; used: number } | undefined;
  if (!link) return { ok: false };
  const raw = s.wave.get(link.waveId) as (Omit<SurveyWave, "targetedReminders"> & { targetedReminders: number }) | undefined;
  if (!raw) return { ok: false };
  const wave: SurveyWave = { ...raw, targetedReminders: raw.targetedReminders === 1 };
  const status = waveStatus(wave, today);
  if (status !== "open") {
    if (status === "closed" && wave.finalisedAt === null) finaliseLater(context, wave.id);
    return { ok: false };
  }
  if (link.used) return { ok: false };
  const spentKey = spentKeyOf(spentKeyFor(context.secrets.pseudonymKey), tokenHash);
  if (s.spent.get(spentKey)) return { ok: false };
  return { ok: true, wave, spentKey };
}

/** A closed wave that is not finalised yet gets finalised in the background. */
export function finaliseLater(context: SurveyContext, waveId: number) {
  surveyStore(context)
    .finalise(waveId)
    .catch((error: unknown) => console.error(`survey: finalising wave ${waveId} failed: ${error instanceof Error ? error.message : String(error)}`));
}

export type SubmitOutcome =
  | { kind: "done" }
  | { kind: "unavailable" }
  | { kind: "invalid"; wave: SurveyWave; instrument: CompiledInstrument; result: InstrumentFormFailure }
  | { kind: "not-saved"; wave: SurveyWave; instrument: CompiledInstrument; reason: WriteRefusalReason };

/**
 * Validates the form against the wave's instrument version; stores a valid answer through the
 * writer (spent row + answer in one transaction). A link answered meanwhile, or a wave closed
 * meanwhile, comes back as "unavailable".
 */
export async function submitAnswers(
  context: SurveyContext & Pick<AppLoadContext, "codebook">,
  token: string,
  form: FormData | URLSearchParams,
  locale: Locale,
): Promise<SubmitOutcome> {
  const now = new Date();
  const today = osloDate(now);
  const check = checkLink(context, token, today);
  if (!check.ok) return { kind: "unavailable" };
  const { wave } = check;
  const instrument = context.codebook.get(wave.instrumentId, wave.instrumentVersion);
  if (!instrument) return { kind: "unavailable" };
  const result = parseInstrumentForm(instrument, form, locale);
  if (result.status !== "success") return { kind: "invalid", wave, instrument, result };
  const { round } = prepared(context.sqlite).round.get(wave.id) as { round: number };
  let outcome;
  try {
    outcome = await surveyStore(context).submit({
      waveId: wave.id,
      spentKey: check.spentKey,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      month: osloMonth(now),
      today,
      round,
      answers: JSON.stringify(result.answers),
    });
  } catch (error) {
    // The database refused the write (locked past the bound, full, read-only): the employer
    // gets the form back with the answers in it (nothing of them is logged).
    const reason = writeRefusal(error);
    if (!reason) throw error;
    console.error(`write refused (${reason}): survey answer not saved`);
    return { kind: "not-saved", wave, instrument, reason };
  }
  return outcome === "ok" ? { kind: "done" } : { kind: "unavailable" };
}

/** The wave and instrument of a usable link, for rendering the questionnaire. */
export function openQuestionnaire(context: SurveyContext & Pick<AppLoadContext, "codebook">, token: string) {
  const check = checkLink(context, token);
  if (!check.ok) return null;
  const instrument = context.codebook.get(check.wave.instrumentId, check.wave.instrumentVersion);
  return instrument ? { wave: check.wave, instrument } : null;
}

// Coding exchange transcripts (a turn, or a passage of one) and the employer survey's open answers
// (an answer, or a passage of one), next to the log notes of pages.server.ts.
// - Transcripts: only released ones, in their pseudonymised text (frozen, so offsets stay valid).
//   Researchers code every released transcript of the project; a job specialist codes those a
//   researcher has opened to co-researchers, of exchanges the job specialist attended, with the
//   codes open to co-researchers.
// - Open answers: researchers only, only in waves that have reached their threshold (as the
//   results page), never with anything that tells who answered: the answer's random id is all.
// Each action authorises, resolves the unit from the form, calls the codebook module, redirects.
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { and, asc, desc, eq } from "drizzle-orm";
import { exchangeAttendance, exchangeTranscripts, exchanges, surveyAnswers, surveyWaves, type CodingSource } from "../../db/schema";
import { forbidden, notFound, requireRole } from "~/auth/permissions.server";
import type { TFunction } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { pick } from "~/i18n/locale";
import { setCoResearchers, turnsOf } from "~/exchanges/transcripts.server";
import { codePointLength, sliceCodePoints } from "~/exchanges/transcript-text";
import { answerCount } from "~/survey/waves.server";
import { addMemo, addPassage, ownPassage, passagesOf, removePassage, setWholeCodes, usableCodes, wholeCodes, type Unit } from "./codebook.server";
import type { CodingUser } from "./project.server";

const MAX_MEMO = 2000;

/** A unit as the page shows it: its text as one field, the codes applied to the whole, the passages. */
export interface UnitView {
  readonly key: string;
  readonly hidden: Record<string, string>;
  readonly label: string;
  readonly text: string;
  readonly applied: number[];
  readonly passages: { id: number; field: string; start: number; end: number; code: string; text: string; memos: { id: number; text: string; author: string; at: number }[] }[];
}

function unitViews(context: AppLoadContext, coderId: number, source: CodingSource, recordIds: number[], units: { recordId: number; field: string; key: string; hidden: Record<string, string>; label: string; text: string }[]): UnitView[] {
  const whole = wholeCodes(context.db, coderId, source, recordIds, 0);
  const passages = passagesOf(context.db, coderId, source, recordIds);
  return units.map((u) => ({
    key: u.key,
    hidden: u.hidden,
    label: u.label,
    text: u.text,
    applied: [...(whole.get(`${u.recordId}:${u.field}`) ?? [])],
    passages: (passages.get(u.recordId) ?? []).filter((p) => p.field === u.field).map((p) => ({ ...p, field: "text", memos: [...p.memos], text: sliceCodePoints(u.text, p.start, p.end) })),
  }));
}

// -------------------------------------------------------------------------------------------
// What there is to code (the /coding home page)

/** Released transcripts the user may code: all of the project's for researchers; for a job specialist those opened to co-researchers of exchanges they attended. */
export function codableTranscripts(context: AppLoadContext, user: CodingUser, projectId: number) {
  const rows = context.db
    .select({ id: exchangeTranscripts.id, title: exchangeTranscripts.title, coResearchers: exchangeTranscripts.coResearchers, exchangeId: exchanges.id, date: exchanges.date, theme: exchanges.theme })
    .from(exchangeTranscripts)
    .innerJoin(exchanges, eq(exchanges.id, exchangeTranscripts.exchangeId))
    .where(and(eq(exchanges.projectId, projectId), eq(exchangeTranscripts.status, "released")))
    .orderBy(desc(exchanges.date), asc(exchangeTranscripts.id))
    .all();
  if (user.role === "researcher") return rows;
  const attended = new Set(
    context.db
      .select({ exchangeId: exchangeAttendance.exchangeId })
      .from(exchangeAttendance)
      .where(eq(exchangeAttendance.userId, user.id))
      .all()
      .map((a) => a.exchangeId),
  );
  return rows.filter((r) => r.coResearchers && attended.has(r.exchangeId));
}

/** Waves of the project whose instrument has open questions and that have reached their threshold (researchers only). */
export function codableWaves(context: AppLoadContext, projectId: number) {
  return context.db
    .select({ id: surveyWaves.id, title: surveyWaves.title, instrumentId: surveyWaves.instrumentId, instrumentVersion: surveyWaves.instrumentVersion, minAnswers: surveyWaves.minAnswers })
    .from(surveyWaves)
    .where(eq(surveyWaves.projectId, projectId))
    .orderBy(desc(surveyWaves.id))
    .all()
    .filter((w) => openItems(context, w).length > 0 && answerCount(context.db, w.id) >= w.minAnswers)
    .map((w) => ({ id: w.id, title: w.title }));
}

function openItems(context: AppLoadContext, wave: { instrumentId: string; instrumentVersion: number }) {
  const instrument = context.codebook.get(wave.instrumentId, wave.instrumentVersion);
  return (instrument?.sections ?? []).flatMap((s) => s.items).filter((i) => i.type === "long_text" || i.type === "short_text");
}

// -------------------------------------------------------------------------------------------
// /coding/transcripts/<id>

async function transcriptFor(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  if (!/^\d+$/.test(id ?? "")) throw notFound();
  const transcript = context.db
    .select({ id: exchangeTranscripts.id, title: exchangeTranscripts.title, text: exchangeTranscripts.pseudonymisedText, status: exchangeTranscripts.status, coResearchers: exchangeTranscripts.coResearchers, exchangeId: exchanges.id, projectId: exchanges.projectId, date: exchanges.date, theme: exchanges.theme })
    .from(exchangeTranscripts)
    .innerJoin(exchanges, eq(exchanges.id, exchangeTranscripts.exchangeId))
    .where(eq(exchangeTranscripts.id, Number(id)))
    .get();
  // Private transcripts do not exist for anyone but their uploader, who reads them elsewhere.
  if (!transcript || transcript.status !== "released") throw notFound();
  if (user.role !== "researcher" && !codableTranscripts(context, user, transcript.projectId).some((t) => t.id === transcript.id)) throw forbidden();
  return { user, transcript };
}

export async function loadTranscriptCoding(request: Request, context: AppLoadContext, id: string | undefined) {
  const { user, transcript } = await transcriptFor(request, context, id);
  const { t } = await getTranslator(request, context);
  const researcher = user.role === "researcher";
  const turns = turnsOf(context.db, transcript.id)
    .map((turn) => ({ turn, text: sliceCodePoints(transcript.text, turn.start, turn.end) }))
    .filter((x) => x.text.trim() !== "");
  const units = unitViews(
    context,
    user.id,
    "turn",
    [transcript.id],
    turns.map(({ turn, text }, i) => ({
      recordId: transcript.id,
      field: String(turn.position),
      key: `turn-${turn.position}`,
      hidden: { turn: String(turn.position) },
      label: turn.speaker ? t("coding.turns.turnBy", { number: i + 1, name: turn.speaker }) : t("coding.turns.turn", { number: i + 1 }),
      text,
    })),
  );
  const url = new URL(request.url);
  return {
    researcher,
    transcript: { id: transcript.id, title: transcript.title, date: transcript.date, theme: transcript.theme, coResearchers: transcript.coResearchers },
    codes: usableCodes(context.db, transcript.projectId, researcher).map((c) => ({ id: c.id, name: c.name, colour: c.colour })),
    units,
    saved: url.searchParams.get("saved"),
  };
}

export async function transcriptCodingAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const { user, transcript } = await transcriptFor(request, context, id);
  const { t } = await getTranslator(request, context);
  const form = await request.formData();
  if (form.get("intent") === "share") {
    if (user.role !== "researcher") throw forbidden();
    setCoResearchers(context.db, transcript.id, form.get("open") === "on", user.id);
    return redirect(`/coding/transcripts/${transcript.id}?saved=share`);
  }
  const position = String(form.get("turn") ?? "");
  const turn = /^\d+$/.test(position) ? turnsOf(context.db, transcript.id).find((x) => x.position === Number(position)) : undefined;
  if (!turn) throw notFound();
  const unit: Unit = { source: "turn", recordId: transcript.id, field: String(turn.position) };
  return unitAction(context, t, form, {
    user,
    projectId: transcript.projectId,
    unit,
    text: sliceCodePoints(transcript.text, turn.start, turn.end),
    key: `turn-${turn.position}`,
    back: (saved, key) => `/coding/transcripts/${transcript.id}?saved=${saved}#${key}`,
  });
}

// -------------------------------------------------------------------------------------------
// /coding/answers/<wave>

async function waveFor(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireRole(request, context, "researcher");
  if (!/^\d+$/.test(id ?? "")) throw notFound();
  const wave = context.db.select().from(surveyWaves).where(eq(surveyWaves.id, Number(id))).get();
  if (!wave) throw notFound();
  const items = openItems(context, wave);
  // Below the threshold nothing of the wave is shown, here as on the results page.
  if (items.length === 0 || answerCount(context.db, wave.id) < wave.minAnswers) throw notFound();
  return { user, wave, items };
}

export async function loadAnswerCoding(request: Request, context: AppLoadContext, id: string | undefined) {
  const { user, wave, items } = await waveFor(request, context, id);
  const { t, locale } = await getTranslator(request, context);
  // Ordered by the answers' random ids: an order that says nothing about when anyone answered.
  const answers = context.db.select({ id: surveyAnswers.id, answers: surveyAnswers.answers }).from(surveyAnswers).where(eq(surveyAnswers.waveId, wave.id)).orderBy(asc(surveyAnswers.id)).all();
  const url = new URL(request.url);
  return {
    wave: { id: wave.id, title: wave.title },
    codes: usableCodes(context.db, wave.projectId, true).map((c) => ({ id: c.id, name: c.name, colour: c.colour })),
    items: items.map((item) => {
      const written = answers.filter((a) => typeof a.answers[item.name] === "string" && (a.answers[item.name] as string).trim() !== "");
      return {
        name: item.name,
        label: pick(item.label, locale),
        units: unitViews(
          context,
          user.id,
          "answer",
          written.map((a) => a.id),
          written.map((a, i) => ({
            recordId: a.id,
            field: item.name,
            key: `${item.name}-${i + 1}`,
            hidden: { answerId: String(a.id), item: item.name },
            label: t("coding.answers.answer", { number: i + 1 }),
            text: a.answers[item.name] as string,
          })),
        ),
      };
    }),
    saved: url.searchParams.get("saved"),
  };
}

export async function answerCodingAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const { user, wave, items } = await waveFor(request, context, id);
  const { t } = await getTranslator(request, context);
  const form = await request.formData();
  const item = items.find((i) => i.name === form.get("item"));
  const answerId = Number(form.get("answerId"));
  if (!item) throw notFound();
  // The answers written to the item, in the page's order: the page's anchor is the answer's place, not its id.
  const written = context.db
    .select({ id: surveyAnswers.id, answers: surveyAnswers.answers })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.waveId, wave.id))
    .orderBy(asc(surveyAnswers.id))
    .all()
    .filter((a) => typeof a.answers[item.name] === "string" && (a.answers[item.name] as string).trim() !== "");
  const place = written.findIndex((a) => a.id === answerId) + 1;
  if (place === 0) throw notFound();
  const text = written[place - 1].answers[item.name] as string;
  return unitAction(context, t, form, {
    user,
    projectId: wave.projectId,
    unit: { source: "answer", recordId: answerId, field: item.name },
    text,
    key: `${item.name}-${place}`,
    back: (saved, key) => `/coding/answers/${wave.id}?saved=${saved}#${key}`,
  });
}

// -------------------------------------------------------------------------------------------
// The actions every unit has: code the whole, code a passage, remove a passage, a memo on a passage.

interface UnitTarget {
  readonly user: CodingUser;
  readonly projectId: number;
  readonly unit: Unit;
  readonly text: string;
  /** The unit's anchor on the page. */
  readonly key: string;
  readonly back: (saved: string, key: string) => string;
}

export async function unitAction(context: AppLoadContext, t: TFunction, form: FormData, target: UnitTarget) {
  const { user, projectId, unit, key } = target;
  const allowed = usableCodes(context.db, projectId, user.role === "researcher").map((c) => c.id);
  switch (form.get("intent")) {
    case "code":
      setWholeCodes(context.db, projectId, user.id, unit, 0, allowed, form.getAll("code").map(Number).filter((n) => Number.isInteger(n) && n > 0));
      return redirect(target.back(key, key));
    case "uncode":
      removePassage(context.db, user.id, unit.source, unit.recordId, Number(form.get("codingId")));
      return redirect(target.back(key, key));
    case "passage": {
      const start = Number(form.get("start"));
      const end = Number(form.get("end"));
      const codeId = Number(form.get("code"));
      const length = codePointLength(target.text);
      const error =
        !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end ? t("coding.v.passageUnit") : !allowed.includes(codeId) ? t("coding.v.passageCode") : null;
      if (error) return data({ passageError: { key, message: error } }, { status: 400 });
      addPassage(context.db, projectId, user.id, unit, start, end, codeId);
      return redirect(target.back(key, key));
    }
    case "memo":
      return memoAction(context, t, form, target);
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

/** A memo on one of the coder's own passages of this unit; the typed text comes back with an error. */
export function memoAction(context: AppLoadContext, t: TFunction, form: FormData, target: UnitTarget) {
  const codingId = Number(form.get("codingId"));
  const passage = Number.isSafeInteger(codingId) ? ownPassage(context.db, target.user.id, codingId) : null;
  if (!passage || passage.source !== target.unit.source || passage.noteId !== target.unit.recordId || (target.unit.source !== "note" && passage.field !== target.unit.field)) throw notFound();
  const typed = String(form.get("memo") ?? "").slice(0, MAX_MEMO + 1);
  const text = typed.trim();
  if (!text || text.length > MAX_MEMO) return data({ memoError: { codingId, typed, message: text ? t("coding.v.tooLong", { max: MAX_MEMO }) : t("coding.v.memo") } }, { status: 400 });
  addMemo(context.db, target.user.id, target.projectId, { codeId: null, codingId }, text);
  return redirect(target.back(`memo-${codingId}`, target.key));
}

// The job specialist's month page (/log): what it shows and what its forms do. The route file
// only wires these to Remix.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { forbidden, requireUser } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import type { TFunction } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";
import { withCookie } from "~/auth/reauth.server";
import { getLogAuthor, reauthenticateWriter, requireLogWriter, type LogAuthor } from "./author.server";
import { deleteDraft, draftValuesFrom, isDraftKey, listNewNoteDrafts, newDraftKey, saveDraft } from "./drafts.server";
import { submitMonthSchema } from "./forms.server";
import { logInstrument } from "./instrument.server";
import { addMonths, currentMonth, isMonth, todayInNorway } from "./months";
import { noteFindings, submitNoteForm } from "./note-form.server";
import { getOwnNote, listMonthNotes, noteKeyTaken } from "./notes.server";
import { getMonthState, submitMonth } from "./submission.server";

const NOTICES = ["draft-saved", "submitted", "deleted", "discarded"] as const;
export type LogNotice = (typeof NOTICES)[number];

export function logUrl(month: string, extra: Record<string, string | number> = {}) {
  const p = new URLSearchParams({ month, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) });
  return `/log?${p}`;
}

function draftSummary(values: Record<string, string>, fields: readonly string[]): string {
  const text = fields.map((f) => values[f]?.trim()).find((v) => v) ?? "";
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export async function loadLogPage(request: Request, context: AppLoadContext) {
  const user = await requireUser(request, context);
  if (user.role !== "job_specialist") throw forbidden();
  const { db } = context;
  const url = new URL(request.url);
  const today = todayInNorway();
  const thisMonth = currentMonth();
  const askedMonth = url.searchParams.get("month");
  const month = isMonth(askedMonth) && askedMonth <= thisMonth ? askedMonth : thisMonth;
  const { form: instrument, shape } = logInstrument(context);
  const author = getLogAuthor(db, user);
  const base = { month, thisMonth, userId: user.id, instrument, prevMonth: addMonths(month, -1), nextMonth: month < thisMonth ? addMonths(month, 1) : null };
  if (!author) return { ...base, placed: false as const };

  const state = getMonthState(db, author.userId, month);
  const notes = listMonthNotes(db, author.userId, month);
  const drafts = listNewNoteDrafts(db, author.userId);
  // The form shows the asked draft, else the newest one, else a fresh key. An asked key that
  // is not on the server (typed after the session ended) is kept: the browser copy fills it.
  const askedDraft = url.searchParams.get("draft");
  const asked = isDraftKey(askedDraft) ? askedDraft : null;
  let current = asked ? drafts.find((d) => d.draftKey === asked) : drafts[0];
  let draftKey = current?.draftKey ?? newDraftKey();
  if (asked && !current) {
    if (!noteKeyTaken(db, author.userId, asked)) draftKey = asked;
    else current = drafts[0];
    if (current) draftKey = current.draftKey;
  }
  const savedId = Number(url.searchParams.get("saved"));
  const saved = Number.isInteger(savedId) && savedId > 0 ? getOwnNote(db, author.userId, savedId) : undefined;
  const notice = NOTICES.find((n) => n === url.searchParams.get("notice")) ?? null;
  return {
    ...base,
    placed: true as const,
    status: state.status,
    submittedAt: state.submittedAt ?? null,
    inPeriod: (!author.logStart || month >= author.logStart) && (!author.logEnd || month <= author.logEnd),
    notes,
    form: {
      draftKey,
      values: current?.values ?? null,
      savedAt: current ? current.updatedAt : null,
      defaultAnswers: current ? null : { [shape.date]: month === thisMonth ? today : null },
    },
    otherDrafts: drafts
      .filter((d) => d.draftKey !== draftKey)
      .map((d) => ({ draftKey: d.draftKey, summary: draftSummary(d.values, shape.texts.map((x) => x.field)), savedAt: d.updatedAt })),
    saved: saved ? { id: saved.id, month: saved.month, findings: noteFindings(context, author.projectId, saved.answers) } : null,
    notice,
  };
}

type Ctx = { context: AppLoadContext; author: LogAuthor; formData: FormData; locale: Locale; t: TFunction };

/** Saving a note (or the draft, when it is not valid yet). */
function saveNote({ context, author, formData, locale, t }: Ctx, cookie: string | null = null) {
  const outcome = submitNoteForm(context, author, formData, { locale, t });
  if (outcome.kind === "saved") return withCookie(redirect(logUrl(outcome.month, { saved: outcome.noteId })), cookie);
  if (outcome.kind === "not-found") throw new Response("Not Found", { status: 404 });
  if (cookie) return withCookie(redirect(`/log?draft=${outcome.draftKey}`), cookie);
  return data({ intent: "save-note" as const, lastResult: outcome.lastResult, draftKey: outcome.draftKey, monthResult: null }, { status: 400 });
}

function saveDraftOnly({ context, author, formData }: Ctx, cookie: string | null = null) {
  const { shape } = logInstrument(context);
  const posted = formData.get("draftKey");
  const key = isDraftKey(posted) ? posted : newDraftKey();
  const outcome = saveDraft(context.db, author.userId, key, draftValuesFrom(shape, formData), null);
  const month = String(formData.get("month") ?? "");
  const target = isMonth(month) ? month : currentMonth();
  if (outcome === "already-saved") return withCookie(redirect(logUrl(target)), cookie);
  return withCookie(redirect(logUrl(target, { draft: key, notice: "draft-saved" })), cookie);
}

export async function logPageAction(request: Request, context: AppLoadContext) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const { locale, t } = await getTranslator(request, context);
  if (intent === "reauth") {
    const { author, cookie } = await reauthenticateWriter(context, formData, t);
    const ctx = { context, author, formData, locale, t };
    const resume = formData.get("resumeIntent");
    if (resume === "save-note") return saveNote(ctx, cookie);
    if (resume === "save-draft") return saveDraftOnly(ctx, cookie);
    return withCookie(redirect("/log"), cookie);
  }
  const { author } = await requireLogWriter(request, context, formData);
  const ctx = { context, author, formData, locale, t };
  switch (intent) {
    case "save-note":
      return saveNote(ctx);
    case "save-draft":
      return saveDraftOnly(ctx);
    case "discard-draft": {
      const key = formData.get("draftKey");
      if (isDraftKey(key)) deleteDraft(context.db, author.userId, key);
      const month = formData.get("month");
      return redirect(logUrl(isMonth(month) ? month : currentMonth(), { notice: "discarded" }));
    }
    case "submit-month": {
      const submission = parseWithZod(formData, { schema: submitMonthSchema(t) });
      if (submission.status !== "success") {
        return data({ intent: "submit-month" as const, lastResult: null, draftKey: null, monthResult: submission.reply() }, { status: 400 });
      }
      const { month } = submission.value;
      const outcome = submitMonth(context.db, author, month);
      if (outcome === "empty") {
        const reply = submission.reply({ formErrors: [t("logs.submit.empty")] });
        return data({ intent: "submit-month" as const, lastResult: null, draftKey: null, monthResult: reply }, { status: 400 });
      }
      return redirect(logUrl(month, { notice: "submitted" }));
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

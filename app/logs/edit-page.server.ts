// Changing or deleting one note (/log/notes/:id) while its month is open.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { forbidden, notFound, requireUser } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { withCookie } from "~/auth/reauth.server";
import { getLogAuthor, reauthenticateWriter, requireLogWriter, type LogAuthor } from "./author.server";
import { draftForNote, draftValuesFrom, isDraftKey, newDraftKey, saveDraft } from "./drafts.server";
import { deleteNoteSchema } from "./forms.server";
import { logInstrument } from "./instrument.server";
import { submitNoteForm } from "./note-form.server";
import { deleteNote, getOwnNote } from "./notes.server";
import { logUrl } from "./log-page.server";
import { isMonthWritable } from "./submission.server";

function noteIdOf(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loadEditPage(request: Request, context: AppLoadContext, params: { id?: string }) {
  const user = await requireUser(request, context);
  if (user.role !== "job_specialist") throw forbidden();
  const id = noteIdOf(params);
  const author = getLogAuthor(context.db, user);
  const note = author ? getOwnNote(context.db, author.userId, id) : undefined;
  if (!author || !note) throw notFound();
  const draft = draftForNote(context.db, author.userId, id);
  return {
    userId: user.id,
    instrument: logInstrument(context).form,
    note,
    writable: isMonthWritable(context.db, author.userId, note.month),
    draftKey: draft?.draftKey ?? newDraftKey(),
    draftValues: draft?.values ?? null,
    draftSavedAt: draft ? draft.updatedAt : null,
  };
}

function save(context: AppLoadContext, author: LogAuthor, id: number, formData: FormData, intent: unknown, i18n: Awaited<ReturnType<typeof getTranslator>>, cookie: string | null) {
  // Someone else's note does not exist for this person, and no draft is kept against it.
  if (!getOwnNote(context.db, author.userId, id)) throw notFound();
  if (intent === "save-draft") {
    const key = formData.get("draftKey");
    const draftKey = isDraftKey(key) ? key : newDraftKey();
    saveDraft(context.db, author.userId, draftKey, draftValuesFrom(logInstrument(context).shape, formData), id);
    return withCookie(redirect(`/log/notes/${id}?notice=draft-saved`), cookie);
  }
  const outcome = submitNoteForm(context, author, formData, { ...i18n, noteId: id });
  if (outcome.kind === "saved") return withCookie(redirect(logUrl(outcome.month, { saved: outcome.noteId })), cookie);
  if (outcome.kind === "not-found") throw notFound();
  if (cookie) return withCookie(redirect(`/log/notes/${id}`), cookie);
  return data({ intent: "save-note" as const, lastResult: outcome.lastResult, draftKey: outcome.draftKey, deleteResult: null }, { status: 400 });
}

export async function editPageAction(request: Request, context: AppLoadContext, params: { id?: string }) {
  const id = noteIdOf(params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const i18n = await getTranslator(request, context);
  if (intent === "reauth") {
    const { author, cookie } = await reauthenticateWriter(context, formData, i18n.t);
    const resume = formData.get("resumeIntent");
    if (resume === "save-note" || resume === "save-draft") return save(context, author, id, formData, resume, i18n, cookie);
    return withCookie(redirect(`/log/notes/${id}`), cookie);
  }
  const { author } = await requireLogWriter(request, context, formData);
  if (intent === "save-note" || intent === "save-draft") return save(context, author, id, formData, intent, i18n, null);
  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: deleteNoteSchema(i18n.t) });
    if (submission.status !== "success") {
      return data({ intent: "delete" as const, lastResult: null, draftKey: null, deleteResult: submission.reply() }, { status: 400 });
    }
    const note = getOwnNote(context.db, author.userId, id);
    const outcome = deleteNote(context.db, author.userId, id);
    if (outcome === "not-found" || !note) throw notFound();
    if (outcome === "month-submitted") throw new Response("Conflict", { status: 409 });
    return redirect(logUrl(note.month, { notice: "deleted" }));
  }
  throw new Response("Bad Request", { status: 400 });
}

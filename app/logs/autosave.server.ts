// POST /log/autosave: the draft as typed, saved under its draft key (JavaScript only; the page
// works without it). Answers JSON, including the identifier warning for what is typed so far.
import type { AppLoadContext } from "@remix-run/node";
import { getSessionUser } from "~/auth/session.server";
import { getLogAuthor } from "./author.server";
import { draftValuesFrom, isDraftKey, saveDraft } from "./drafts.server";
import { logInstrument } from "./instrument.server";
import { noteFindings } from "./note-form.server";
import { getOwnNote } from "./notes.server";
import { isMonthWritable } from "./submission.server";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function autosave(request: Request, context: AppLoadContext): Promise<Response> {
  const user = await getSessionUser(request, context);
  // No redirect: the page keeps the text in the browser and offers to log in again.
  if (!user) return json({ status: "unauthenticated" }, 401);
  const author = getLogAuthor(context.db, user);
  if (!author) return json({ status: "forbidden" }, 403);
  const formData = await request.formData();
  const draftKey = formData.get("draftKey");
  if (!isDraftKey(draftKey)) return json({ status: "invalid" }, 400);
  const rawNoteId = formData.get("noteId");
  const noteId = typeof rawNoteId === "string" && /^\d{1,12}$/.test(rawNoteId) ? Number(rawNoteId) : null;
  const note = noteId !== null ? getOwnNote(context.db, author.userId, noteId) : null;
  if (noteId !== null && !note) return json({ status: "not-found" }, 404);
  const values = draftValuesFrom(logInstrument(context).shape, formData);
  const outcome = saveDraft(context.db, author.userId, draftKey, values, noteId);
  if (outcome === "already-saved") return json({ status: "already-saved" });
  const savedAt = Math.floor(Date.now() / 1000);
  const findings = noteFindings(context, author.projectId, values, true);
  // A change to a note whose month was submitted meanwhile is kept as a draft, but cannot be saved.
  if (note && !isMonthWritable(context.db, author.userId, note.month)) return json({ status: "locked", savedAt, findings });
  return json({ status: "saved", savedAt, findings });
}

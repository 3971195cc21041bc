// The coding pages. /coding: the codebook (researchers edit it; job specialists see the codes open
// to co-researchers) and the agreement rounds. /coding/codes/<id>: one code, its history and memos,
// edit, retire, merge, split. /coding/notes: whole-note coding (researchers: submitted notes;
// job specialists: their own). /coding/rounds/<id>: a coder codes the round's sample blind;
// /coding/rounds/<id>/agreement: researchers read κ/α per code and overall, and the disagreements.
// Each action authorises, parses, calls the codebook module, and redirects.
import crypto from "node:crypto";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { codes, codingRounds, logMonths, logNotes, roundDecisions, roundUnits, users } from "../../db/schema";
import { writeTransaction } from "../../db/connection.server";
import { forbidden, notFound, requireRole } from "~/auth/permissions.server";
import { audit } from "~/accounts/audit.server";
import type { TFunction } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { sliceCodePoints } from "~/exchanges/transcript-text";
import { logInstrument } from "~/logs/instrument.server";
import { projectOfSpecialist } from "~/survey/waves.server";
import { codingProject } from "./project.server";
import { codableTranscripts, codableWaves, memoAction } from "./units.server";
import { agreement, type AgreementReport } from "./agreement";
import {
  addMemo,
  codeHistory,
  codeMemos,
  codebookTree,
  createCode,
  editCode,
  mergeCode,
  nameTaken,
  noteCodes,
  notePassages,
  passagesOf,
  type Passage,
  removePassage,
  addPassage,
  noteUnit,
  retireCode,
  setNoteCodes,
  splitCode,
  usableCodes,
  type CodeInput,
} from "./codebook.server";

type Errors = Partial<Record<string, string>>;
const MAX_TEXT = 2000;
const str = (form: FormData, name: string, max = MAX_TEXT) => String(form.get(name) ?? "").slice(0, max + 1);


/** A code's fields from a form, with an error per field in the person's language. */
function codeInput(context: AppLoadContext, projectId: number, form: FormData, t: TFunction, except: number | null): { input: CodeInput; typed: Record<string, string>; errors: Errors } {
  const typed: Record<string, string> = {};
  for (const name of ["name", "parentId", "definition", "inclusion", "exclusion", "example", "colour"]) typed[name] = str(form, name);
  typed.coResearchers = form.get("coResearchers") === "on" ? "on" : "";
  const errors: Errors = {};
  const name = typed.name.trim().replace(/\s+/g, " ");
  if (!name) errors.name = t("coding.v.name");
  else if (name.length > 80) errors.name = t("coding.v.nameLong");
  else if (nameTaken(context.db, projectId, name, except)) errors.name = t("coding.v.nameTaken", { name });
  for (const field of ["definition", "inclusion", "exclusion", "example"]) if (typed[field].length > MAX_TEXT) errors[field] = t("coding.v.tooLong", { max: MAX_TEXT });
  const colour = typed.colour || "#1f5c7a";
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) errors.colour = t("coding.v.colour");
  let parentId: number | null = null;
  if (typed.parentId) {
    const parent = context.db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, Number(typed.parentId)), eq(codes.projectId, projectId))).get();
    if (!parent || parent.id === except) errors.parentId = t("coding.v.parent");
    else parentId = parent.id;
  }
  return {
    input: { name, parentId, definition: typed.definition.trim(), inclusion: typed.inclusion.trim(), exclusion: typed.exclusion.trim(), example: typed.example.trim(), colour: colour.toLowerCase(), coResearchers: typed.coResearchers === "on" },
    typed,
    errors,
  };
}

// -------------------------------------------------------------------------------------------
// /coding

export async function loadCodingHome(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const p = codingProject(context, user, request.url);
  const researcher = user.role === "researcher";
  const tree = codebookTree(context.db, p.id).filter((c) => researcher || (c.coResearchers && c.retiredAt === null));
  const rounds = context.db
    .select({ id: codingRounds.id, title: codingRounds.title, coders: codingRounds.coders, sample: codingRounds.sample, createdAt: codingRounds.createdAt })
    .from(codingRounds)
    .where(eq(codingRounds.projectId, p.id))
    .orderBy(desc(codingRounds.id))
    .all()
    .filter((r) => researcher || r.coders.includes(user.id))
    .map((r) => ({ id: r.id, title: r.title, coders: r.coders.length, notes: r.sample.length, mine: r.coders.includes(user.id) }));
  return {
    researcher,
    project: { slug: p.slug, title: p.title, choices: p.choices, query: p.query },
    tree,
    rounds,
    transcripts: codableTranscripts(context, user, p.id).map((x) => ({ id: x.id, title: x.title, date: x.date, coResearchers: x.coResearchers })),
    waves: researcher ? codableWaves(context, p.id) : [],
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function codingHomeAction(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher");
  const { t } = await getTranslator(request, context);
  const p = codingProject(context, user, request.url);
  const form = await request.formData();
  if (form.get("intent") !== "create") throw new Response("Bad Request", { status: 400 });
  const { input, typed, errors } = codeInput(context, p.id, form, t, null);
  if (Object.keys(errors).length) return data({ typed, errors }, { status: 400 });
  const id = createCode(context.db, user.id, p.id, input);
  return redirect(`/coding/codes/${id}?saved=created`);
}

// -------------------------------------------------------------------------------------------
// /coding/codes/<id>

function codeOf(context: AppLoadContext, id: string | undefined) {
  const code = context.db.select().from(codes).where(eq(codes.id, Number(id))).get();
  if (!code || !/^\d+$/.test(id ?? "")) throw notFound();
  return code;
}

export async function loadCodePage(request: Request, context: AppLoadContext, id: string | undefined) {
  await requireRole(request, context, "researcher");
  const code = codeOf(context, id);
  const tree = codebookTree(context.db, code.projectId);
  return {
    code: tree.find((c) => c.id === code.id)!,
    others: tree.filter((c) => c.id !== code.id && c.retiredAt === null).map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
    history: codeHistory(context.db, code.id),
    memos: codeMemos(context.db, code.id),
    mergedInto: code.mergedInto ? (tree.find((c) => c.id === code.mergedInto)?.name ?? null) : null,
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function codePageAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireRole(request, context, "researcher");
  const { t } = await getTranslator(request, context);
  const code = codeOf(context, id);
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (saved: string) => redirect(`/coding/codes/${code.id}?saved=${saved}`);
  switch (intent) {
    case "edit": {
      const { input, typed, errors } = codeInput(context, code.projectId, form, t, code.id);
      if (Object.keys(errors).length) return data({ intent, typed, errors }, { status: 400 });
      editCode(context.db, user.id, code, input);
      return back("edited");
    }
    case "retire":
    case "restore":
      retireCode(context.db, user.id, code, intent === "retire");
      return back(intent === "retire" ? "retired" : "restored");
    case "merge": {
      const into = context.db.select().from(codes).where(and(eq(codes.id, Number(form.get("into"))), eq(codes.projectId, code.projectId))).get();
      if (!into || into.id === code.id || into.retiredAt !== null) return data({ intent, typed: {}, errors: { into: t("coding.v.mergeInto") } as Errors }, { status: 400 });
      mergeCode(context.db, user.id, code, into);
      return redirect(`/coding/codes/${into.id}?saved=merged`);
    }
    case "split": {
      const typed = { names: str(form, "names", 2000) };
      const names = [...new Set(typed.names.split(/\r?\n/).map((n) => n.trim().replace(/\s+/g, " ")).filter(Boolean))];
      const taken = names.find((n) => nameTaken(context.db, code.projectId, n));
      const error = names.length < 2 ? t("coding.v.splitTwo") : names.some((n) => n.length > 80) ? t("coding.v.nameLong") : taken ? t("coding.v.nameTaken", { name: taken }) : null;
      if (error) return data({ intent, typed, errors: { names: error } as Errors }, { status: 400 });
      splitCode(context.db, user.id, code, names);
      return back("split");
    }
    case "memo": {
      const typed = { memo: str(form, "memo") };
      const text = typed.memo.trim();
      if (!text || text.length > MAX_TEXT) return data({ intent, typed, errors: { memo: text ? t("coding.v.tooLong", { max: MAX_TEXT }) : t("coding.v.memo") } as Errors }, { status: 400 });
      addMemo(context.db, user.id, code.projectId, { codeId: code.id, codingId: null }, text);
      return back("memo");
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

// -------------------------------------------------------------------------------------------
// Notes to code: a researcher's submitted notes of a month, or a job specialist's own.

interface NoteView {
  readonly id: number;
  readonly date: string;
  readonly step: number;
  readonly fields: readonly { readonly name: string; readonly label: string; readonly text: string }[];
}

function noteViews(context: AppLoadContext, ids: readonly number[], locale: "nb" | "en"): NoteView[] {
  if (ids.length === 0) return [];
  const { shape } = logInstrument(context);
  const rows = context.db.select({ id: logNotes.id, date: logNotes.date, step: logNotes.step, answers: logNotes.answers }).from(logNotes).where(inArray(logNotes.id, [...ids])).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({
      id: r.id,
      date: r.date,
      step: r.step,
      fields: shape.texts.map((x) => ({ name: x.name, label: x.label[locale], text: typeof r.answers[x.name] === "string" ? (r.answers[x.name] as string) : "" })).filter((f) => f.text),
    }));
}

/** Submitted months of the project, newest first. */
function submittedMonths(context: AppLoadContext, projectId: number): string[] {
  return context.db
    .selectDistinct({ month: logMonths.month })
    .from(logMonths)
    .where(and(eq(logMonths.projectId, projectId), eq(logMonths.status, "submitted")))
    .orderBy(desc(logMonths.month))
    .all()
    .map((m) => m.month);
}

export async function loadNotesPage(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const { locale } = await getTranslator(request, context);
  const p = codingProject(context, user, request.url);
  const researcher = user.role === "researcher";
  const url = new URL(request.url);
  const months = researcher
    ? submittedMonths(context, p.id)
    : context.db.selectDistinct({ month: logNotes.month }).from(logNotes).where(eq(logNotes.authorId, user.id)).orderBy(desc(logNotes.month)).all().map((m) => m.month);
  const month = months.includes(url.searchParams.get("month") ?? "") ? url.searchParams.get("month")! : (months[0] ?? null);
  let ids: number[] = [];
  if (month) {
    const base = context.db.select({ id: logNotes.id, authorId: logNotes.authorId }).from(logNotes);
    const rows = researcher
      ? base
          .innerJoin(logMonths, and(eq(logMonths.authorId, logNotes.authorId), eq(logMonths.month, logNotes.month)))
          .where(and(eq(logNotes.projectId, p.id), eq(logNotes.month, month), eq(logMonths.status, "submitted")))
          .orderBy(asc(logNotes.date), asc(logNotes.id))
          .all()
      : base.where(and(eq(logNotes.authorId, user.id), eq(logNotes.month, month))).orderBy(asc(logNotes.date), asc(logNotes.id)).all();
    ids = rows.map((r) => r.id);
  }
  const usable = usableCodes(context.db, p.id, researcher).map((c) => ({ id: c.id, name: c.name, colour: c.colour }));
  const applied = noteCodes(context.db, user.id, ids, 0);
  const views = noteViews(context, ids, locale);
  const passages = notePassages(context.db, user.id, ids);
  return {
    researcher,
    project: { slug: p.slug, query: p.query },
    months,
    month,
    codes: usable,
    notes: views.map((n) => ({
      ...n,
      applied: [...(applied.get(n.id) ?? [])],
      passages: (passages.get(n.id) ?? []).map((g) => ({ ...g, text: [...(n.fields.find((f) => f.name === g.field)?.text ?? "")].slice(g.start, g.end).join("") })),
    })),
    saved: url.searchParams.get("saved"),
  };
}

/** Whether the coder may code this note outside a round: researchers any submitted note of the project, job specialists their own. */
function mayCode(context: AppLoadContext, user: { id: number; role: string }, noteId: number, projectId: number): boolean {
  const note = context.db.select({ authorId: logNotes.authorId, month: logNotes.month, projectId: logNotes.projectId }).from(logNotes).where(eq(logNotes.id, noteId)).get();
  if (!note || note.projectId !== projectId) return false;
  if (user.role !== "researcher") return note.authorId === user.id;
  return context.db.select({ s: logMonths.status }).from(logMonths).where(and(eq(logMonths.authorId, note.authorId), eq(logMonths.month, note.month))).get()?.s === "submitted";
}

const codeIdsOf = (form: FormData) => form.getAll("code").map(Number).filter((n) => Number.isInteger(n) && n > 0);

export async function notesAction(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const { t } = await getTranslator(request, context);
  const p = codingProject(context, user, request.url);
  const form = await request.formData();
  const noteId = Number(form.get("noteId"));
  const intent = form.get("intent");
  if (!["code", "passage", "uncode", "memo"].includes(String(intent)) || !mayCode(context, user, noteId, p.id)) throw notFound();
  const allowed = usableCodes(context.db, p.id, user.role === "researcher").map((c) => c.id);
  const month = String(form.get("month") ?? "").slice(0, 7);
  const query = (saved: string) => new URLSearchParams({ ...(p.query ? { project: p.slug } : {}), month, saved });
  const back = () => redirect(`/coding/notes?${query(String(noteId))}#note-${noteId}`);
  if (intent === "memo") {
    return memoAction(context, t, form, { user, projectId: p.id, unit: noteUnit(noteId), text: "", key: `note-${noteId}`, back: (saved, key) => `/coding/notes?${query(saved)}#${key}` });
  }
  if (intent === "code") {
    setNoteCodes(context.db, p.id, user.id, noteId, 0, allowed, codeIdsOf(form));
    return back();
  }
  if (intent === "uncode") {
    removePassage(context.db, user.id, "note", noteId, Number(form.get("codingId")));
    return back();
  }
  // A passage: a field of the note, [start, end) in code points of its text, one allowed code.
  const field = String(form.get("field") ?? "");
  const start = Number(form.get("start"));
  const end = Number(form.get("end"));
  const codeId = Number(form.get("code"));
  const text = noteFieldText(context, noteId, field);
  const error = passageError(t, text, start, end) ?? (!allowed.includes(codeId) ? t("coding.v.passageCode") : null);
  if (error) return data({ passageError: { noteId, message: error } }, { status: 400 });
  addPassage(context.db, p.id, user.id, { source: "note", recordId: noteId, field }, start, end, codeId);
  return back();
}

/** What is wrong with a passage [start, end) of a field's text (code points), or null. */
function passageError(t: TFunction, text: string | null, start: number, end: number): string | null {
  const length = text === null ? 0 : [...text].length;
  return text === null || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end ? t("coding.v.passage") : null;
}

/** The text of one free-text field of a note, or null when the note has no such field. */
function noteFieldText(context: AppLoadContext, noteId: number, field: string): string | null {
  const { shape } = logInstrument(context);
  if (!shape.texts.some((x) => x.name === field)) return null;
  const note = context.db.select({ answers: logNotes.answers }).from(logNotes).where(eq(logNotes.id, noteId)).get();
  const value = note?.answers[field];
  return typeof value === "string" && value !== "" ? value : null;
}

// -------------------------------------------------------------------------------------------
// Agreement rounds

/** Who can code in a project: its researchers (all of them) and the job specialists working in it. */
function projectCoders(context: AppLoadContext, projectId: number) {
  return context.db
    .select({ id: users.id, name: users.name, role: users.role, caseProjectId: users.caseProjectId })
    .from(users)
    .where(and(inArray(users.role, ["researcher", "job_specialist"]), eq(users.active, true)))
    .orderBy(asc(users.role), asc(users.name))
    .all()
    .filter((u) => u.role === "researcher" || projectOfSpecialist(context.db, u) === projectId)
    .map((u) => ({ id: u.id, name: u.name, role: u.role }));
}

export async function loadNewRound(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher");
  const p = codingProject(context, user, request.url);
  return { project: { title: p.title, query: p.query }, months: submittedMonths(context, p.id), people: projectCoders(context, p.id), codes: usableCodes(context.db, p.id, true).map((c) => ({ id: c.id, name: c.name })) };
}

export async function newRoundAction(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher");
  const { t } = await getTranslator(request, context);
  const p = codingProject(context, user, request.url);
  const form = await request.formData();
  const typed = { title: str(form, "title", 120), month: str(form, "month", 7), size: str(form, "size", 4), unit: str(form, "unit", 10), coders: form.getAll("coder").map(String), codes: form.getAll("code").map(String) };
  const errors: Errors = {};
  // Whole notes unless a unit is named (the form always names one).
  const unit = roundUnits.find((u) => u === (typed.unit || "record"));
  if (!unit) errors.unit = t("coding.v.unit");
  const title = typed.title.trim();
  if (!title || title.length > 120) errors.title = t("coding.v.title");
  const months = submittedMonths(context, p.id);
  if (!months.includes(typed.month)) errors.month = t("coding.v.month");
  const size = Number(typed.size);
  if (!Number.isInteger(size) || size < 2 || size > 200) errors.size = t("coding.v.size");
  const coderIds = [...new Set(typed.coders.map(Number))];
  const known = new Set(projectCoders(context, p.id).map((c) => c.id));
  if (coderIds.length < 2 || coderIds.some((id) => !known.has(id))) errors.coders = t("coding.v.coders");
  const codeIds = [...new Set(typed.codes.map(Number))];
  const usable = new Set(usableCodes(context.db, p.id, true).map((c) => c.id));
  if (codeIds.length === 0 || codeIds.some((id) => !usable.has(id))) errors.codes = t("coding.v.codes");
  let sample: number[] = [];
  if (!errors.month) {
    const notes = context.db
      .select({ id: logNotes.id })
      .from(logNotes)
      .innerJoin(logMonths, and(eq(logMonths.authorId, logNotes.authorId), eq(logMonths.month, logNotes.month)))
      .where(and(eq(logNotes.projectId, p.id), eq(logNotes.month, typed.month), eq(logMonths.status, "submitted")))
      .orderBy(asc(logNotes.id))
      .all()
      .map((n) => n.id);
    // A random sample (Fisher–Yates with crypto randomness), shown in note order.
    for (let i = notes.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [notes[i], notes[j]] = [notes[j], notes[i]];
    }
    sample = notes.slice(0, Number.isInteger(size) ? size : 0).sort((a, b) => a - b);
    if (!errors.size && sample.length < size) errors.size = t("coding.v.sizeMonth", { count: notes.length });
  }
  if (Object.keys(errors).length) return data({ typed, errors }, { status: 400 });
  const id = writeTransaction(context.db, (tx) => {
    const row = tx.insert(codingRounds).values({ projectId: p.id, title, sample, coders: coderIds, codeIds, unit, createdBy: user.id }).returning({ id: codingRounds.id }).get();
    audit(tx, user.id, "coding.round_created", `project:${p.id}`, { projectId: p.id, notes: sample.length, coders: coderIds.length });
    return row.id;
  });
  return redirect(`/coding/rounds/${id}/agreement`);
}

function roundOf(context: AppLoadContext, id: string | undefined) {
  if (!/^\d+$/.test(id ?? "")) throw notFound();
  const round = context.db.select().from(codingRounds).where(eq(codingRounds.id, Number(id))).get();
  if (!round) throw notFound();
  return round;
}

/** A coder's page of a round: the sample, and only their own codings (blind to the others'). */
export async function loadRound(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const { locale } = await getTranslator(request, context);
  const round = roundOf(context, id);
  if (!round.coders.includes(user.id)) throw user.role === "researcher" ? redirect(`/coding/rounds/${round.id}/agreement`) : forbidden();
  const applied = noteCodes(context.db, user.id, round.sample, round.id);
  const passages = round.unit === "character" ? passagesOf(context.db, user.id, "note", round.sample, round.id) : new Map<number, Passage[]>();
  const done = new Set(
    context.db
      .select({ noteId: roundDecisions.noteId })
      .from(roundDecisions)
      .where(and(eq(roundDecisions.roundId, round.id), eq(roundDecisions.coderId, user.id)))
      .all()
      .map((d) => d.noteId),
  );
  return {
    round: { id: round.id, title: round.title, unit: round.unit },
    researcher: user.role === "researcher",
    codes: usableCodes(context.db, round.projectId, true, round.codeIds).map((c) => ({ id: c.id, name: c.name, colour: c.colour })),
    notes: noteViews(context, round.sample, locale).map((n) => ({
      ...n,
      applied: [...(applied.get(n.id) ?? [])],
      done: done.has(n.id),
      passages: (passages.get(n.id) ?? []).map((g) => ({ ...g, memos: [], text: sliceCodePoints(n.fields.find((f) => f.name === g.field)?.text ?? "", g.start, g.end) })),
    })),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

/**
 * A coder codes a note of the round: the whole note (both units), or, in a character round, a
 * passage of one of its fields or its removal. Each records that the coder has decided on the note.
 */
export async function roundAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const { t } = await getTranslator(request, context);
  const round = roundOf(context, id);
  const form = await request.formData();
  const noteId = Number(form.get("noteId"));
  const intent = form.get("intent");
  const passageIntent = intent === "passage" || intent === "uncode";
  if (!round.coders.includes(user.id) || !round.sample.includes(noteId) || !(intent === "code" || (passageIntent && round.unit === "character"))) throw notFound();
  if (intent === "code") setNoteCodes(context.db, round.projectId, user.id, noteId, round.id, round.codeIds, codeIdsOf(form));
  else if (intent === "uncode") removePassage(context.db, user.id, "note", noteId, Number(form.get("codingId")), round.id);
  else {
    const field = String(form.get("field") ?? "");
    const start = Number(form.get("start"));
    const end = Number(form.get("end"));
    const codeId = Number(form.get("code"));
    const text = noteFieldText(context, noteId, field);
    const error = passageError(t, text, start, end) ?? (!round.codeIds.includes(codeId) ? t("coding.v.passageCode") : null);
    if (error) return data({ passageError: { noteId, message: error } }, { status: 400 });
    addPassage(context.db, round.projectId, user.id, { source: "note", recordId: noteId, field }, start, end, codeId, round.id);
  }
  writeTransaction(context.db, (tx) => tx.insert(roundDecisions).values({ roundId: round.id, coderId: user.id, noteId }).onConflictDoNothing().run());
  return redirect(`/coding/rounds/${round.id}?saved=${noteId}#note-${noteId}`);
}

/**
 * Agreement per code and overall, the unit stated, and where coders differ: the notes (record
 * rounds), or the passages (character rounds: every character of the notes' texts is a unit, a
 * code on the whole note covers all of them).
 */
export async function loadAgreement(request: Request, context: AppLoadContext, id: string | undefined) {
  await requireRole(request, context, "researcher");
  const { locale } = await getTranslator(request, context);
  const round = roundOf(context, id);
  const coders = context.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, round.coders)).all();
  const coderName = new Map(coders.map((c) => [String(c.id), c.name]));
  const roundCodes = usableCodes(context.db, round.projectId, true, round.codeIds);
  const decided = context.db.select({ coderId: roundDecisions.coderId, noteId: roundDecisions.noteId }).from(roundDecisions).where(eq(roundDecisions.roundId, round.id)).all();
  const hasDecided = (coder: number, noteId: number) => decided.some((d) => d.coderId === coder && d.noteId === noteId);
  const applied = new Map(round.coders.map((c) => [c, noteCodes(context.db, c, round.sample, round.id)]));
  const codeName = new Map(roundCodes.map((c) => [String(c.id), c.name]));
  const codeKeys = roundCodes.map((c) => String(c.id));
  const views = new Map(noteViews(context, round.sample, locale).map((n) => [n.id, n]));
  let report: AgreementReport;
  if (round.unit === "character") {
    const passages = new Map(round.coders.map((c) => [c, passagesOf(context.db, c, "note", round.sample, round.id)]));
    const texts = round.sample.flatMap((noteId) =>
      (views.get(noteId)?.fields ?? []).map((f) => {
        const length = [...f.text].length;
        const ranges = Object.fromEntries(
          round.coders
            .filter((c) => hasDecided(c, noteId))
            .map((c) => [
              String(c),
              [
                ...[...(applied.get(c)?.get(noteId) ?? [])].map((code) => ({ code: String(code), start: 0, end: length })),
                ...(passages.get(c)?.get(noteId) ?? []).filter((g) => g.field === f.name && g.end <= length).map((g) => ({ code: String(g.codeId), start: g.start, end: g.end })),
              ],
            ]),
        );
        return { id: `${noteId}:${f.name}`, length, ranges };
      }),
    );
    report = agreement({ unitKind: "character", coders: round.coders.map(String), codes: codeKeys, texts });
  } else {
    const records = round.sample.map((noteId) => ({
      id: `${noteId}:`,
      codes: Object.fromEntries(round.coders.filter((c) => hasDecided(c, noteId)).map((c) => [String(c), [...(applied.get(c)?.get(noteId) ?? [])].map(String)])),
    }));
    report = agreement({ unitKind: "record", coders: round.coders.map(String), codes: codeKeys, records });
  }
  // Where coders differ, per note: in character rounds the passages (a run of characters and a
  // code), with whether each coder coded it there.
  const noteOf = (unit: string) => Number(unit.slice(0, unit.indexOf(":")));
  const differing = [...new Set(report.perCode.flatMap((c) => c.disagreements.map((d) => noteOf(d.unit))))].sort((a, b) => a - b);
  return {
    round: { id: round.id, title: round.title, notes: round.sample.length, unit: round.unit },
    coders: round.coders.map((c) => ({ id: c, name: coderName.get(String(c)) ?? String(c), done: decided.filter((d) => d.coderId === c).length })),
    perCode: report.perCode.map((c) => ({ code: codeName.get(c.code) ?? c.code, units: c.units, percent: c.percentAgreement.value, kappa: c.kappa.value, alpha: c.alpha.value, reason: c.alpha.reason ?? c.kappa.reason })),
    overall: { units: report.overall.units, percent: report.overall.percentAgreement.value, kappa: report.overall.kappa.value, alpha: report.overall.alpha.value },
    units: report.units,
    twoCoders: round.coders.length === 2,
    disagreements: differing.map((noteId) => {
      const note = views.get(noteId)!;
      return {
        note,
        byCoder: round.coders.map((c) => ({
          coder: coderName.get(String(c)) ?? String(c),
          codes: [...(applied.get(c)?.get(noteId) ?? [])].map((id) => codeName.get(String(id)) ?? String(id)),
          decided: hasDecided(c, noteId),
        })),
        passages:
          round.unit === "character"
            ? report.perCode.flatMap((c) =>
                c.disagreements
                  .filter((d) => noteOf(d.unit) === noteId && d.passage)
                  .map((d) => {
                    const field = note.fields.find((f) => `${noteId}:${f.name}` === d.passage!.item);
                    return {
                      key: `${c.code}:${d.unit}`,
                      field: field?.label ?? "",
                      text: sliceCodePoints(field?.text ?? "", d.passage!.start, d.passage!.end),
                      code: codeName.get(c.code) ?? c.code,
                      coded: round.coders.map((coder) => d.values[String(coder)] ?? null),
                    };
                  }),
              )
            : [],
      };
    }),
  };
}

// The pilot pages (issue 14). /pilots/<id>: an invited job specialist or case lead fills in the
// version as a respondent would (the same validation as the real form; the answers kept apart) and
// comments per item; the researchers read the comments side by side with the items, reply, mark
// them resolved and close the round. /pilots/<id>/csv: the round as its own small data set (the
// answers, one row per participant as P1, P2 …; or the comments), for the methods chapter.
// Starting a round is on the draft's page (startPilotAction).
import crypto from "node:crypto";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { forbidden, notFound, requireRole, requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import type { TFunction } from "~/i18n/catalog";
import { pick } from "~/i18n/locale";
import { csvText, UTF8_BOM } from "~/server/csv.server";
import { neutralise } from "~/exports/formats/spreadsheet-safety";
import { toFormInstrument } from "./types";
import { parseInstrumentForm } from "./validate.server";
import { compileDraft } from "./versions.server";
import { addComment, closeRound, comments, createPilot, isInvited, participants, pilotCandidates, pilotRound, saveAnswers, setResolved } from "./pilots.server";

const MAX_COMMENT = 2000;

function roundFor(context: AppLoadContext, id: string | undefined) {
  const found = /^\d+$/.test(id ?? "") ? pilotRound(context.db, Number(id)) : undefined;
  const instrument = found ? compileDraft(found.version) : null;
  if (!found || !instrument) throw notFound();
  return { ...found, instrument };
}

async function who(request: Request, context: AppLoadContext, roundId: number) {
  const user = await requireRole(request, context, "researcher", "job_specialist", "case_lead");
  // Nobody but the researchers and those invited learns that a round exists.
  if (user.role !== "researcher" && !isInvited(context.db, roundId, user.id)) throw notFound();
  return user;
}

/** Participants as P1, P2 … in the order they were invited (names never leave the page). */
const pseudonyms = (people: readonly { userId: number }[]) => new Map(people.map((p, i) => [p.userId, `P${i + 1}`]));

export async function loadPilotPage(request: Request, context: AppLoadContext, id: string | undefined) {
  const { round, version, instrument } = roundFor(context, id);
  const user = await who(request, context, round.id);
  const { locale } = await getTranslator(request, context);
  const researcher = user.role === "researcher";
  const people = participants(context.db, round.id);
  const items = [{ name: "", label: "" }, ...instrument.sections.flatMap((s) => s.items).map((i) => ({ name: i.name, label: pick(i.label, locale) }))];
  const all = comments(context.db, round.id);
  const pageKey = crypto.randomUUID();
  const mine = people.find((p) => p.userId === user.id);
  return {
    researcher,
    round: { id: round.id, title: round.title, closed: round.closedAt !== null },
    version: { instrumentId: version.instrumentId, version: version.version, draft: version.status === "draft" },
    instrument: toFormInstrument(instrument),
    items: items.map((item) => ({
      ...item,
      key: `${pageKey}:${item.name}`,
      comments: all
        .filter((c) => c.item === item.name && c.replyTo === null)
        .map((c) => ({
          id: c.id,
          text: c.text,
          author: c.author,
          at: c.createdAt,
          resolved: c.resolvedAt !== null,
          replyKey: `${pageKey}:reply:${c.id}`,
          replies: all.filter((r) => r.replyTo === c.id).map((r) => ({ id: r.id, text: r.text, author: r.author, at: r.createdAt })),
        })),
    })),
    people: researcher ? people.map((p) => ({ name: p.name, role: p.role, submitted: p.submittedAt !== null })) : [],
    answers: mine?.answers ?? null,
    submitted: mine?.submittedAt ?? null,
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function pilotAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const { round, instrument } = roundFor(context, id);
  const user = await who(request, context, round.id);
  const { t, locale } = await getTranslator(request, context);
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (saved: string, anchor = "") => redirect(`/pilots/${round.id}?saved=${saved}${anchor ? `#${anchor}` : ""}`);
  const researcher = user.role === "researcher";
  if (round.closedAt !== null && intent !== "reopen" && intent !== "resolve") throw new Response("Conflict", { status: 409 });
  switch (intent) {
    case "answers": {
      if (researcher) throw forbidden();
      const result = parseInstrumentForm(toFormInstrument(instrument), form, locale);
      if (result.status !== "success") return data({ lastResult: result, commentError: null }, { status: 400 });
      saveAnswers(context.db, round.id, user.id, result.answers);
      return back("answers", "answers");
    }
    case "comment": {
      const item = String(form.get("item") ?? "");
      const replyTo = form.get("replyTo") ? Number(form.get("replyTo")) : null;
      const known = item === "" || instrument.sections.some((s) => s.items.some((i) => i.name === item));
      const parent = replyTo === null ? null : comments(context.db, round.id).find((c) => c.id === replyTo && c.replyTo === null && c.item === item);
      if (!known || (replyTo !== null && !parent)) throw notFound();
      const typed = String(form.get("text") ?? "").slice(0, MAX_COMMENT + 1);
      const text = typed.trim();
      const clientKey = String(form.get("key") ?? "").slice(0, 100);
      const message = !text ? t("pilots.v.text") : text.length > MAX_COMMENT ? t("pilots.v.tooLong", { max: MAX_COMMENT }) : !clientKey ? t("pilots.v.text") : null;
      if (message) return data({ lastResult: null, commentError: { item, replyTo, typed, message } }, { status: 400 });
      addComment(context.db, round, user.id, { item, text, replyTo, clientKey });
      return back("comment", `item-${item || "all"}`);
    }
    case "resolve":
    case "reopen": {
      if (!researcher) throw forbidden();
      const commentId = Number(form.get("commentId"));
      const item = comments(context.db, round.id).find((c) => c.id === commentId)?.item;
      if (item === undefined || !setResolved(context.db, round.id, commentId, user.id, intent === "resolve")) throw notFound();
      return back(intent, `item-${item || "all"}`);
    }
    case "close":
      if (!researcher) throw forbidden();
      closeRound(context.db, round.id, user.id);
      return back("closed");
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

/** The round as its own data set: ?file=answers (default) or ?file=comments. */
export async function pilotCsv(request: Request, context: AppLoadContext, id: string | undefined) {
  await requireResearcher(request, context);
  const { round, version, instrument } = roundFor(context, id);
  const people = participants(context.db, round.id);
  const alias = pseudonyms(people);
  const file = new URL(request.url).searchParams.get("file") === "comments" ? "comments" : "answers";
  const cell = (v: unknown) => (typeof v === "string" ? neutralise(v) : v);
  let rows: unknown[][];
  if (file === "answers") {
    const names = instrument.variables.map((v) => v.name);
    rows = [
      ["deltaker", "rolle", "instrument", "versjon", ...names],
      ...people.filter((p) => p.answers).map((p) => [alias.get(p.userId), p.role, version.instrumentId, version.version, ...names.map((n) => cell(p.answers![n] ?? null))]),
    ];
  } else {
    const all = comments(context.db, round.id);
    rows = [
      ["kommentar", "svar_paa", "sporsmaal", "forfatter", "tekst", "lost"],
      ...all.map((c) => [c.id, c.replyTo ?? "", c.item, c.role === "researcher" ? "forsker" : (alias.get(c.authorId) ?? ""), cell(c.text), c.resolvedAt !== null ? 1 : 0]),
    ];
  }
  return new Response(UTF8_BOM + csvText(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pilot-${round.id}-${version.instrumentId}-v${version.version}-${file === "answers" ? "svar" : "kommentarer"}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** On the draft's page: a pilot round of the draft, with the people chosen. */
export async function startPilotAction(context: AppLoadContext, t: TFunction, actorId: number, versionId: number, form: FormData) {
  const typed = { title: String(form.get("title") ?? "").slice(0, 121), people: form.getAll("person").map(String) };
  const candidates = new Set(pilotCandidates(context.db).map((c) => c.id));
  const ids = [...new Set(typed.people.map(Number))];
  const errors: Record<string, string> = {};
  if (!typed.title.trim() || typed.title.trim().length > 120) errors.title = t("pilots.v.title");
  if (ids.length === 0 || ids.some((i) => !candidates.has(i))) errors.people = t("pilots.v.people");
  if (Object.keys(errors).length) return data({ pilot: { typed, errors } }, { status: 400 });
  const id = createPilot(context.db, actorId, versionId, typed.title.trim(), ids);
  return redirect(`/pilots/${id}`);
}

// One transcript (/exchanges/:id/transcripts/:transcriptId). While private (only its uploader
// sees it): replace names by role pseudonyms, then release. Once released (all researchers):
// the rough coding by the report's chapter headings, per turn or per quoted passage.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { exchangeForResearcher, parseId } from "./access.server";
import { CHAPTER_CODES } from "./chapter-codes";
import { passageCodeSchema } from "./forms.server";
import { knownPeople, remainingNames, suggestReplacements } from "./pseudonyms.server";
import { findPassage, sliceCodePoints } from "./transcript-text";
import {
  addSpanCode,
  codesOf,
  deleteCode,
  deleteTranscript,
  getTranscript,
  MAX_REPLACEMENTS,
  releaseTranscript,
  setNvivoExport,
  setReplacements,
  setTurnCodes,
  turnsOf,
} from "./transcripts.server";
import { exchangeHead } from "./exchanges.server";

/** Empty rows offered for new replacements. */
const BLANK_ROWS = 3;

function load(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"], userId: number) {
  const exchange = exchangeForResearcher(context.db, params.id);
  const id = parseId(params.transcriptId);
  const transcript = id === null ? undefined : getTranscript(context.db, exchange.id, id, userId);
  if (!transcript) throw notFound();
  return { exchange, transcript };
}

export async function loadTranscriptPage({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { db } = context;
  const { exchange, transcript } = load(context, params, user.id);
  const text = transcript.pseudonymisedText;
  const codes = codesOf(db, transcript.id);
  const turns = turnsOf(db, transcript.id).map((turn) => ({
    position: turn.position,
    speaker: turn.speaker,
    text: sliceCodePoints(text, turn.start, turn.end),
    codes: codes.filter((c) => c.start === turn.start && c.end === turn.end).map((c) => c.code),
  }));
  const turnSpans = new Set(turnsOf(db, transcript.id).map((t) => `${t.start}:${t.end}`));
  const passages = codes.filter((c) => !turnSpans.has(`${c.start}:${c.end}`)).map((c) => ({ id: c.id, code: c.code, text: sliceCodePoints(text, c.start, c.end) }));
  const isPrivate = transcript.status === "private";
  const people = isPrivate ? knownPeople(db, exchange.projectId) : [];
  const have = new Set(transcript.replacements.map((r) => r.from));
  const suggestions = isPrivate ? suggestReplacements(transcript.originalText, people).filter((r) => !have.has(r.from)) : [];
  return {
    exchange: exchangeHead(exchange),
    transcript: {
      id: transcript.id,
      title: transcript.title,
      source: transcript.source,
      fileName: transcript.fileName,
      status: transcript.status,
      nvivoExport: transcript.nvivoExport,
      // The original (and the names replaced) only ever go to the person who brought it in,
      // while it is private; afterwards to nobody.
      original: isPrivate ? transcript.originalText : null,
    },
    rows: isPrivate ? [...transcript.replacements, ...suggestions, ...Array.from({ length: BLANK_ROWS }, () => ({ from: "", to: "" }))] : [],
    remaining: isPrivate ? remainingNames(text, people) : [],
    turns,
    passages,
    codeCounts: CHAPTER_CODES.map((c) => ({ code: c.code, count: codes.filter((x) => x.code === c.code).length })),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function transcriptPageAction({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { db } = context;
  const { exchange, transcript } = load(context, params, user.id);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/exchanges/${exchange.id}/transcripts/${transcript.id}`;
  const back = (saved: string, hash = "") => redirect(`${here}?saved=${saved}${hash}`);
  const frozen = () => data({ intent, error: t("exchanges.transcript.frozen"), rows: null, rowErrors: null, result: null }, { status: 409 });

  switch (intent) {
    case "replacements": {
      const from = formData.getAll("from").map(String).slice(0, MAX_REPLACEMENTS);
      const to = formData.getAll("to").map(String).slice(0, MAX_REPLACEMENTS);
      const rows = from.map((f, i) => ({ from: f.trim(), to: (to[i] ?? "").trim() }));
      const rowErrors = rows.map((r) => (r.from && !r.to ? t("exchanges.v.replacementTo") : r.from.length > 200 || r.to.length > 200 ? t("v.tooLong", { max: 200 }) : null));
      if (rowErrors.some(Boolean)) return data({ intent, error: null, rows, rowErrors, result: null }, { status: 400 });
      if (setReplacements(db, transcript, rows) === "frozen") return frozen();
      return back("replacements", "#pseudonymise");
    }
    case "release": {
      if (transcript.status !== "private") return back("released");
      if (formData.get("confirm") !== "on") return data({ intent, error: t("exchanges.v.releaseConfirm"), rows: null, rowErrors: null, result: null }, { status: 400 });
      releaseTranscript(db, transcript, user.id);
      return back("released");
    }
    case "delete":
      if (deleteTranscript(db, transcript, user.id) === "frozen") return frozen();
      return redirect(`/exchanges/${exchange.id}/transcripts?saved=deleted`);
    case "nvivo":
      setNvivoExport(db, transcript.id, formData.get("nvivoExport") === "on");
      return back("nvivo");
    case "code-turns": {
      const chosen = new Map<number, string[]>();
      for (const turn of turnsOf(db, transcript.id)) chosen.set(turn.position, formData.getAll(`turn-${turn.position}`).map(String));
      if (setTurnCodes(db, transcript, chosen, user.id) === "frozen") return frozen();
      return back("codes", "#coding");
    }
    case "code-passage": {
      const submission = parseWithZod(formData, { schema: passageCodeSchema(t) });
      if (submission.status !== "success") return data({ intent, error: null, rows: null, rowErrors: null, result: submission.reply() }, { status: 400 });
      const span = findPassage(transcript.pseudonymisedText, submission.value.passage);
      if (span === null || span === "ambiguous") {
        const message = t(span === null ? "exchanges.v.passageNotFound" : "exchanges.v.passageAmbiguous");
        return data({ intent, error: null, rows: null, rowErrors: null, result: submission.reply({ fieldErrors: { passage: [message] } }) }, { status: 400 });
      }
      if (addSpanCode(db, transcript, submission.value.code, span.start, span.end, user.id) === "frozen") return frozen();
      return back("codes", "#passages");
    }
    case "code-delete":
      deleteCode(db, transcript.id, parseId(String(formData.get("codeId") ?? "")) ?? 0);
      return back("codes", "#passages");
  }
  throw new Response("Bad Request", { status: 400 });
}

// The instrument pages' versions (issue 14): /instruments takes an uploaded YAML definition as the
// draft of an instrument's next version (errors at the file field, listed per item); the draft's
// page shows what changed against the latest published version and publishes or discards it;
// every version, and the draft, downloads as the YAML the surveys/ folder uses.
import { data, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError, type AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { formatProblem } from "./codebook.server";
import { getTranslator } from "~/i18n/locale.server";
import { diffInstruments } from "./diff";
import { compileDraft, discardDraft, draftOf, listDrafts, publishDraft, saveDraft, versionRow } from "./versions.server";
import { pilotCandidates, roundsOfVersion } from "./pilots.server";
import { startPilotAction } from "./pilots-page.server";
import { newInstrumentAction } from "./editor-page.server";

/** Largest YAML definition taken (the AFI instruments are 10–40 kB). */
export const MAX_DEFINITION_BYTES = 512 * 1024;

export async function loadInstrumentsPage(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  return {
    instruments: context.codebook.latest().map((i) => ({
      id: i.id,
      version: i.version,
      title: i.title,
      description: i.description,
      variables: i.variables.length,
      source: i.source,
    })),
    uses: ["survey", "log", "participant_report", "exchange_preparation"] as const,
    drafts: listDrafts(context.db).map((d) => {
      const compiled = compileDraft(d);
      return { id: d.instrumentId, version: d.version, title: compiled?.title ?? null };
    }),
  };
}

export async function instrumentsAction(request: Request, context: AppLoadContext) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  let form: FormData;
  try {
    form = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DEFINITION_BYTES }))
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ error: t("instrumentsPage.v.tooLarge", { max: MAX_DEFINITION_BYTES / 1024 }), problems: [] as string[] }, { status: 400 });
    throw error;
  }
  if (form.get("intent") === "new") return newInstrumentAction(context, t, user.id, form);
  const file = form.get("definition");
  if (!(file instanceof File) || file.size === 0) return data({ error: t("instrumentsPage.v.file"), problems: [] as string[] }, { status: 400 });
  let yaml: string;
  try {
    yaml = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, "");
  } catch {
    return data({ error: t("instrumentsPage.v.utf8"), problems: [] as string[] }, { status: 400 });
  }
  const name = file.name.replace(/[^\w.\-]/g, "_").slice(0, 100) || "upload.yaml";
  const outcome = saveDraft(context.db, context.codebook, user.id, name, yaml);
  if (outcome.ok) return redirect(`/instruments/${outcome.id}/draft`);
  if ("wrongVersion" in outcome) {
    const w = outcome.wrongVersion;
    return data({ error: t("instrumentsPage.v.version", { id: w.id, expected: w.expected, got: w.got }), problems: [] as string[] }, { status: 400 });
  }
  return data({ error: t("instrumentsPage.v.invalid", { count: outcome.problems.length }), problems: outcome.problems.slice(0, 50).map(formatProblem) }, { status: 400 });
}

function draftFor(context: AppLoadContext, id: string | undefined) {
  const row = id ? draftOf(context.db, id) : undefined;
  const compiled = row ? compileDraft(row) : null;
  if (!row || !compiled) throw notFound();
  return { row, compiled };
}

export async function loadDraftPage(request: Request, context: AppLoadContext, id: string | undefined) {
  await requireResearcher(request, context);
  const { row, compiled } = draftFor(context, id);
  const previous = context.codebook.get(compiled.id);
  return {
    draft: { id: compiled.id, version: row.version, title: compiled.title, items: compiled.sections.reduce((n, s) => n + s.items.length, 0), variables: compiled.variables.length },
    previous: previous ? { version: previous.version } : null,
    diff: previous ? diffInstruments(previous, compiled) : null,
    pilots: roundsOfVersion(context.db, row.id).map((r) => ({ id: r.id, title: r.title, closed: r.closedAt !== null })),
    candidates: pilotCandidates(context.db),
  };
}

export async function draftAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const { row } = draftFor(context, id);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "pilot") return startPilotAction(context, t, user.id, row.id, form);
  if (intent === "publish") {
    if (!publishDraft(context.db, context.codebook, user.id, row.instrumentId)) throw new Response("Conflict", { status: 409 });
    return redirect(`/instruments/${row.instrumentId}?version=${row.version}&published=1`);
  }
  if (intent === "discard") {
    if (!discardDraft(context.db, user.id, row.instrumentId)) return data({ discardError: t("instrumentsPage.v.piloted") }, { status: 400 });
    return redirect("/instruments?discarded=1");
  }
  throw new Response("Bad Request", { status: 400 });
}

/** A version (or the draft) as the YAML the surveys/ folder uses: exactly the text it was made from. */
export async function downloadDefinition(request: Request, context: AppLoadContext, id: string | undefined) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const asked = url.searchParams.get("version");
  const version = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : null;
  const row = id ? (url.searchParams.get("draft") === "1" ? draftOf(context.db, id) : version !== null ? versionRow(context.db, id, version) : undefined) : undefined;
  if (!row) throw notFound();
  return new Response(row.yaml, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${row.instrumentId}-v${row.version}${row.status === "draft" ? "-utkast" : ""}.yaml"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// The import pages, for researchers only. /imports: choose project and kind, upload a file, see
// past imports. /imports/<token>: the dry run of one upload, its column mapping and choices, then
// confirm or cancel. Each action authorises, parses, calls plan/apply, and redirects (so a reload
// never posts twice; a second confirm finds the upload gone and the import done).
import crypto from "node:crypto";
import { data, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError, type AppLoadContext } from "@remix-run/node";
import { and, desc, eq, lt } from "drizzle-orm";
import { exchanges, importFiles, importKinds, importMappings, imports, users, type ImportKind } from "../../db/schema";
import { writeTransaction } from "../../db/connection.server";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import type { TFunction } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { listProjects } from "~/projects/projects.server";
import { applyImport } from "./apply.server";
import { cellText, normaliseHeading, suggestMapping } from "./columns";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./limits";
import { planImport, projectPeople, targetsFor, type RowPlan } from "./plan.server";
import { readTable, type ReadResult } from "./read-table.server";

/** An upload waits this long for its confirmation. */
const PENDING_SECONDS = 24 * 60 * 60;
/** Rows shown in the preview besides every rejected one. */
const SHOWN_ROWS = 300;

const isKind = (v: unknown): v is ImportKind => typeof v === "string" && (importKinds as readonly string[]).includes(v);

function findProject(context: AppLoadContext, slug: string | null) {
  const all = listProjects(context.db);
  const project = slug ? all.find((p) => p.slug === slug) : all[0];
  return { all, project: project ?? null };
}

function sweepStale(context: AppLoadContext) {
  const cutoff = Math.floor(Date.now() / 1000) - PENDING_SECONDS;
  writeTransaction(context.db, (tx) => tx.delete(importFiles).where(lt(importFiles.createdAt, cutoff)).run());
}

export async function loadImports(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  sweepStale(context);
  const url = new URL(request.url);
  const { all, project } = findProject(context, url.searchParams.get("project"));
  const history = project
    ? context.db
        .select({ id: imports.id, kind: imports.kind, fileName: imports.fileName, sha256: imports.sha256, rows: imports.rows, created: imports.created, updated: imports.updated, unchanged: imports.unchanged, rejected: imports.rejected, at: imports.createdAt, by: users.name })
        .from(imports)
        .innerJoin(users, eq(users.id, imports.actorId))
        .where(eq(imports.projectId, project.id))
        .orderBy(desc(imports.id))
        .limit(50)
        .all()
    : [];
  const done = Number(url.searchParams.get("done"));
  return {
    projects: all.map((p) => ({ slug: p.slug, title: p.title })),
    project: project ? { slug: project.slug, title: project.title } : null,
    history,
    done: history.find((h) => h.id === done) ?? null,
    maxMegabytes: MAX_IMPORT_FILE_BYTES / 1024 / 1024,
    maxRows: MAX_IMPORT_ROWS,
  };
}

type UploadErrors = Partial<Record<"file" | "kind" | "project", string>>;

async function readUpload(request: Request): Promise<FormData | "tooLarge"> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw error;
  }
}

export function readErrorMessage(result: Extract<ReadResult, { ok: false }>, t: TFunction): string {
  switch (result.error) {
    case "tooManyRows":
    case "tooManyColumns":
      return t(`imports.file.${result.error}`, { max: result.max });
    case "badQuotes":
      return t("imports.file.badQuotes", { row: result.row });
    case "cellTooLong":
      return t("imports.file.cellTooLong", { row: result.row, max: result.max });
    case "tooLarge":
      return t("imports.file.tooLarge", { max: MAX_IMPORT_FILE_BYTES / 1024 / 1024 });
    default:
      return t(`imports.file.${result.error}`);
  }
}

export async function importsAction(request: Request, context: AppLoadContext) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const form = await readUpload(request);
  if (form === "tooLarge") return data({ errors: { file: t("imports.file.tooLarge", { max: MAX_IMPORT_FILE_BYTES / 1024 / 1024 }) } as UploadErrors, kind: "" }, { status: 400 });
  const kind = form.get("kind");
  const { project } = findProject(context, String(form.get("project") ?? "") || null);
  const file = form.get("file");
  const errors: UploadErrors = {};
  if (!project) errors.project = t("imports.v.project");
  if (!isKind(kind)) errors.kind = t("imports.v.kind");
  if (!(file instanceof File) || file.name === "" || file.size === 0) errors.file = t("imports.v.file");
  let bytes: Uint8Array | null = null;
  if (!errors.file && file instanceof File) {
    bytes = new Uint8Array(await file.arrayBuffer());
    const read = await readTable(file.name, bytes);
    if (!read.ok) errors.file = readErrorMessage(read, t);
  }
  if (Object.keys(errors).length || !project || !isKind(kind) || !bytes || !(file instanceof File)) {
    return data({ errors, kind: typeof kind === "string" ? kind.slice(0, 20) : "" }, { status: 400 });
  }
  const token = crypto.randomBytes(18).toString("base64url");
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  writeTransaction(context.db, (tx) =>
    tx.insert(importFiles).values({ token, projectId: project.id, kind, actorId: user.id, fileName: file.name.slice(0, 200), sha256, bytes: Buffer.from(bytes) }).run(),
  );
  return redirect(`/imports/${token}`);
}

function pendingOf(context: AppLoadContext, token: string | undefined, userId: number) {
  if (!token) throw notFound();
  const pending = context.db.select().from(importFiles).where(and(eq(importFiles.token, token), eq(importFiles.actorId, userId))).get();
  if (!pending) throw notFound();
  return pending;
}

/** The choices of an upload (sheet, person, exchange, column mapping) and its dry run. */
async function dryRun(context: AppLoadContext, pending: typeof importFiles.$inferSelect, t: TFunction, locale: "nb" | "en") {
  const choices = pending.choices;
  const read = await readTable(pending.fileName, new Uint8Array(pending.bytes), choices.sheet ?? null);
  if (!read.ok) return { read, plan: null, mapping: [] as (string | null)[], personId: null, exchangeId: null };
  const personId = Number(choices.person) || null;
  const exchangeId = Number(choices.exchange) || null;
  const targets = targetsFor(context, pending.kind, { personId, exchangeId });
  const remembered = context.db.select({ mapping: importMappings.mapping }).from(importMappings).where(and(eq(importMappings.projectId, pending.projectId), eq(importMappings.kind, pending.kind))).get()?.mapping ?? {};
  const mapping = "mapped" in choices ? read.table.headers.map((_, i) => choices[`map-${i}`] || null) : suggestMapping(read.table.headers, targets, remembered);
  const plan = planImport(context, { kind: pending.kind, projectId: pending.projectId, table: read.table, mapping, personId, exchangeId }, t, locale);
  return { read, plan, mapping, personId, exchangeId };
}

export async function loadPreview(request: Request, context: AppLoadContext, token: string | undefined) {
  const user = await requireResearcher(request, context);
  const { t, locale } = await getTranslator(request, context);
  const pending = pendingOf(context, token, user.id);
  const project = listProjects(context.db).find((p) => p.id === pending.projectId)!;
  const { read, plan, mapping, personId, exchangeId } = await dryRun(context, pending, t, locale);
  const base = { token: pending.token, kind: pending.kind, fileName: pending.fileName, sha256: pending.sha256, project: { slug: project.slug, title: project.title } };
  if (!read.ok || !plan) return { ...base, error: read.ok ? null : readErrorMessage(read, t), table: null };
  const shown: RowPlan[] = [...plan.rows.filter((r) => r.action === "reject"), ...plan.rows.filter((r) => r.action !== "reject").slice(0, SHOWN_ROWS)].sort((a, b) => a.row - b.row);
  return {
    ...base,
    error: null,
    table: {
      format: read.table.format,
      encoding: read.table.encoding,
      sheets: read.table.sheets,
      sheet: read.table.sheet,
      columns: read.table.headers.map((heading, i) => ({
        heading,
        target: mapping[i] ?? "",
        samples: read.table.rows.slice(0, 3).map((r) => cellText(r[i] ?? null).slice(0, 40)),
      })),
      targets: plan.targets.map((tg) => ({ key: tg.key, label: tg.label[locale], required: tg.required })),
      rows: shown,
      hiddenRows: plan.rows.length - shown.length,
      counts: plan.counts,
      total: plan.rows.length,
      personId,
      exchangeId,
      people: projectPeople(context.db, pending.projectId)
        .filter((p) => pending.kind === "attendance" || p.role === "job_specialist")
        .map((p) => ({ id: p.id, name: p.name })),
      exchanges:
        pending.kind === "attendance"
          ? context.db.select({ id: exchanges.id, date: exchanges.date, audience: exchanges.audience, number: exchanges.number }).from(exchanges).where(eq(exchanges.projectId, pending.projectId)).orderBy(exchanges.date).all()
          : [],
    },
  };
}

export async function previewAction(request: Request, context: AppLoadContext, token: string | undefined) {
  const user = await requireResearcher(request, context);
  const { t, locale } = await getTranslator(request, context);
  const form = await request.formData();
  const intent = form.get("intent");
  // A confirmation posted twice: the first one wrote the import and removed the upload.
  if (intent === "confirm" && token && !context.db.select({ id: importFiles.id }).from(importFiles).where(eq(importFiles.token, token)).get()) return redirect("/imports");
  const pending = pendingOf(context, token, user.id);
  if (intent === "cancel") {
    writeTransaction(context.db, (tx) => tx.delete(importFiles).where(eq(importFiles.id, pending.id)).run());
    const project = listProjects(context.db).find((p) => p.id === pending.projectId)!;
    return redirect(`/imports?project=${project.slug}`);
  }
  if (intent === "map") {
    const choices: Record<string, string> = { mapped: "1" };
    for (const [name, value] of form) {
      if (typeof value === "string" && /^(map-\d{1,3}|sheet|person|exchange)$/.test(name)) choices[name] = value.slice(0, 200);
    }
    writeTransaction(context.db, (tx) => tx.update(importFiles).set({ choices }).where(eq(importFiles.id, pending.id)).run());
    return redirect(`/imports/${pending.token}`);
  }
  if (intent !== "confirm") throw new Response("Bad Request", { status: 400 });
  const { read, plan, mapping } = await dryRun(context, pending, t, locale);
  if (!read.ok || !plan) return redirect(`/imports/${pending.token}`);
  const headings: Record<string, string> = {};
  read.table.headers.forEach((h, i) => {
    const key = mapping[i];
    if (key && normaliseHeading(h)) headings[normaliseHeading(h)] = key;
  });
  const applied = applyImport(context.db, plan, {
    projectId: pending.projectId,
    kind: pending.kind,
    actorId: user.id,
    fileName: pending.fileName,
    sha256: pending.sha256,
    sheet: read.table.sheet,
    token: pending.token,
    mapping: headings,
  });
  const project = listProjects(context.db).find((p) => p.id === pending.projectId)!;
  return redirect(`/imports?project=${project.slug}&done=${applied.importId}`);
}

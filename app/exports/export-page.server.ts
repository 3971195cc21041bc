// One export (/exports/:id) and its download (/exports/:id/download): the manifest summary and
// file hashes, and the package itself while it is kept. Each download is recorded in the audit log.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { getLocale } from "~/i18n/locale.server";
import { manifestSummary } from "./manifest";
import { storedFile } from "./pipeline.server";
import { PACKAGE_DAYS, getExport, recordDownload } from "./records.server";

function exportOr404(context: AppLoadContext, id: string | undefined) {
  const found = getExport(context.db, Number(id));
  if (!found) throw notFound();
  return found;
}

export async function loadExportPage(request: Request, context: AppLoadContext, params: { id?: string }) {
  await requireResearcher(request, context);
  const locale = await getLocale(request, context);
  const record = exportOr404(context, params.id);
  const file = await storedFile(context, record.storedAs);
  return {
    id: record.id,
    createdAt: record.createdAt,
    actor: record.actor,
    project: record.projectTitle,
    dataset: record.dataset,
    format: record.format,
    rows: record.rows,
    fileName: record.fileName,
    byteSize: record.byteSize,
    sha256: record.sha256,
    available: file !== null,
    madeOnCommandLine: record.manifest.createdBy.via === "cli" && record.storedAs === null,
    keepDays: PACKAGE_DAYS,
    summary: manifestSummary(record.manifest, locale),
    files: record.manifest.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256, description: f.description[locale] })),
  };
}

export async function downloadExport(request: Request, context: AppLoadContext, params: { id?: string }) {
  const user = await requireResearcher(request, context);
  const record = exportOr404(context, params.id);
  const file = await storedFile(context, record.storedAs);
  if (!file) throw notFound();
  recordDownload(context.db, record.id, user.id);
  const body = Readable.toWeb(createReadStream(file.file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(file.bytes),
      "Content-Disposition": `attachment; filename="${record.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

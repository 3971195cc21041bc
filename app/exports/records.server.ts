// The export records: listing, one export, and its stored package for download (recorded in the
// audit log each time). Packages expire after PACKAGE_DAYS; the record and its manifest stay.
import crypto from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import { audit } from "~/accounts/audit.server";
import type { Db } from "../../db/connection.server";
import { exportPackages, projects, users } from "../../db/schema";
import type { Manifest } from "./manifest";
import { packageDir } from "./package.server";

/** Days a package stays downloadable; then only its record and manifest remain. */
export const PACKAGE_DAYS = 14;

export function newRequestKey(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export function recentExports(db: Db, limit = 20) {
  return db
    .select({
      id: exportPackages.id,
      createdAt: exportPackages.createdAt,
      actor: users.name,
      project: projects.title,
      dataset: exportPackages.dataset,
      format: exportPackages.format,
      rows: exportPackages.rows,
      fileName: exportPackages.fileName,
      stored: exportPackages.storedAs,
    })
    .from(exportPackages)
    .innerJoin(projects, eq(projects.id, exportPackages.projectId))
    .leftJoin(users, eq(users.id, exportPackages.actorId))
    .orderBy(desc(exportPackages.id))
    .limit(limit)
    .all()
    .map(({ stored, ...r }) => ({ ...r, available: stored !== null }));
}

export function getExport(db: Db, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = db
    .select({ record: exportPackages, actor: users.name, projectTitle: projects.title, projectSlug: projects.slug })
    .from(exportPackages)
    .innerJoin(projects, eq(projects.id, exportPackages.projectId))
    .leftJoin(users, eq(users.id, exportPackages.actorId))
    .where(eq(exportPackages.id, id))
    .get();
  if (!row) return undefined;
  return { ...row.record, manifest: row.record.manifest as unknown as Manifest, actor: row.actor, projectTitle: row.projectTitle, projectSlug: row.projectSlug };
}

export function recordDownload(db: Db, exportId: number, actorId: number) {
  audit(db, actorId, "export.downloaded", `export:${exportId}`);
}

/** Deletes package files older than PACKAGE_DAYS (their records stay, marked as no longer stored). */
export async function expirePackages(db: Db, dataDir: string, now = Date.now()): Promise<number> {
  const cutoff = Math.floor(now / 1000) - PACKAGE_DAYS * 24 * 3600;
  const old = db
    .select({ id: exportPackages.id, storedAs: exportPackages.storedAs })
    .from(exportPackages)
    .where(and(isNotNull(exportPackages.storedAs), lt(exportPackages.createdAt, cutoff)))
    .all();
  for (const p of old) {
    await rm(path.join(packageDir(dataDir), p.storedAs!), { force: true });
    db.update(exportPackages).set({ storedAs: null }).where(eq(exportPackages.id, p.id)).run();
  }
  return old.length;
}

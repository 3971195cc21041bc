// The audit log page (/audit), for researchers: every recorded action, newest first, filtered by
// kind (the part of the action before the dot: export, survey, log, person …), 50 per page.
import type { AppLoadContext } from "@remix-run/node";
import { count, desc, eq, like, sql } from "drizzle-orm";
import { requireResearcher } from "~/auth/permissions.server";
import type { Db } from "../../db/connection.server";
import { auditLog, users } from "../../db/schema";

export const AUDIT_PAGE_SIZE = 50;
const CATEGORY = /^[a-z_]{1,40}$/;

export function auditCategories(db: Db): string[] {
  return db
    .selectDistinct({ category: sql<string>`substr(${auditLog.action}, 1, instr(${auditLog.action} || '.', '.') - 1)` })
    .from(auditLog)
    .all()
    .map((r) => r.category)
    .filter((c) => CATEGORY.test(c))
    .sort();
}

export function listAudit(db: Db, category: string | null, page: number) {
  const where = category ? like(auditLog.action, `${category}.%`) : undefined;
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({ id: auditLog.id, at: auditLog.at, actor: users.name, action: auditLog.action, subject: auditLog.subject, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pages };
}

/** Details as short "key: value" text for the table. */
export function detailsText(details: Record<string, unknown> | null): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

export async function loadAuditLog(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const categories = auditCategories(context.db);
  const asked = url.searchParams.get("kind");
  const category = asked && categories.includes(asked) ? asked : null;
  const page = Number(url.searchParams.get("page")) || 1;
  const result = listAudit(context.db, category, page);
  return {
    categories,
    category,
    ...result,
    rows: result.rows.map((r) => ({ ...r, details: detailsText(r.details ?? null) })),
  };
}

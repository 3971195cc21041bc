// The audit log page (/audit), for researchers: every recorded action as a sentence, newest
// first, 50 per page, filtered by person, kind (the part of the action before the first dot:
// export, survey, log, person …) and Norwegian day. The filters are a GET form, so the address
// holds them and they work without JavaScript.
import type { AppLoadContext } from "@remix-run/node";
import { and, asc, count, desc, eq, gte, isNull, like, lt, sql, type SQL } from "drizzle-orm";
import { requireResearcher } from "~/auth/permissions.server";
import { startOfDayInNorway } from "~/i18n/dates";
import { catalogs, type MessageKey } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { isDate } from "~/reports/dates";
import type { Db } from "../../db/connection.server";
import { auditLog, users } from "../../db/schema";
import { describeAuditEvents } from "./audit-sentences.server";

export const AUDIT_PAGE_SIZE = 50;
const CATEGORY = /^[a-z_]{1,40}$/;
const DAY = 24 * 3600;
const hasKey = (key: string) => key in catalogs.nb;

export interface AuditFilters {
  /** A person's id, "none" for what nobody signed in did (command line, system), or everyone. */
  readonly actor: number | "none" | null;
  readonly kind: string | null;
  /** Norwegian days, "YYYY-MM-DD", both included. */
  readonly from: string | null;
  readonly to: string | null;
}

export function auditCategories(db: Db): string[] {
  return db
    .selectDistinct({ category: sql<string>`substr(${auditLog.action}, 1, instr(${auditLog.action} || '.', '.') - 1)` })
    .from(auditLog)
    .all()
    .map((r) => r.category)
    .filter((c) => CATEGORY.test(c))
    .sort();
}

/** Everyone who has done something in the log, by name. */
export function auditActors(db: Db): { id: number; name: string }[] {
  return db.selectDistinct({ id: users.id, name: users.name }).from(auditLog).innerJoin(users, eq(users.id, auditLog.actorId)).orderBy(asc(users.name)).all();
}

function whereOf(filters: AuditFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filters.actor === "none" ? isNull(auditLog.actorId) : filters.actor !== null ? eq(auditLog.actorId, filters.actor) : undefined,
    filters.kind ? like(auditLog.action, `${filters.kind}.%`) : undefined,
    filters.from ? gte(auditLog.at, startOfDayInNorway(filters.from)) : undefined,
    filters.to ? lt(auditLog.at, startOfDayInNorway(filters.to) + DAY) : undefined,
  ];
  return and(...parts.filter((p) => p !== undefined));
}

export function listAudit(db: Db, filters: AuditFilters, page: number) {
  const where = whereOf(filters);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({ id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, actor: users.name, action: auditLog.action, subject: auditLog.subject, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pages };
}

export async function loadAuditLog(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  const { t, locale } = await getTranslator(request, context);
  const url = new URL(request.url);
  const asked = (name: string) => url.searchParams.get(name)?.trim() ?? "";
  const categories = auditCategories(context.db);
  const people = auditActors(context.db);

  const actorAsked = asked("person");
  const actor = actorAsked === "none" ? "none" : people.find((p) => String(p.id) === actorAsked)?.id ?? null;
  const kind = categories.includes(asked("kind")) ? asked("kind") : null;
  // A date that is not one is shown next to its field with what was typed, and not applied.
  const errors: { from?: string; to?: string } = {};
  const day = (name: "from" | "to") => {
    const value = asked(name);
    if (value && !isDate(value)) errors[name] = t("audit.filter.badDate");
    return value && isDate(value) ? value : null;
  };
  let from = day("from");
  let to = day("to");
  if (from && to && to < from) {
    errors.to = t("audit.filter.toBeforeFrom");
    to = null;
  }
  if (errors.from) from = null;

  const filters: AuditFilters = { actor, kind, from, to };
  const result = listAudit(context.db, filters, Number(asked("page")) || 1);
  return {
    people,
    kinds: categories.map((c) => ({ value: c, label: hasKey(`audit.kind.${c}`) ? t(`audit.kind.${c}` as MessageKey) : c })),
    filters: { person: actor === null ? "" : String(actor), kind: kind ?? "", from: asked("from"), to: asked("to") },
    errors,
    total: result.total,
    page: result.page,
    pages: result.pages,
    events: describeAuditEvents(context.db, result.rows, locale, t),
  };
}

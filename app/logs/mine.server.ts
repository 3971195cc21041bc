// «Mine refleksjoner»: a job specialist's own log across months, filtered by step, month and
// text, and the same selection as CSV or as a printable page.
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, requireUser } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { getLogAuthor } from "./author.server";
import { ownLogCsv } from "./csv.server";
import { logInstrument } from "./instrument.server";
import { filtersFromUrl, filtersToQuery, listOwnNotes, ownMonths, type NoteFilters, type OwnNote } from "./reading.server";

async function requireOwnLog(request: Request, context: AppLoadContext) {
  const user = await requireUser(request, context);
  if (user.role !== "job_specialist") throw forbidden();
  return user;
}

function ownFilters(url: URL): NoteFilters {
  const { step, month, q } = filtersFromUrl(url);
  return { step, month, q };
}

/** Notes grouped by month, newest month first. */
function byMonth(notes: readonly OwnNote[]) {
  const groups: { month: string; status: OwnNote["monthStatus"]; notes: OwnNote[] }[] = [];
  for (const n of notes) {
    const last = groups[groups.length - 1];
    if (last && last.month === n.month) last.notes.push(n);
    else groups.push({ month: n.month, status: n.monthStatus, notes: [n] });
  }
  return groups;
}

export async function loadMine(request: Request, context: AppLoadContext) {
  const user = await requireOwnLog(request, context);
  const filters = ownFilters(new URL(request.url));
  const author = getLogAuthor(context.db, user);
  const notes = author ? listOwnNotes(context.db, user.id, filters) : [];
  return {
    name: user.name,
    instrument: logInstrument(context).form,
    filters,
    query: filtersToQuery(filters),
    months: ownMonths(context.db, user.id),
    groups: byMonth(notes),
    total: notes.length,
  };
}

export async function mineCsv(request: Request, context: AppLoadContext): Promise<Response> {
  const user = await requireOwnLog(request, context);
  const { locale, t } = await getTranslator(request, context);
  const notes = listOwnNotes(context.db, user.id, ownFilters(new URL(request.url)));
  const body = ownLogCsv(logInstrument(context).shape, notes, locale, t);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${t("logs.csv.filename")}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

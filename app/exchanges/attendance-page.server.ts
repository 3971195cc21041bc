// Who came (/exchanges/:id/attendance): the researchers tick the people of the exchange's
// audience who were there and add guests without an account; the numbers for Tabell 3/4 follow.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/accounts/audit.server";
import { requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { listOrganisations } from "~/projects/projects.server";
import { exchangeForResearcher, parseId } from "./access.server";
import { addGuest, attendanceCounts, attendeeIds, audiencePeople, deleteGuest, listGuests, setAttendance } from "./attendance.server";
import { exchangeHead, markHeld, newClientKey } from "./exchanges.server";
import { guestSchema } from "./forms.server";
import { listRegistrations } from "./participation.server";

export async function loadAttendancePage({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  const present = new Set(attendeeIds(db, exchange.id));
  const replies = new Map(listRegistrations(db, exchange.id).map((r) => [r.userId, r.coming]));
  return {
    exchange: exchangeHead(exchange),
    people: audiencePeople(db, exchange).map((p) => ({ ...p, present: present.has(p.id), coming: replies.get(p.id) ?? null })),
    guests: listGuests(db, exchange.id),
    counts: attendanceCounts(db, [exchange]).get(exchange.id)!,
    organisations: listOrganisations(db, exchange.projectId).map((o) => ({ id: o.id, name: o.name })),
    guestKey: newClientKey(),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function attendancePageAction({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = (saved: string) => redirect(`/exchanges/${exchange.id}/attendance?saved=${saved}`);
  switch (intent) {
    case "attendance": {
      const ids = formData.getAll("present").map((v) => parseId(String(v))).filter((v): v is number => v !== null);
      setAttendance(db, exchange, ids);
      // Ticking who came means the exchange took place.
      if (formData.get("markHeld") === "on" && exchange.status !== "held") markHeld(db, exchange.id, user.id);
      audit(db, user.id, "exchange.attendance", `exchange:${exchange.id}`, { present: ids.length });
      return back("attendance");
    }
    case "guest-add": {
      const submission = parseWithZod(formData, { schema: guestSchema(t) });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      const v = submission.value;
      if (v.organisationId !== undefined && !listOrganisations(db, exchange.projectId).some((o) => o.id === v.organisationId)) {
        return data({ result: submission.reply({ fieldErrors: { organisationId: [t("v.choose")] } }) }, { status: 400 });
      }
      addGuest(db, exchange.id, { description: v.description, organisationId: v.organisationId ?? null, counted: v.counted }, v.clientKey ?? null);
      return back("guest");
    }
    case "guest-delete":
      deleteGuest(db, exchange.id, parseId(String(formData.get("guestId") ?? "")) ?? 0);
      return back("guest");
  }
  throw new Response("Bad Request", { status: 400 });
}

// The researchers' planning page (/exchanges/:id/plan): the facts of the exchange and its agenda.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { exchangeForResearcher, getExchange, parseId } from "./access.server";
import { addAgendaItem, copyAgenda, deleteAgendaItem, listAgenda, moveAgendaItem, updateAgendaItem } from "./agenda.server";
import { exchangeHead, listCopySources, newClientKey, numberTaken, projectTitle, updateExchange } from "./exchanges.server";
import { agendaItemSchema, editExchangeSchema, exchangeDetails } from "./forms.server";


export async function loadPlanPage({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  return {
    exchange: { ...exchangeHead(exchange), hoursOverride: exchange.hoursOverride, dayKindOverride: exchange.dayKindOverride },
    projectTitle: projectTitle(db, exchange.projectId),
    agenda: listAgenda(db, exchange.id),
    copySources: listCopySources(db, exchange.projectId, exchange.id),
    addKey: newClientKey(),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function planPageAction({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = (saved: string, hash = "") => redirect(`/exchanges/${exchange.id}/plan?saved=${saved}${hash}`);
  const itemId = parseId(String(formData.get("itemId") ?? "")) ?? 0;

  switch (intent) {
    case "details": {
      const submission = parseWithZod(formData, { schema: editExchangeSchema(t) });
      if (submission.status !== "success") return data({ intent, itemId, result: submission.reply() }, { status: 400 });
      const v = submission.value;
      if (numberTaken(db, exchange.projectId, exchange.audience, v.number, exchange.id)) {
        return data({ intent, itemId, result: submission.reply({ fieldErrors: { number: [t("exchanges.v.numberTaken", { number: v.number })] } }) }, { status: 400 });
      }
      updateExchange(db, exchange.id, { number: v.number, ...exchangeDetails(v) }, user.id);
      return back("details");
    }
    case "agenda-add":
    case "agenda-update": {
      const submission = parseWithZod(formData, { schema: agendaItemSchema(t) });
      if (submission.status !== "success") return data({ intent, itemId, result: submission.reply() }, { status: 400 });
      const v = submission.value;
      const input = { time: v.time ?? null, title: v.title, description: v.description, leader: v.leader, kind: v.kind };
      if (intent === "agenda-add") addAgendaItem(db, exchange.id, input, v.clientKey ?? null);
      else if (!updateAgendaItem(db, exchange.id, itemId, input)) throw new Response("Not Found", { status: 404 });
      return back("agenda", "#agenda");
    }
    case "agenda-delete":
      deleteAgendaItem(db, exchange.id, itemId);
      return back("agenda", "#agenda");
    case "agenda-move": {
      const direction = formData.get("direction") === "up" ? "up" : "down";
      if (!moveAgendaItem(db, exchange.id, itemId, direction)) throw new Response("Not Found", { status: 404 });
      return back("agenda", "#agenda");
    }
    case "agenda-copy": {
      const from = parseId(String(formData.get("from") ?? ""));
      const source = from === null ? undefined : getExchange(db, from);
      if (!source || source.projectId !== exchange.projectId || source.id === exchange.id) {
        return data({ intent, itemId, result: null, copyError: t("v.choose") }, { status: 400 });
      }
      copyAgenda(db, source.id, exchange.id);
      return back("copied", "#agenda");
    }
  }
  throw new Response("Bad Request", { status: 400 });
}

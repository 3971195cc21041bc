// The agenda as one clean A4 page (/exchanges/:id/agenda), for the invited and the researchers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { exchangeForViewer } from "./access.server";
import { listAgenda } from "./agenda.server";
import { exchangeHead, projectTitle } from "./exchanges.server";
import { listHomework } from "./homework.server";
import { currentQuestions } from "./questions.server";


export async function loadAgendaPrint({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { db } = context;
  const { exchange, placement } = exchangeForViewer(db, user, params.id);
  return {
    exchange: exchangeHead(exchange),
    projectTitle: projectTitle(db, exchange.projectId),
    agenda: listAgenda(db, exchange.id),
    homework: listHomework(db, exchange.id),
    questions: currentQuestions(db, exchange),
    researcher: !placement,
  };
}

// The preparation answers (/exchanges/:id/answers). Researchers read everyone's, with names, and
// choose whether the group may see them; the invited then see all answers without names.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireResearcher, requireUser } from "~/auth/permissions.server";
import { exchangeForResearcher, exchangeForViewer } from "./access.server";
import { exchangeHead, setShareAnswers } from "./exchanges.server";
import { countDraftsOnly, listPreparations, sharedAnswers } from "./participation.server";
import { allVersionQuestions, currentQuestions } from "./questions.server";

export async function loadAnswersPage({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { db } = context;
  const { exchange, placement } = exchangeForViewer(db, user, params.id);
  if (!placement) {
    const questions = allVersionQuestions(db, exchange);
    return {
      exchange: exchangeHead(exchange),
      researcher: true as const,
      questions,
      people: listPreparations(db, exchange.id),
      draftsOnly: countDraftsOnly(db, exchange.id),
      shared: null,
      saved: new URL(request.url).searchParams.get("saved"),
    };
  }
  const questions = currentQuestions(db, exchange);
  return {
    exchange: exchangeHead(exchange),
    researcher: false as const,
    questions,
    people: [],
    draftsOnly: 0,
    shared: exchange.shareAnswers ? sharedAnswers(db, exchange.id, questions) : null,
    saved: null,
  };
}

export async function answersPageAction({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const exchange = exchangeForResearcher(context.db, params.id);
  const formData = await request.formData();
  if (formData.get("intent") !== "share") throw new Response("Bad Request", { status: 400 });
  const share = formData.get("share");
  if (share !== "on" && share !== "off") throw new Response("Bad Request", { status: 400 });
  setShareAnswers(context.db, exchange.id, share === "on", user.id);
  return redirect(`/exchanges/${exchange.id}/answers?saved=share`);
}

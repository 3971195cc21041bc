// The researchers' page for preparation questions and homework (/exchanges/:id/questions).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { exchangeForResearcher, getExchange, parseId } from "./access.server";
import { exchangeHead, listCopySources, newClientKey, projectTitle } from "./exchanges.server";
import { listPreparations } from "./participation.server";
import { homeworkSchema, questionSchema } from "./forms.server";
import { addHomework, deleteHomework, listHomework, updateHomework } from "./homework.server";
import { currentQuestions, editQuestions, instrumentIdFor, questionProblems, templateQuestions } from "./questions.server";


export async function loadQuestionsPage({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  return {
    exchange: exchangeHead(exchange),
    projectTitle: projectTitle(db, exchange.projectId),
    instrumentId: instrumentIdFor(exchange.id),
    questions: currentQuestions(db, exchange),
    answered: listPreparations(db, exchange.id).length,
    homework: listHomework(db, exchange.id),
    copySources: listCopySources(db, exchange.projectId, exchange.id),
    homeworkKey: newClientKey(),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function questionsPageAction({ request, context, params }: ActionFunctionArgs) {
  await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const name = String(formData.get("name") ?? "");
  const itemId = parseId(String(formData.get("itemId") ?? "")) ?? 0;
  const back = (saved: string, hash: string) => redirect(`/exchanges/${exchange.id}/questions?saved=${saved}${hash}`);
  const failed = (result: SubmissionResult<string[]> | null, copyError: string | null = null) => data({ intent, name, itemId, result, copyError }, { status: 400 });

  switch (intent) {
    case "question-add":
    case "question-update": {
      const submission = parseWithZod(formData, { schema: questionSchema(t) });
      if (submission.status !== "success") return failed(submission.reply());
      const label = { nb: submission.value.labelNb, en: submission.value.labelEn };
      const edit =
        intent === "question-add"
          ? ({ op: "add", label, required: submission.value.required } as const)
          : ({ op: "update", name, label, required: submission.value.required } as const);
      if (!editQuestions(db, exchange, edit)) throw new Response("Not Found", { status: 404 });
      return back("questions", "#questions");
    }
    case "question-delete":
      editQuestions(db, exchange, { op: "delete", name });
      return back("questions", "#questions");
    case "question-move":
      if (!editQuestions(db, exchange, { op: "move", name, direction: formData.get("direction") === "up" ? "up" : "down" })) {
        throw new Response("Not Found", { status: 404 });
      }
      return back("questions", "#questions");
    case "question-copy": {
      const from = String(formData.get("from") ?? "");
      let questions;
      if (from === "template") questions = templateQuestions(context.codebook);
      else {
        const id = parseId(from);
        const source = id === null ? undefined : getExchange(db, id);
        if (!source || source.projectId !== exchange.projectId || source.id === exchange.id) {
          return failed(null, t("v.choose"));
        }
        questions = currentQuestions(db, source);
      }
      if (questionProblems(exchange, questions).length) return failed(null, t("exchanges.questions.copyFailed"));
      editQuestions(db, exchange, { op: "replace", questions });
      return back("copied", "#questions");
    }
    case "homework-add":
    case "homework-update": {
      const submission = parseWithZod(formData, { schema: homeworkSchema(t) });
      if (submission.status !== "success") return failed(submission.reply());
      const v = submission.value;
      const input = { title: v.title, description: v.description, documentType: v.documentType, deadline: v.deadline ?? null };
      if (intent === "homework-add") addHomework(db, exchange.id, input, v.clientKey ?? null);
      else if (!updateHomework(db, exchange.id, itemId, input)) throw new Response("Not Found", { status: 404 });
      return back("homework", "#homework");
    }
    case "homework-delete":
      deleteHomework(db, exchange.id, itemId);
      return back("homework", "#homework");
  }
  throw new Response("Bad Request", { status: 400 });
}

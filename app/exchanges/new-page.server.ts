// Planning a new exchange (/exchanges/new). It starts with the generic preparation questions of
// surveys/exchange-preparation, which the researchers then edit.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { exchangeAudiences, type ExchangeAudience } from "../../db/schema";
import { requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { listProjects } from "~/projects/projects.server";
import { createExchange, findByClientKey, newClientKey, nextNumber, numberTaken } from "./exchanges.server";
import { exchangeDetails, newExchangeSchema } from "./forms.server";
import { templateQuestions } from "./questions.server";

export async function loadNewPage({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const { db } = context;
  const url = new URL(request.url);
  const projects = listProjects(db).map((p) => ({
    id: p.id,
    slug: p.slug,
    title: p.title,
    next: Object.fromEntries(exchangeAudiences.map((a) => [a, nextNumber(db, p.id, a)])) as Record<ExchangeAudience, number>,
  }));
  const wanted = url.searchParams.get("project");
  const project = projects.find((p) => p.slug === wanted) ?? (projects.length === 1 ? projects[0] : undefined);
  const audienceParam = url.searchParams.get("audience");
  const audience = exchangeAudiences.find((a) => a === audienceParam) ?? null;
  return { projects, projectId: project?.id ?? null, audience, clientKey: newClientKey() };
}

export async function newPageAction({ request, context }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { db } = context;
  const { t } = await getTranslator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: newExchangeSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (!listProjects(db).some((p) => p.id === v.projectId)) {
    return data({ result: submission.reply({ fieldErrors: { projectId: [t("v.choose")] } }) }, { status: 400 });
  }
  // A second submit of the same form finds the exchange the first one made.
  const made = v.clientKey ? findByClientKey(db, user.id, v.clientKey) : null;
  if (made !== null) return redirect(`/exchanges/${made}/plan?saved=created`);
  if (v.number !== undefined && numberTaken(db, v.projectId, v.audience, v.number)) {
    return data({ result: submission.reply({ fieldErrors: { number: [t("exchanges.v.numberTaken", { number: v.number })] } }) }, { status: 400 });
  }
  const number = v.number ?? nextNumber(db, v.projectId, v.audience);
  const id = createExchange(db, { projectId: v.projectId, audience: v.audience, number, ...exchangeDetails(v) }, templateQuestions(context.codebook), user.id, v.clientKey ?? null);
  return redirect(`/exchanges/${id}/plan?saved=created`);
}

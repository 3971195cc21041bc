// Researchers: coding the open answers of an employer survey wave that has reached its threshold.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AnswerCodingView, type UnitResult } from "~/coding/CodingPages";
import { answerCodingAction, loadAnswerCoding } from "~/coding/units.server";

export const meta: MetaFunction = () => [{ title: "Kod åpne svar – Medforsker" }];
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadAnswerCoding(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => answerCodingAction(request, context, params.id);

export default function CodingAnswers() {
  return <AnswerCodingView page={useLoaderData<typeof loader>()} result={useActionData<typeof action>() as UnitResult | undefined} />;
}

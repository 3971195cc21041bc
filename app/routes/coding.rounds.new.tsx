// Researchers: a new agreement round (coders, a sample of a month's notes, the codes).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NewRoundView, type FormResult } from "~/coding/CodingPages";
import { loadNewRound, newRoundAction } from "~/coding/pages.server";

export const meta: MetaFunction = () => [{ title: "Ny kodingsrunde – Medforsker" }];
export const loader = ({ request, context }: LoaderFunctionArgs) => loadNewRound(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => newRoundAction(request, context);

export default function NewRound() {
  return <NewRoundView page={useLoaderData<typeof loader>()} result={useActionData<typeof action>() as FormResult | undefined} />;
}

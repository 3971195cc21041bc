// A coder of an agreement round codes its sample, blind to the other coders.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RoundView } from "~/coding/CodingPages";
import { loadRound, roundAction } from "~/coding/pages.server";

export const meta: MetaFunction = () => [{ title: "Kodingsrunde – Medforsker" }];
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadRound(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => roundAction(request, context, params.id);

export default function Round() {
  const result = useActionData<typeof action>() as { passageError?: { noteId: number; message: string } } | undefined;
  return <RoundView page={useLoaderData<typeof loader>()} passageError={result?.passageError ?? null} />;
}

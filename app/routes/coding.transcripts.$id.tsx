// Coding a released transcript: each speaker turn as a whole, or a passage of it (researchers;
// job specialists who attended, once a researcher has opened it to them).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TranscriptCodingView, type UnitResult } from "~/coding/CodingPages";
import { loadTranscriptCoding, transcriptCodingAction } from "~/coding/units.server";

export const meta: MetaFunction = () => [{ title: "Kod transkripsjon – Medforsker" }];
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadTranscriptCoding(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => transcriptCodingAction(request, context, params.id);

export default function CodingTranscript() {
  return <TranscriptCodingView page={useLoaderData<typeof loader>()} result={useActionData<typeof action>() as UnitResult | undefined} />;
}

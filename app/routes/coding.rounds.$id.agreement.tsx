// Researchers: agreement of a round per code and overall, and the notes where the coders differ.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AgreementView } from "~/coding/CodingPages";
import { loadAgreement } from "~/coding/pages.server";

export const meta: MetaFunction = () => [{ title: "Samsvar – Medforsker" }];
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadAgreement(request, context, params.id);

export default function Agreement() {
  return <AgreementView page={useLoaderData<typeof loader>()} />;
}

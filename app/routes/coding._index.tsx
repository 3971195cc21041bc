// Researchers and job specialists: the project codebook and the agreement rounds (app/coding/).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CodingHome, type FormResult } from "~/coding/CodingPages";
import { codingHomeAction, loadCodingHome } from "~/coding/pages.server";

export const meta: MetaFunction = () => [{ title: "Koding – Medforsker" }];
export const loader = ({ request, context }: LoaderFunctionArgs) => loadCodingHome(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => codingHomeAction(request, context);

export default function Coding() {
  return <CodingHome page={useLoaderData<typeof loader>()} result={useActionData<typeof action>() as FormResult | undefined} />;
}

// Researchers: one code of the codebook, its history and memos; edit, merge, split, retire.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CodePageView, type FormResult } from "~/coding/CodingPages";
import { codePageAction, loadCodePage } from "~/coding/pages.server";

export const meta: MetaFunction = () => [{ title: "Kode – Medforsker" }];
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadCodePage(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => codePageAction(request, context, params.id);

export default function CodeRoute() {
  return <CodePageView page={useLoaderData<typeof loader>()} result={useActionData<typeof action>() as FormResult | undefined} />;
}

// Researchers: bring existing data in from CSV or Excel files (app/imports/).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { importsAction, loadImports } from "~/imports/import-page.server";
import { ImportsHome } from "~/imports/ImportPages";

export const meta: MetaFunction = () => [{ title: "Import – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadImports(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => importsAction(request, context);

export default function Imports() {
  const result = useActionData<typeof action>();
  return <ImportsHome page={useLoaderData<typeof loader>()} errors={result?.errors ?? {}} kind={result?.kind ?? ""} />;
}

// Researchers: the dry run of one uploaded file, its column mapping, and the confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadPreview, previewAction } from "~/imports/import-page.server";
import { ImportPreview } from "~/imports/ImportPages";

export const meta: MetaFunction = () => [{ title: "Import – Medforsker" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadPreview(request, context, params.token);
export const action = ({ request, context, params }: ActionFunctionArgs) => previewAction(request, context, params.token);

export default function ImportPreviewPage() {
  return <ImportPreview page={useLoaderData<typeof loader>()} />;
}

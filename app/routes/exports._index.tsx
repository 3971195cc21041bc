// The export centre: researchers choose a data set, selection and format, preview what the
// anonymisation will do, and make an export package (app/exports/ExportCentre.tsx).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { centreAction, loadCentre } from "~/exports/centre.server";
import { ExportCentre } from "~/exports/ExportCentre";

export const meta: MetaFunction = () => [{ title: "Eksport – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadCentre(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => centreAction(request, context);

export default function ExportCentrePage() {
  return <ExportCentre page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />;
}

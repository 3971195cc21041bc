// One export while it is made: its progress, refreshed by the page itself; when the package is
// made, on to the export's page (app/exports/ExportJobPage.tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ExportJobPage } from "~/exports/ExportJobPage";
import { loadJobPage } from "~/exports/job-page.server";

export const meta: MetaFunction = () => [{ title: "Eksport i arbeid – Medforsker" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadJobPage(request, context, params);

export default function ExportJob() {
  return <ExportJobPage job={useLoaderData<typeof loader>()} />;
}

// Resource route: the export package (zip) while it is kept; each download is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadExport } from "~/exports/export-page.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) => downloadExport(request, context, params);

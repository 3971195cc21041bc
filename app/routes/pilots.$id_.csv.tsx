// Researchers: a pilot round as its own small data set (answers, or ?file=comments), CSV.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pilotCsv } from "~/instruments/pilots-page.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) => pilotCsv(request, context, params.id);

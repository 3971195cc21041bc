// Resource route: the person's own log (with the filters of «Mine refleksjoner») as CSV.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { mineCsv } from "~/logs/mine.server";

export const loader = ({ request, context }: LoaderFunctionArgs) => mineCsv(request, context);

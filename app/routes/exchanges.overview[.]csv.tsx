// Resource route: Tabell 3 or 4 of a project as CSV (?project=<slug>&audience=<audience>).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { overviewFile } from "~/exchanges/overview-page.server";

export const loader = (args: LoaderFunctionArgs) => overviewFile(args, "csv");

// After the answers are stored: a thank-you page, the same for everybody.
import type { LoaderFunctionArgs } from "@remix-run/node";
import publicStyles from "~/survey/public.css";
import { notice, pageOptions } from "~/survey/public-http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return notice(request, context, "done", await pageOptions(request, context, publicStyles, "/s/done"));
}

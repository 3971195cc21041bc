// Researchers: a version of an instrument (?version=N) or its draft (?draft=1) as YAML.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDefinition } from "~/instruments/versions-page.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) => downloadDefinition(request, context, params.id);

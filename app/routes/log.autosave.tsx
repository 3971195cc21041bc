// Resource route: the autosave endpoint of the note form (POST only).
import type { ActionFunctionArgs } from "@remix-run/node";
import { autosave } from "~/logs/autosave.server";

export const action = ({ request, context }: ActionFunctionArgs) => autosave(request, context);

export const loader = () => new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });

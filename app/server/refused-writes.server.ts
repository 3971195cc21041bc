// A write the database refused is never a bare 500. Every route's loader and action is wrapped
// once, here, when the server starts: an error that writeRefusal (db/write-lock.mjs) recognises
// (locked past WRITE_WAIT_MS, disk full, read-only, I/O) becomes a 503 «ikke lagret» that carries
// what was posted, shown by the error boundaries (components/NotSaved.tsx) in the person's
// language as a form that sends it again. One mechanism for every form; routes need not know.
// The employer's questionnaire renders its own page (survey/respond.server.ts) with the same text.
import { data, type ActionFunction, type ActionFunctionArgs, type AppLoadContext, type LoaderFunction, type LoaderFunctionArgs, type ServerBuild } from "@remix-run/node";
import type { NotSavedField, NotSavedPayload, WriteRefusalReason } from "~/components/NotSaved";
import { translator } from "~/i18n/catalog";
import { getLocale } from "~/i18n/locale.server";
import { errorCode, writeRefusal } from "../../db/write-lock.mjs";

/** Password fields of the app's forms: never echoed into a page, asked for again instead. */
const SECRET_FIELDS = new Set(["password", "confirm", "current"]);
/** Fields that say what to do, not what was typed. */
const MACHINE_FIELDS = new Set(["intent", "resumeIntent", "redirectTo"]);
const MAX_CARRIED_CHARS = 400_000;
const RETRY_AFTER_SECONDS = "5";

/** Typed text (shown, editable) or a key, id, code, date or checkbox (sent back hidden). */
function isTyped(name: string, value: string): boolean {
  if (MACHINE_FIELDS.has(name) || value === "on" || value === "true" || value === "false") return false;
  if (/^[A-Za-z0-9_-]{16,}$/.test(value)) return false;
  return /\p{L}/u.test(value);
}

/** Every posted text value (repeated names kept in order), without passwords and files. */
export function carriedFields(form: FormData | null): { fields: NotSavedField[]; secrets: string[] } {
  const fields: NotSavedField[] = [];
  const secrets: string[] = [];
  let size = 0;
  for (const [name, value] of form ?? []) {
    if (typeof value !== "string") continue;
    if (SECRET_FIELDS.has(name)) {
      if (!secrets.includes(name)) secrets.push(name);
      continue;
    }
    size += name.length + value.length;
    if (size > MAX_CARRIED_CHARS) break;
    fields.push({ name, value, shown: isTyped(name, value) });
  }
  return { fields, secrets };
}

/** Where the retried form posts: the address it was posted to, without Remix's data suffixes. */
function postedTo(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("_data");
  url.searchParams.delete("_routes");
  const pathname = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/") || "/";
  return `${pathname}${url.search}`;
}

const HEADERS = { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A resource route has no page to show the form in: JSON for scripts, a short page for browsers. */
async function resourceRefusal(request: Request, context: AppLoadContext, reason: WriteRefusalReason): Promise<Response> {
  if ((request.headers.get("Accept") ?? "").includes("application/json")) {
    return Response.json({ status: "not-saved", reason }, { status: 503, headers: HEADERS });
  }
  const locale = await getLocale(request, context).catch(() => "nb" as const);
  const t = translator(locale);
  const html = `<!DOCTYPE html><html lang="${locale === "en" ? "en" : "nb"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t("notSaved.title"))}</title></head><body><main><h1>${escape(t("notSaved.title"))}</h1><p>${escape(t(`notSaved.reason.${reason}`))}</p><p>${escape(t("notSaved.keptNothing"))}</p><p><a href="/">${escape(t("error.back"))}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { ...HEADERS, "Content-Type": "text/html; charset=utf-8" } });
}

function guard<F extends LoaderFunction | ActionFunction>(fn: F, kind: "loader" | "action", resource: boolean): F {
  const guarded = async (args: LoaderFunctionArgs | ActionFunctionArgs) => {
    // The body can be read once; a copy keeps what was posted for the «ikke lagret» form.
    const copy = kind === "action" && !resource ? args.request.clone() : null;
    try {
      return await fn(args);
    } catch (error) {
      const reason = writeRefusal(error);
      if (!reason) throw error;
      // One line with SQLite's code only: the address may hold a token, and a query's message
      // holds what was typed.
      console.error(`write refused (${reason}): ${errorCode(error)}`);
      if (resource) throw await resourceRefusal(args.request, args.context, reason);
      const form = copy ? await copy.formData().catch(() => null) : null;
      const payload: NotSavedPayload = { notSaved: true, reason, action: copy ? postedTo(args.request) : null, ...carriedFields(form) };
      throw data(payload, { status: 503, headers: HEADERS });
    }
  };
  return guarded as unknown as F;
}

/** The build with every loader and action guarded (the server calls this once at start). */
export function reportRefusedWrites(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = route.module;
    const resource = typeof module.default !== "function";
    routes[id] = {
      ...route,
      module: {
        ...module,
        ...(module.loader ? { loader: guard(module.loader, "loader", resource) } : {}),
        ...(module.action ? { action: guard(module.action, "action", resource) } : {}),
      },
    };
  }
  return { ...build, routes };
}

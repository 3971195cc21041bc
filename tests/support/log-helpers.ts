// Helpers for the log tests: log in as a demo identity, read the note form's draft key, and
// post a note the way a browser without JavaScript does.
import type { RunningServer } from "./server";
import { expect } from "vitest";
import { todayInNorway } from "../../app/logs/months";
import { Client } from "./http";

export async function loginAs(baseUrl: string, email: string, password: string): Promise<Client> {
  const client = new Client(baseUrl);
  const res = await client.post("/login", { email, password });
  expect(res.status, `login as ${email}`).toBe(200);
  return client;
}

/** The value of the first <input name=NAME> in a page. */
export function inputValue(html: string, name: string): string | null {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  if (!m) return null;
  return /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
}

export function textareaValue(html: string, name: string): string | null {
  const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return m ? decode(m[1]) : null;
}

export function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

export async function draftKeyOf(client: Client, path = "/log"): Promise<string> {
  const html = await (await client.get(path)).text();
  const key = inputValue(html, "draftKey");
  expect(key, `draft key on ${path}`).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  return key!;
}

export function noteFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    dato: todayInNorway(),
    situasjon: "Flere deltakere startet i praksis denne uka.",
    bistand: "Fulgte opp arbeidsgiverne på telefon og med besøk.",
    resultat: "Alle praksisplassene fortsetter.",
    annerledes: "Kunne avtalt besøkene tidligere.",
    god_praksis: "Korte besøk ofte virker bedre enn lange møter.",
    trinn: "4",
    ...overrides,
  };
}

/** Posts a note form (intent save-note) without following the redirect. */
export function postNote(client: Client, draftKey: string, overrides: Record<string, string> = {}, path = "/log") {
  return client.request("POST", path, { intent: "save-note", draftKey, ...noteFields(overrides) });
}

/** SIGKILL the server process itself, as a power cut would, and wait until it is gone. */
export async function killServerHard(server: RunningServer): Promise<void> {
  await server.stop("SIGKILL");
}

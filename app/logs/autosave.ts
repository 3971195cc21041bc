// Autosave of a note in progress (browser only; the page works without it). Every change is
// written to localStorage at once and posted to /log/autosave a moment later; the browser copy
// is removed when the server has it. So a closed tab, a lost connection or an ended session
// loses nothing: the next visit (after logging in again) restores and uploads what is left.
// No zod, no server imports.
import { useEffect, useRef, useState, type RefObject } from "react";
import type { Finding } from "./identifiers";

export type AutosaveStatus =
  | "idle"
  | "pending"
  | "saving"
  | "saved"
  | "offline"
  | "unauthenticated"
  | "already-saved"
  | "locked"
  | "error";

export interface AutosaveState {
  readonly status: AutosaveStatus;
  /** Local time of the last save on the server, "14:05". */
  readonly savedAt: string | null;
  readonly findings: readonly Finding[];
  /** The form was filled from a copy kept in this browser. */
  readonly restored: boolean;
  /** Drafts from this browser that were uploaded on this visit. */
  readonly recovered: number;
  /** Keys of uploaded drafts of new notes, newest first. */
  readonly recoveredKeys: readonly string[];
  /** The session ended and no save has worked since: offer to log in again. */
  readonly sessionEnded: boolean;
}

interface Stored {
  readonly values: Record<string, string>;
  readonly noteId: number | null;
  readonly at: number;
}

const PREFIX = "medforsker.logdraft.";
const DELAY_MS = 800;

export const AUTOSAVE_URL = "/log/autosave";

function storageKey(userId: number, draftKey: string) {
  return `${PREFIX}${userId}.${draftKey}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readStored(key: string): Stored | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function formValues(form: HTMLFormElement, fields: readonly string[]): Record<string, string> {
  const data = new FormData(form);
  const values: Record<string, string> = {};
  for (const f of fields) {
    const v = data.get(f);
    if (typeof v === "string") values[f] = v;
  }
  return values;
}

function sameValues(a: Record<string, string>, b: Record<string, string>, fields: readonly string[]) {
  return fields.every((f) => (a[f] ?? "") === (b[f] ?? ""));
}

function fill(form: HTMLFormElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const el = form.elements.namedItem(name);
    if (!el) continue;
    if (el instanceof RadioNodeList) el.value = value;
    else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.value = value;
  }
}

function body(draftKey: string, noteId: number | null, values: Record<string, string>) {
  const params = new URLSearchParams(values);
  params.set("draftKey", draftKey);
  if (noteId !== null) params.set("noteId", String(noteId));
  return params;
}

type Reply = { status: AutosaveStatus; savedAt?: number; findings?: Finding[] };

async function post(params: URLSearchParams, keepalive = false): Promise<Reply> {
  try {
    const res = await fetch(AUTOSAVE_URL, {
      method: "POST",
      body: params,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      keepalive,
    });
    if (res.status === 401) return { status: "unauthenticated" };
    if (!res.ok) return { status: "error" };
    return (await res.json()) as Reply;
  } catch {
    return { status: "offline" };
  }
}

const clock = (seconds: number) => {
  const d = new Date(seconds * 1000);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};

export function useDraftAutosave(
  formRef: RefObject<HTMLFormElement>,
  options: { userId: number; draftKey: string; noteId: number | null; fields: readonly string[]; enabled: boolean },
): AutosaveState {
  const { userId, draftKey, noteId, fields, enabled } = options;
  const [state, setState] = useState<AutosaveState>({
    status: "idle",
    savedAt: null,
    findings: [],
    restored: false,
    recovered: 0,
    recoveredKeys: [],
    sessionEnded: false,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sequence = useRef(0);

  useEffect(() => {
    const form = formRef.current;
    if (!form || !enabled) return;
    const key = storageKey(userId, draftKey);
    let disposed = false;
    const update = (patch: Partial<AutosaveState>) => {
      if (!disposed) setState((s) => ({ ...s, ...patch }));
    };

    const send = async (keepalive = false) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const sent = ++sequence.current;
      const values = formValues(form, fields);
      update({ status: "saving" });
      const reply = await post(body(draftKey, noteId, values), keepalive);
      if (reply.status === "saved" || reply.status === "already-saved") {
        // Forget the browser copy only if nothing was typed while the request was under way.
        if (sent === sequence.current) storage()?.removeItem(key);
      }
      update({
        status: reply.status,
        savedAt: reply.savedAt ? clock(reply.savedAt) : null,
        ...(reply.findings ? { findings: reply.findings } : {}),
        ...(reply.status === "unauthenticated" ? { sessionEnded: true } : reply.status === "saved" ? { sessionEnded: false } : {}),
      });
    };

    // A "change" event also fires when the field loses focus; only real changes count (a
    // re-render at that moment would move what the person is about to click).
    let last = JSON.stringify(formValues(form, fields));
    const changed = () => {
      const values = formValues(form, fields);
      const serialised = JSON.stringify(values);
      if (serialised === last) return;
      last = serialised;
      sequence.current++;
      try {
        storage()?.setItem(key, JSON.stringify({ values, noteId, at: Date.now() } satisfies Stored));
      } catch {
        /* storage full or blocked: the server copy still comes */
      }
      update({ status: "pending" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), DELAY_MS);
    };
    const flush = () => {
      if (timer.current) void send(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const onOnline = () => {
      if (storage()?.getItem(key)) void send();
    };
    const onSubmit = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };

    // A copy left in this browser (typed offline or after the session ended) wins over the
    // server's older text; other drafts left behind are uploaded so they show up in the list.
    const own = readStored(key);
    if (own && !sameValues(own.values, formValues(form, fields), fields)) {
      fill(form, own.values);
      last = JSON.stringify(formValues(form, fields));
      update({ restored: true });
      void send();
    } else if (own) {
      storage()?.removeItem(key);
    }
    void (async () => {
      const store = storage();
      if (!store) return;
      const mine = `${PREFIX}${userId}.`;
      const others = Object.keys(store)
        .filter((k) => k.startsWith(mine) && k !== key)
        .map((k) => ({ k, stored: readStored(k) }))
        .sort((a, b) => (b.stored?.at ?? 0) - (a.stored?.at ?? 0));
      const recoveredKeys: string[] = [];
      let recovered = 0;
      for (const { k, stored } of others) {
        if (!stored) {
          store.removeItem(k);
          continue;
        }
        const reply = await post(body(k.slice(mine.length), stored.noteId, stored.values));
        if (reply.status === "saved") {
          recovered++;
          if (stored.noteId === null) recoveredKeys.push(k.slice(mine.length));
        }
        if (reply.status === "saved" || reply.status === "already-saved" || reply.status === "locked") store.removeItem(k);
      }
      if (recovered) update({ recovered, recoveredKeys });
    })();

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", onSubmit);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", onOnline);
    return () => {
      disposed = true;
      if (timer.current) void send(true);
      form.removeEventListener("input", changed);
      form.removeEventListener("change", changed);
      form.removeEventListener("submit", onSubmit);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", onOnline);
    };
  }, [formRef, userId, draftKey, noteId, fields, enabled]);

  return state;
}

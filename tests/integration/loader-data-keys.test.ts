// No loader hands the browser an object whose keys come from what people send (the decoder of
// Remix 2's turbo-stream turns an own "__proto__" key into a prototype: see
// docs/decisions/remix-2-end-of-life.md). The crawl, over real HTTP as each role: every
// post form of every page is sent with tainted field names and values («zz-taint…», "__proto__",
// "constructor"), then every route's data is read with tainted query parameters, from the
// single-fetch payloads exactly as the browser receives them. No key of loader data may come
// from the taint; action data (conform echoes the submitted field names back to the person who
// sent them) may never carry "__proto__"; neither may carry an Error, and no request may fail
// (the runtime guard, app/server/loader-data-guard.server.ts, answers unsafe data with a 500).
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPaths } from "../../app/server/build-paths";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

const TAINT = "zz-taint";

/** Every key of every object in a turbo-stream payload, and how many Errors it holds. */
function payloadKeys(text: string): { keys: string[]; errors: number } {
  const values: unknown[] = [];
  for (const line of text.split("\n")) if (line.trim()) values.push(...(JSON.parse(line.replace(/^[PE]\d+:/, "")) as unknown[]));
  const keys: string[] = [];
  let errors = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (typeof v[0] !== "string") return; // an array of indices
      if (v[0] === "E" || v[0] === "SanitizedError") errors++;
      v.slice(1).forEach(visit);
    } else if (v && typeof v === "object") {
      for (const k of Object.keys(v)) keys.push(String(values[Number(k.slice(1))]));
    }
  };
  values.forEach(visit);
  return { keys, errors };
}

interface FormInfo {
  method: string;
  action: string;
  fields: [string, string][];
  submits: [string, string][];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, "&");

/** The forms of a server-rendered page (our own markup: double-quoted attributes). */
function formsOf(html: string, pagePath: string): FormInfo[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, open, body]) => {
    const fields: [string, string][] = [];
    const submits: [string, string][] = [];
    let n = 0;
    for (const [tag] of body.matchAll(/<(input|textarea|select|button)\b[^>]*>/g)) {
      const name = attr(tag, "name");
      const type = attr(tag, "type") ?? (tag.startsWith("<button") ? "submit" : "text");
      if (!name) continue;
      if (type === "submit") submits.push([name, attr(tag, "value") ?? ""]);
      else if (type === "hidden" || type === "checkbox" || type === "radio" || tag.startsWith("<select")) fields.push([name, attr(tag, "value") ?? ""]);
      else fields.push([name, `${TAINT}-value-${n++}`]);
    }
    return { method: (attr(`<form ${open}`, "method") ?? "get").toLowerCase(), action: attr(`<form ${open}`, "action") ?? pagePath, fields, submits };
  });
}

/** The single-fetch URL of a page or form action (what Remix's browser code requests). */
function dataUrl(target: string): string {
  const url = new URL(target, "http://x");
  url.pathname = url.pathname === "/" ? "/_root.data" : `${url.pathname.replace(/\/$/, "")}.data`;
  return url.pathname + url.search;
}

// One real id for each route parameter (demo data); transcripts live under exchange 10.
const params: Record<string, string> = { slug: "afi-2017", id: "1", userId: "8", month: "2018-01", code: "D-NB9PXA", token: "not-a-token", batch: "no-such-batch", transcriptId: "1" };

/** The path of every route that renders a page (resource routes send no turbo-stream data). */
function pagePaths(build: ServerBuild): string[] {
  const full = (id: string): string => {
    const route = build.routes[id];
    const parent = route.parentId && route.parentId !== "root" ? full(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(build.routes)
    .filter((r) => r.id !== "root" && r.module.default)
    .map((r) => {
      const p = `/${full(r.id)}`.replace(/:(\w+)/g, (_, name: string) => (name === "id" && r.id.includes("transcripts") ? "10" : params[name]));
      return p.replace(/\/$/, "") || "/";
    });
}

let server: RunningServer;
let build: ServerBuild;
const clients: Record<string, Client> = {};
const found: string[] = [];

function check(kind: "loader" | "action", where: string, text: string) {
  const { keys, errors } = payloadKeys(text);
  for (const key of keys) {
    if (key === "__proto__" || (kind === "loader" && key.includes(TAINT))) found.push(`${kind} data of ${where}: key ${JSON.stringify(key)}`);
  }
  if (errors) found.push(`${kind} data of ${where}: ${errors} Error value(s)`);
}

beforeAll(async () => {
  const seeded = await seedDemo();
  server = await startServer({ dataDir: seeded.dataDir });
  build = (await import(pathToFileURL(path.resolve(buildPaths().serverFile)).href)) as ServerBuild;
  for (const who of ["jsA", "leadA", "researcher"] as const) {
    clients[who] = new Client(server.url);
    expect((await clients[who].post("/login", { email: identities[who], password: seeded.passwords[identities[who]] })).status).toBe(200);
  }
  clients.anonymous = new Client(server.url);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

it("no loader returns keys from what people send, no data carries __proto__ or an Error", { timeout: 900_000 }, async () => {
  const paths = pagePaths(build);
  expect(paths.length).toBeGreaterThan(40);
  const getForms: [string, FormInfo][] = [];
  let posted = 0;
  let read = 0;
  // 1. Send every post form of every page, as every role, with tainted names and values.
  for (const [who, client] of Object.entries(clients)) {
    for (const page of paths) {
      const res = await client.request("GET", page);
      if (res.status !== 200 || !res.headers.get("content-type")?.includes("text/html")) continue;
      for (const form of formsOf(await res.text(), page)) {
        if (form.method !== "post") {
          getForms.push([who, form]);
          continue;
        }
        if (form.action.startsWith("/logout") || form.action.startsWith("/s")) continue;
        for (const submit of form.submits.length ? form.submits : [["", ""] as [string, string]]) {
          if (submit[1] === "deactivate") continue; // would take a crawling role out
          const body = new URLSearchParams([...form.fields, ["__proto__", `${TAINT}-proto`], ["constructor", `${TAINT}-c`], [`${TAINT}-key-${posted}`, "v"]]);
          if (submit[0]) body.append(submit[0], submit[1]);
          const sent = await client.request("POST", dataUrl(form.action), body);
          posted++;
          if (sent.status >= 500) found.push(`${who} POST ${form.action} ${submit[1]}: ${sent.status}`);
          if (sent.headers.get("content-type")?.includes("text/x-script")) check("action", `${who} POST ${form.action} ${submit[1]}`, await sent.text());
        }
      }
    }
  }
  // 2. Read every route's data, as every role, with tainted query parameters and tainted GET forms.
  const reads: [string, string][] = [];
  for (const who of Object.keys(clients)) {
    for (const page of paths) reads.push([who, `${page}?${TAINT}-key=${TAINT}-value`], [who, `${page}?__proto__=${TAINT}&constructor=${TAINT}`]);
  }
  for (const [who, form] of getForms) reads.push([who, `${form.action.split("?")[0]}?${new URLSearchParams([...form.fields, [`${TAINT}-key`, "v"]])}`]);
  for (const [who, target] of reads) {
    const res = await clients[who].request("GET", dataUrl(target));
    read++;
    if (res.status >= 500) found.push(`${who} GET ${target}: ${res.status}`);
    if (res.headers.get("content-type")?.includes("text/x-script")) check("loader", `${who} GET ${target}`, await res.text());
  }
  expect(posted, "forms sent").toBeGreaterThan(30);
  expect(read).toBeGreaterThan(150);
  expect(found, `${posted} forms sent, ${read} data reads`).toEqual([]);
});

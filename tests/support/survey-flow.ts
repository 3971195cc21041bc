// The employer-survey flows over real HTTP, as the people do them: a researcher opens a wave,
// a job specialist asks for links and downloads them, an employer answers from a link with a
// browser that has no JavaScript.
import { expect } from "vitest";
import { Client } from "./http";

export { answerForm, employerSurvey, seedOfAnswer } from "./survey-answers";

export interface WaveFields {
  projectId: number;
  /** Default: the AFI employer survey. */
  instrumentId?: string;
  title?: string;
  openDate?: string;
  closeDate?: string;
  minAnswers?: number;
  targetedReminders?: boolean;
}

export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
}

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Opens a wave as a researcher; returns its id. */
export async function createWave(researcher: Client, fields: WaveFields): Promise<number> {
  const body: Record<string, string> = {
    projectId: String(fields.projectId),
    instrumentId: fields.instrumentId ?? "employer-survey",
    title: fields.title ?? "Testrunde",
    infoNb: "Informasjon om undersøkelsen.\n\nDet er frivillig og anonymt å svare.",
    infoEn: "About the survey.\n\nAnswering is voluntary and anonymous.",
    contact: "Forskerteamet",
    openDate: fields.openDate ?? shiftDate(today(), -1),
    closeDate: fields.closeDate ?? shiftDate(today(), 30),
    minAnswers: String(fields.minAnswers ?? 5),
  };
  if (fields.targetedReminders) body.targetedReminders = "on";
  const res = await researcher.request("POST", "/waves/new", body);
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(302);
  const id = Number(/\/waves\/(\d+)$/.exec(res.headers.get("Location") ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

/** The project id of the demo project, read from the wave form's options. */
export async function demoProjectId(researcher: Client): Promise<number> {
  const html = await (await researcher.get("/waves/new")).text();
  return Number(/<option value="(\d+)"[^>]*>Supported Employment/.exec(html)![1]);
}

export interface IssuedLinks {
  batchId: string;
  links: { number: number; code: string; url: string }[];
  csv: string;
}

/** Asks for `count` links as a job specialist and reads them back from the CSV. */
export async function issueLinks(specialist: Client, waveId: number, count: number, requestKey = `k${Math.random().toString(36).slice(2, 12)}`): Promise<IssuedLinks> {
  const res = await specialist.request("POST", `/waves/${waveId}`, { intent: "links", count: String(count), requestKey });
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  const batchId = /\/links\/([A-Za-z0-9_-]+)$/.exec(location)![1];
  const csvRes = await specialist.request("GET", `/waves/${waveId}/links/${batchId}.csv`);
  expect(csvRes.status).toBe(200);
  const csv = await csvRes.text();
  const links = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [number, code, url] = line.split(";");
      return { number: Number(number), code, url };
    });
  return { batchId, links, csv };
}

export function tokenOf(url: string): string {
  return new URL(url).pathname.split("/").pop()!;
}

/** An employer opens the link (token leaves the address bar) and sends the form. */
export async function respond(base: string, url: string, form: URLSearchParams) {
  const employer = new Client(base);
  const first = await employer.request("GET", new URL(url).pathname);
  expect(first.status).toBe(303);
  expect(first.headers.get("Location")).toBe("/s");
  const page = await employer.request("GET", "/s");
  const html = await page.text();
  const post = await employer.request("POST", "/s", form);
  return { employer, page, html, post };
}

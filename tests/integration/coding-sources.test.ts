// Coding beyond log notes, over HTTP (issue 15): exchange transcripts (a whole turn or a passage
// of one) by researchers and by the job specialists who attended once a researcher opens the
// transcript to them, always in the pseudonymised released text; the employer survey's open
// answers by researchers, only above the wave's threshold; memos on passages; and the project a
// coding page is about.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let dataDir: string;
let passwords: Record<string, string>;
let researcher: Client;
let jsA: Client;
let jsB: Client;
let leadA: Client;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
function withDb<T>(fn: (db: Database.Database) => T, readonly = true): T {
  const d = new Database(path.join(dataDir, "medforsker.db"), { readonly });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}
const query = <T,>(sql: string, ...params: unknown[]) => withDb((d) => d.prepare(sql).all(...params) as T[]);
const codeId = (name: string) => query<{ id: number }>("SELECT id FROM codes WHERE name = ?", name)[0].id;
const userId = (email: string) => query<{ id: number }>("SELECT id FROM users WHERE email = ?", email)[0].id;
/** [start, end) of `part` in `whole`, in code points. */
function span(whole: string, part: string): [number, number] {
  const at = whole.indexOf(part);
  if (at < 0) throw new Error(`«${part}» not in «${whole}»`);
  const start = [...whole.slice(0, at)].length;
  return [start, start + [...part].length];
}

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  passwords = seeded.passwords;
  server = await startServer({ dataDir });
  const login = (email: string) => loginAs(server.url, email, passwords[email]);
  [researcher, jsA, jsB, leadA] = await Promise.all([login(identities.researcher), login(identities.jsA), login(identities.jsB), login(identities.leadA)]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

interface Turn {
  position: number;
  speaker: string | null;
  text: string;
}
/** The turns of a transcript as stored: slices of the pseudonymised text, in code points. */
function turns(transcriptId: number): Turn[] {
  const t = query<{ text: string }>("SELECT pseudonymised_text AS text FROM exchange_transcripts WHERE id = ?", transcriptId)[0].text;
  const points = [...t];
  return query<{ position: number; speaker: string | null; start: number; end: number }>("SELECT position, speaker, start, \"end\" FROM exchange_transcript_turns WHERE transcript_id = ? ORDER BY position", transcriptId).map((r) => ({
    position: r.position,
    speaker: r.speaker,
    text: points.slice(r.start, r.end).join(""),
  }));
}
const transcriptId = (title: string) => query<{ id: number }>("SELECT id FROM exchange_transcripts WHERE title = ?", title)[0].id;
const BAKES = "Gruppediskusjon om kompetanser (BAKES)";
const LEADERS = "Lederperspektiv på SE-implementering";

describe("coding transcripts", () => {
  it("offers researchers every released transcript and a job specialist only those opened to them, of exchanges they attended", async () => {
    const home = text(await (await researcher.get("/coding")).text());
    expect(home).toContain(BAKES);
    expect(home).toContain(LEADERS);
    expect(home).toContain("åpnet for jobbspesialistene som deltok");
    const theirs = text(await (await jsA.get("/coding")).text());
    expect(theirs).toContain(BAKES);
    expect(theirs).not.toContain(LEADERS);
    expect((await jsA.get(`/coding/transcripts/${transcriptId(LEADERS)}`)).status).toBe(403);
    expect((await leadA.get(`/coding/transcripts/${transcriptId(BAKES)}`)).status).toBe(403);
    expect((await researcher.get(`/coding/transcripts/${transcriptId(LEADERS)}`)).status).toBe(200);
  });

  it("shows only the pseudonymised text: no name the transcript's replacements took out", async () => {
    const id = transcriptId(BAKES);
    const replaced = JSON.parse(query<{ r: string }>("SELECT replacements AS r FROM exchange_transcripts WHERE id = ?", id)[0].r) as { from: string; to: string }[];
    expect(replaced.map((r) => r.from)).toContain("Aina");
    // The page's main content: the header names the signed-in person (jsA is «Aina Demosen»).
    const page = /<main[\s\S]*<\/main>/.exec(await (await jsA.get(`/coding/transcripts/${id}`)).text())![0];
    for (const r of replaced) expect(page).not.toContain(r.from);
    for (const turn of turns(id)) expect(text(page)).toContain(turn.text.replace(/\s+/g, " ").trim().slice(0, 40));
  });

  it("codes a whole turn and a passage of one, with the co-researcher codes only", async () => {
    const id = transcriptId(BAKES);
    const turn = turns(id).find((t) => t.text.includes("Kulturforståelse"))!;
    const open = codeId("A Samarbeid med arbeidsgivere");
    const closed = codeId("Mikronivå");
    const body = new URLSearchParams({ intent: "code", turn: String(turn.position) });
    body.append("code", String(open));
    body.append("code", String(closed));
    const res = await jsA.request("POST", `/coding/transcripts/${id}`, body);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/coding/transcripts/${id}?saved=turn-${turn.position}#turn-${turn.position}`);
    const stored = query<{ code_id: number; field: string; start: number; end: number }>("SELECT code_id, field, start, \"end\" FROM codings WHERE source = 'turn' AND note_id = ? AND coder_id = ?", id, userId(identities.jsA));
    expect(stored).toEqual([{ code_id: open, field: String(turn.position), start: 0, end: 0 }]);
    const page = await (await jsA.get(`/coding/transcripts/${id}`)).text();
    expect(page).toMatch(new RegExp(`id="turn-${turn.position}-c${open}"[^>]*checked`));

    // A passage, in code points of the turn's text.
    const [start, end] = span(turn.text, "enkle skriftlige avtaler");
    const passage = await jsA.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "passage", turn: String(turn.position), field: "text", start: String(start), end: String(end), code: String(open) }));
    expect(passage.status).toBe(302);
    expect(text(await (await jsA.get(`/coding/transcripts/${id}`)).text())).toContain("«enkle skriftlige avtaler» — A Samarbeid med arbeidsgivere");
    // Past the turn's end, or with a code that is not open to co-researchers: an error at the passage.
    const long = [...turn.text].length;
    const past = await jsA.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "passage", turn: String(turn.position), start: "0", end: String(long + 1), code: String(open) }));
    expect(past.status).toBe(400);
    expect(text(await past.text())).toContain("Marker en del av teksten.");
    const notOpen = await jsA.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "passage", turn: String(turn.position), start: "0", end: "5", code: String(closed) }));
    expect(notOpen.status).toBe(400);
    expect(text(await notOpen.text())).toContain("Velg en kode du kan bruke.");
    // A turn the transcript does not have.
    expect((await jsA.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "code", turn: "999" }))).status).toBe(404);
    // jsB sees none of jsA's coding.
    const other = text(await (await jsB.get(`/coding/transcripts/${id}`)).text());
    expect(other).not.toContain("«enkle skriftlige avtaler»");
  });

  it("closes and reopens a transcript to the job specialists, in the audit log as a sentence", async () => {
    const id = transcriptId(BAKES);
    expect((await jsA.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "share" }))).status).toBe(403);
    expect((await researcher.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "share" }))).status).toBe(302);
    expect((await jsA.get(`/coding/transcripts/${id}`)).status).toBe(403);
    expect(text(await (await jsA.get("/coding")).text())).not.toContain(BAKES);
    // What jsA coded while it was open is kept.
    expect(query("SELECT id FROM codings WHERE source = 'turn' AND coder_id = ?", userId(identities.jsA)).length).toBe(2);
    expect((await researcher.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "share", open: "on" }))).status).toBe(302);
    expect((await jsA.get(`/coding/transcripts/${id}`)).status).toBe(200);
    const audit = text(await (await researcher.get("/audit")).text());
    expect(audit).toContain(`lukket transkripsjonen «${BAKES}» for koding av jobbspesialistene.`);
    expect(audit).toContain(`åpnet transkripsjonen «${BAKES}» for koding av jobbspesialistene som deltok.`);
  });
});

describe("memos on passages", () => {
  it("keeps what was typed on an error, saves the memo, and lets nobody write on someone else's passage", async () => {
    const id = transcriptId(BAKES);
    const coding = query<{ id: number; field: string }>("SELECT id, field FROM codings WHERE source = 'turn' AND note_id = ? AND coder_id = ? AND \"end\" > 0", id, userId(identities.jsA))[0];
    const post = (client: Client, memo: string) => client.request("POST", `/coding/transcripts/${id}`, new URLSearchParams({ intent: "memo", turn: coding.field, codingId: String(coding.id), memo }));
    const empty = await post(jsA, "   ");
    expect(empty.status).toBe(400);
    expect(text(await empty.text())).toContain("Skriv notatet.");
    const typed = "x".repeat(2001);
    const long = await post(jsA, typed);
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain("Høyst 2");
    expect(html).toContain(`>${typed}</textarea>`);
    expect((await post(jsB, "Ikke mitt"))).toHaveProperty("status", 404);
    const saved = await post(jsA, "Avtaler på papir hjelper begge parter.");
    expect(saved.status).toBe(302);
    expect(text(await (await jsA.get(`/coding/transcripts/${id}`)).text())).toContain("Avtaler på papir hjelper begge parter.");
    expect(query("SELECT id FROM memos WHERE coding_id = ?", coding.id).length).toBe(1);
  });

  it("works on log-note passages too", async () => {
    const note = query<{ id: number; month: string; answers: string }>("SELECT id, month, answers FROM log_notes WHERE author_id = ? ORDER BY id LIMIT 1", userId(identities.jsA))[0];
    const field = Object.entries(JSON.parse(note.answers) as Record<string, unknown>).find(([, v]) => typeof v === "string" && (v as string).length > 10)![0];
    const code = codeId("A Samarbeid med arbeidsgivere");
    expect((await jsA.request("POST", "/coding/notes", new URLSearchParams({ intent: "passage", noteId: String(note.id), month: note.month, field, start: "0", end: "5", code: String(code) }))).status).toBe(302);
    const coding = query<{ id: number }>("SELECT id FROM codings WHERE source = 'note' AND note_id = ? AND \"end\" = 5", note.id)[0];
    const res = await jsA.request("POST", "/coding/notes", new URLSearchParams({ intent: "memo", noteId: String(note.id), month: note.month, codingId: String(coding.id), memo: "Første ord sier mye." }));
    expect(res.status).toBe(302);
    expect(text(await (await jsA.get(res.headers.get("Location")!)).text())).toContain("Første ord sier mye.");
  });
});

describe("coding open answers", () => {
  const wave = () => query<{ id: number }>("SELECT id FROM survey_waves ORDER BY id LIMIT 1")[0].id;

  it("lists every written open answer for researchers only, and codes a whole answer and a passage", async () => {
    expect((await jsA.get(`/coding/answers/${wave()}`)).status).toBe(403);
    const home = text(await (await researcher.get("/coding")).text());
    expect(home).toContain("Spørreundersøkelse blant arbeidsgivere 2018–19");
    const html = await (await researcher.get(`/coding/answers/${wave()}`)).text();
    const written = query<{ id: number; answers: string }>("SELECT id, answers FROM survey_answers WHERE wave_id = ? ORDER BY id", wave())
      .flatMap((a) => Object.entries(JSON.parse(a.answers) as Record<string, unknown>).filter(([k, v]) => typeof v === "string" && v.trim() !== "" && html.includes(`name="item" value="${k}"`)).map(([item, v]) => ({ id: a.id, item, text: v as string })));
    expect(written.length).toBeGreaterThan(3);
    // One whole-answer form per written answer.
    expect([...html.matchAll(/name="intent" value="code"/g)].length).toBe(written.length);
    const first = written[0];
    const code = codeId("B Arbeidsgiveres behov for oppfølging");
    const body = new URLSearchParams({ intent: "code", answerId: String(first.id), item: first.item, code: String(code) });
    const res = await researcher.request("POST", `/coding/answers/${wave()}`, body);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/coding/answers/${wave()}?saved=${first.item}-1#${first.item}-1`);
    const words = first.text.trim().split(/\s+/).slice(0, 2).join(" ");
    const [start, end] = span(first.text, words);
    expect((await researcher.request("POST", `/coding/answers/${wave()}`, new URLSearchParams({ intent: "passage", answerId: String(first.id), item: first.item, start: String(start), end: String(end), code: String(code) }))).status).toBe(302);
    expect(query<{ source: string; field: string; start: number; end: number }>("SELECT source, field, start, \"end\" FROM codings WHERE note_id = ? ORDER BY \"end\"", first.id)).toEqual([
      { source: "answer", field: first.item, start: 0, end: 0 },
      { source: "answer", field: first.item, start, end },
    ]);
    expect(text(await (await researcher.get(`/coding/answers/${wave()}`)).text())).toContain(`«${words}» — B Arbeidsgiveres behov for oppfølging`);
    // An answer of another wave, or an item that is not an open question: not found.
    expect((await researcher.request("POST", `/coding/answers/${wave()}`, new URLSearchParams({ intent: "code", answerId: "12345", item: first.item }))).status).toBe(404);
  });

  it("shows nothing of a wave below its threshold", async () => {
    withDb((d) => d.prepare("UPDATE survey_waves SET min_answers = 1000 WHERE id = ?").run(wave()), false);
    try {
      expect((await researcher.get(`/coding/answers/${wave()}`)).status).toBe(404);
      expect(text(await (await researcher.get("/coding")).text())).not.toContain("Spørreundersøkelse blant arbeidsgivere 2018–19");
    } finally {
      withDb((d) => d.prepare("UPDATE survey_waves SET min_answers = 5 WHERE id = ?").run(wave()), false);
    }
  });
});

describe("the project a coding page is about", () => {
  it("lets a researcher choose among projects, each with its own codebook, and keeps the choice on the forms", async () => {
    withDb((d) => d.prepare("INSERT INTO projects (slug, title) VALUES ('annet-prosjekt', 'Et annet prosjekt')").run(), false);
    const home = await (await researcher.get("/coding")).text();
    expect(home).toContain('<select id="coding-project" name="project"');
    const other = await (await researcher.get("/coding?project=annet-prosjekt")).text();
    expect(text(other)).toContain("Kodeboken er tom.");
    // A form without an action posts back to the page with its query: the code lands in that project.
    expect(other).toContain('<form method="post" action="/coding?index&amp;project=annet-prosjekt"');
    const made = await researcher.request("POST", "/coding?project=annet-prosjekt", new URLSearchParams({ intent: "create", name: "Egen kode" }));
    expect(made.status).toBe(302);
    expect(query<{ slug: string }>("SELECT p.slug FROM codes c JOIN projects p ON p.id = c.project_id WHERE c.name = 'Egen kode'")).toEqual([{ slug: "annet-prosjekt" }]);
    expect(text(await (await researcher.get("/coding?project=afi-2017")).text())).not.toContain("Egen kode");
    expect(text(await (await researcher.get("/coding/notes?project=annet-prosjekt")).text())).toContain("Ingen notater denne måneden.");
    // A job specialist codes in their own project, whatever they ask for.
    expect(text(await (await jsA.get("/coding?project=annet-prosjekt")).text())).toContain("A Samarbeid med arbeidsgivere");
  });
});

describe("agreement rounds by character", () => {
  const TEXT_FIELDS = ["situasjon", "bistand", "resultat", "annerledes", "god_praksis"];
  const A = "A Samarbeid med arbeidsgivere";
  const nb = (x: number) => new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
  /** A round of jsA and jsB over two notes of the first submitted month, with code A; its id, sample and month. */
  async function newRound(title: string, unit: string) {
    const page = await (await researcher.get("/coding/rounds/new?project=afi-2017")).text();
    const month = [...page.matchAll(/<option value="(\d{4}-\d{2})"/g)].map((m) => m[1])[0];
    const body = new URLSearchParams({ title, month, size: "2", unit });
    for (const c of [userId(identities.jsA), userId(identities.jsB)]) body.append("coder", String(c));
    body.append("code", String(codeId(A)));
    const made = await researcher.request("POST", "/coding/rounds/new?project=afi-2017", body);
    expect(made.status).toBe(302);
    const round = Number(/\/coding\/rounds\/(\d+)\/agreement/.exec(made.headers.get("Location")!)![1]);
    return { round, month, sample: JSON.parse(query<{ sample: string }>("SELECT sample FROM coding_rounds WHERE id = ?", round)[0].sample) as number[] };
  }

  it("counts every character of the notes' texts, a passage or a whole note covering them, and lists the passages coded differently", async () => {
    const { round, sample } = await newRound("Tegnrunden", "character");
    const texts = sample.map((id) => {
      const answers = JSON.parse(query<{ answers: string }>("SELECT answers FROM log_notes WHERE id = ?", id)[0].answers) as Record<string, unknown>;
      return TEXT_FIELDS.filter((f) => typeof answers[f] === "string" && answers[f] !== "").map((f) => ({ field: f, text: answers[f] as string }));
    });
    const N = texts.flat().reduce((n, f) => n + [...f.text].length, 0);
    const first = texts[0].find((f) => [...f.text].length >= 10)!;
    const passage = (client: Client, start: number, end: number, noteId = sample[0]) =>
      client.request("POST", `/coding/rounds/${round}`, new URLSearchParams({ intent: "passage", noteId: String(noteId), field: first.field, start: String(start), end: String(end), code: String(codeId(A)) }));
    // jsA codes characters 0–9 of the first note's field, jsB characters 5–9; both decide the second note has none.
    expect((await passage(jsA, 0, 10)).status).toBe(302);
    expect((await passage(jsB, 5, 10)).status).toBe(302);
    const tooFar = await passage(jsB, 0, [...first.text].length + 1);
    expect(tooFar.status).toBe(400);
    expect(text(await tooFar.text())).toContain("Marker en del av teksten i et av notatets felt.");
    for (const client of [jsA, jsB]) expect((await client.request("POST", `/coding/rounds/${round}`, new URLSearchParams({ intent: "code", noteId: String(sample[1]) }))).status).toBe(302);
    // Blind: jsB's page shows jsB's passage only.
    const own = text(await (await jsB.get(`/coding/rounds/${round}`)).text());
    expect(own).toContain(`«${[...first.text].slice(5, 10).join("")}» — ${A}`);
    expect(own).not.toContain(`«${[...first.text].slice(0, 10).join("")}»`);

    // By hand: N characters; they differ on 5 (0–4). p_o = (N−5)/N; p_e = (10/N)(5/N) + ((N−10)/N)((N−5)/N);
    // α: 2N values, 15 «coded»; o_yn = o_ny = 5, D_o = 10/(2N), D_e = 2·15·(2N−15)/(2N(2N−1)).
    const po = (N - 5) / N;
    const pe = (10 / N) * (5 / N) + ((N - 10) / N) * ((N - 5) / N);
    const kappa = (po - pe) / (1 - pe);
    const alpha = 1 - 10 / (2 * N) / ((2 * 15 * (2 * N - 15)) / (2 * N * (2 * N - 1)));
    const agreementPage = text(await (await researcher.get(`/coding/rounds/${round}/agreement`)).text());
    expect(agreementPage).toContain(`Enheten er tegn: for hvert av ${N} tegn i tekstene til 2 notater`);
    expect(agreementPage).toContain(`${A} ${N} ${nb(po)} ${nb(kappa)} ${nb(alpha)}`);
    expect(agreementPage).toContain(`«${[...first.text].slice(0, 5).join("")}»`);
    expect(agreementPage).toMatch(/Tekstdel Kode [^«]+«[^»]+» \([^)]+\) A Samarbeid med arbeidsgivere (kodet ikke kodet her|ikke kodet her kodet)/);
    // A whole-note code covers every character: now jsB applies A to the whole first note.
    const whole = new URLSearchParams({ intent: "code", noteId: String(sample[0]) });
    whole.append("code", String(codeId(A)));
    expect((await jsB.request("POST", `/coding/rounds/${round}`, whole)).status).toBe(302);
    const L = texts[0].reduce((n, f) => n + [...f.text].length, 0);
    // They now differ on the first note's characters jsA did not code: L − 10.
    expect(text(await (await researcher.get(`/coding/rounds/${round}/agreement`)).text())).toContain(`${A} ${N} ${nb((N - (L - 10)) / N)}`);
  });

  it("takes no passages in a round of whole notes", async () => {
    const { round, month, sample } = await newRound("Notatrunden", "record");
    const noteId = sample[0];
    const res = await jsA.request("POST", `/coding/rounds/${round}`, new URLSearchParams({ intent: "passage", noteId: String(noteId), field: "situasjon", start: "0", end: "3", code: String(codeId(A)) }));
    expect(res.status).toBe(404);
    // No unit chosen: an error at the field.
    const none = await researcher.request("POST", "/coding/rounds/new?project=afi-2017", new URLSearchParams({ title: "Uten enhet", month, size: "2", unit: "ord" }));
    expect(none.status).toBe(400);
    expect(text(await none.text())).toContain("Velg enheten samsvaret regnes på.");
  });
});

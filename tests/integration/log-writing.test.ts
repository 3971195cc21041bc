// The job specialist's log over real HTTP against the built server and a real SQLite file, as a
// browser without JavaScript (plus the autosave endpoint the page's script uses): writing,
// drafts that survive everything, no twins, identifier warnings, editing, submitting, the
// home-page reminder, «Mine refleksjoner» and the CSV download.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, currentMonth, todayInNorway } from "../../app/logs/months";
import { Client } from "../support/http";
import { decode, draftKeyOf, inputValue, loginAs, noteFields, postNote, textareaValue } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let passwords: Record<string, string> = {};
let db: Database.Database;
let jsA: Client;
let jsB: Client;
let jsAId = 0;
const month = currentMonth();
const lastMonth = addMonths(month, -1);

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
  db = new Database(path.join(seeded.dataDir, "medforsker.db"));
  jsA = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
  jsB = await loginAs(server.url, identities.jsB, passwords[identities.jsB]);
  jsAId = (db.prepare("select id from users where email = ?").get(identities.jsA) as { id: number }).id;
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const notesOf = (userId: number, m = month) =>
  db.prepare("select id, answers, flags, client_key from log_notes where author_id = ? and month = ? order by id").all(userId, m) as { id: number; answers: string; flags: string; client_key: string }[];

describe("the month page", () => {
  it("shows the seven columns of Tabell 5 in order, with the researchers' expectations as help", async () => {
    const html = await (await jsA.get("/log")).text();
    const labels = ["Dato", "Situasjon", "Jobbspesialistens bistand", "Resultat", "Hva kunne gjøres annerledes?", "Ev. hva fungerte? – påpek god praksis", "Trinn i SE"];
    const positions = labels.map((l) => html.indexOf(`>${l}<`));
    expect(positions.every((p) => p > 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain("loggføring på et aggregert nivå, ikke per deltaker.");
    expect(html).toContain("Trinn 5: Opplæring og trening på og utenom arbeidsplass");
    expect(inputValue(html, "dato")).toBe(todayInNorway());
  });
});

describe("writing notes", () => {
  it("saves a note and redirects (post/redirect/get); several notes a day are fine", async () => {
    const before = notesOf(jsAId).length;
    for (let i = 0; i < 2; i++) {
      const res = await postNote(jsA, await draftKeyOf(jsA), { situasjon: `Notat ${i} samme dag.` });
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toMatch(new RegExp(`^/log\\?month=${month}&saved=\\d+$`));
    }
    expect(notesOf(jsAId)).toHaveLength(before + 2);
    const page = await (await jsA.get(`/log?month=${month}`)).text();
    expect(page).toContain("Notat 0 samme dag.");
    expect(page).toContain("Notat 1 samme dag.");
  });

  it("never makes twins: a resubmitted form or a double click gives one note", async () => {
    const key = await draftKeyOf(jsA);
    const before = notesOf(jsAId).length;
    const first = await postNote(jsA, key, { situasjon: "Dobbeltklikk-testen." });
    const again = await postNote(jsA, key, { situasjon: "Dobbeltklikk-testen." });
    expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
    // Two clicks in flight at once.
    const key2 = await draftKeyOf(jsA);
    const both = await Promise.all([postNote(jsA, key2, { situasjon: "Samtidig." }), postNote(jsA, key2, { situasjon: "Samtidig." })]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(notesOf(jsAId)).toHaveLength(before + 2);
  });

  it("answers bad input with messages at the fields, keeps what was typed, and keeps it as a draft", async () => {
    const key = await draftKeyOf(jsA);
    const res = await jsA.request("POST", "/log", { intent: "save-note", draftKey: key, ...noteFields({ dato: "31.02.2026", bistand: "", trinn: "" }), situasjon: "Halvferdig <tekst> & mer" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Skriv en gyldig dato");
    expect(html).toContain("Dette feltet må fylles ut");
    expect(html).toContain("Velg ett av svaralternativene");
    expect(html).toMatch(/aria-invalid="true"/);
    expect(textareaValue(html, "situasjon")).toBe("Halvferdig <tekst> & mer");
    expect(inputValue(html, "dato")).toBe("31.02.2026");
    // Walk away and come back: the draft is on the server.
    const again = await (await jsA.get("/log")).text();
    expect(inputValue(again, "draftKey")).toBe(key);
    expect(textareaValue(again, "situasjon")).toBe("Halvferdig <tekst> & mer");
    // Completing it saves the note under the same key and the draft is gone.
    const done = await postNote(jsA, key, { situasjon: "Nå ferdig." });
    expect(done.status).toBe(302);
    expect(db.prepare("select count(*) n from log_drafts where draft_key = ?").get(key)).toEqual({ n: 0 });
  });

  it("refuses a date in the future at the date field", async () => {
    const res = await postNote(jsA, await draftKeyOf(jsA), { dato: `${addMonths(month, 1)}-02` });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Datoen kan ikke være fram i tid");
  });

  it("saves a draft on request without JavaScript", async () => {
    const key = await draftKeyOf(jsA);
    const res = await jsA.post("/log", { intent: "save-draft", draftKey: key, month, situasjon: "Bare et utkast", dato: "" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Utkastet er lagret");
    expect(textareaValue(html, "situasjon")).toBe("Bare et utkast");
  });
});

describe("autosave (the page's script)", () => {
  it("saves the draft as typed and returns the identifier warning", async () => {
    const key = await draftKeyOf(jsA);
    const res = await jsA.request("POST", "/log/autosave", { draftKey: key, situasjon: "Ring meg på 912 34 567", bistand: "Skrevet før tapet forbindelse" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("saved");
    expect(body.findings).toEqual([{ kind: "phone", match: "912 34 567" }]);
    const html = await (await jsA.get(`/log?draft=${key}`)).text();
    expect(textareaValue(html, "bistand")).toBe("Skrevet før tapet forbindelse");
  });

  it("does not bring back a draft after its note was saved (a late autosave)", async () => {
    const key = await draftKeyOf(jsA);
    expect((await postNote(jsA, key)).status).toBe(302);
    const late = await jsA.request("POST", "/log/autosave", { draftKey: key, situasjon: "sent" });
    expect((await late.json()).status).toBe("already-saved");
    expect(db.prepare("select count(*) n from log_drafts where draft_key = ?").get(key)).toEqual({ n: 0 });
  });

  it("answers 401 without a session (no redirect), so the browser keeps the text", async () => {
    const res = await new Client(server.url).request("POST", "/log/autosave", { draftKey: "x".repeat(24), situasjon: "tekst" });
    expect(res.status).toBe(401);
    expect((await res.json()).status).toBe("unauthenticated");
  });
});

describe("an expired session loses nothing", () => {
  it("shows a login form that carries the note, and logging in saves it", async () => {
    const client = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
    const key = await draftKeyOf(client);
    // The session runs out while the person is writing.
    db.prepare("update sessions set expires_at = 0 where user_id = ?").run(jsAId);
    const res = await client.request("POST", "/log", { intent: "save-note", draftKey: key, ...noteFields({ situasjon: "Skrevet mens økten løp ut." }) });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Logg inn for å lagre");
    expect(inputValue(html, "situasjon")).toBe("Skrevet mens økten løp ut.");
    expect(inputValue(html, "draftKey")).toBe(key);
    expect(inputValue(html, "resumeIntent")).toBe("save-note");
    // A wrong password keeps everything and says so.
    const carried = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], decode(m[2])]));
    const wrong = await client.request("POST", "/log", { ...carried, intent: "reauth", email: identities.jsA, password: "feil passord her" });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("Feil e-postadresse eller passord");
    expect(inputValue(wrongHtml, "situasjon")).toBe("Skrevet mens økten løp ut.");
    const ok = await client.request("POST", "/log", { ...carried, intent: "reauth", email: identities.jsA, password: passwords[identities.jsA] });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toMatch(/saved=\d+/);
    expect(ok.headers.getSetCookie().join(";")).toContain("medforsker_session=");
    expect(notesOf(jsAId).some((n) => JSON.parse(n.answers).situasjon === "Skrevet mens økten løp ut." && n.client_key === key)).toBe(true);
    // And the person is signed in again.
    expect((await client.get("/log")).status).toBe(200);
    // Every session of jsA ran out above; the shared client logs in again.
    jsA = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
  });

  it("keeps an incomplete note as a draft when logging in again", async () => {
    const client = new Client(server.url);
    const res = await client.request("POST", "/log", {
      intent: "reauth",
      resumeIntent: "save-note",
      draftKey: "halvferdig-utkast-0001",
      situasjon: "Bare begynt",
      email: identities.jsA,
      password: passwords[identities.jsA],
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/log?draft=halvferdig-utkast-0001");
    const html = await (await client.get("/log?draft=halvferdig-utkast-0001")).text();
    expect(textareaValue(html, "situasjon")).toBe("Bare begynt");
  });
});

describe("the identifier warning", () => {
  it("saves the note but warns, naming what it found", async () => {
    const res = await jsA.post("/log", {
      intent: "save-note",
      draftKey: await draftKeyOf(jsA),
      ...noteFields({ situasjon: "Deltakeren ringte fra 41234567 og skrev til per@eksempel.no. Møtte Guri Demosen. Fnr 15038510190." }),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Notatet er lagret.");
    expect(html).toContain("Sjekk om notatet kan identifisere noen.");
    for (const text of ["«41234567»", "«per@eksempel.no»", "«Guri Demosen»", "«15038510190»", "«Deltakeren»"]) expect(html).toContain(text);
    const saved = notesOf(jsAId).at(-1)!;
    expect(JSON.parse(saved.flags)).toEqual(["nationalId", "phone", "email", "name", "singleParticipant"]);
  });

  it("warns about a name nobody registered, with the exports' name detector", async () => {
    const res = await jsA.post("/log", { intent: "save-note", draftKey: await draftKeyOf(jsA), ...noteFields({ situasjon: "Møte med Hodan Warsame i dag." }) });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Notatet er lagret.");
    expect(html).toContain("Ser ut som et personnavn: «Hodan Warsame»");
    expect(JSON.parse(notesOf(jsAId).at(-1)!.flags)).toEqual(["personName"]);
  });
});

describe("editing and deleting", () => {
  it("changes a note and deletes one only after confirmation; others cannot touch it", async () => {
    const key = await draftKeyOf(jsA);
    const created = await postNote(jsA, key, { situasjon: "Skal endres." });
    const id = Number(/saved=(\d+)/.exec(created.headers.get("Location")!)![1]);
    const form = await (await jsA.get(`/log/notes/${id}`)).text();
    expect(textareaValue(form, "situasjon")).toBe("Skal endres.");
    const edited = await jsA.request("POST", `/log/notes/${id}`, { intent: "save-note", draftKey: inputValue(form, "draftKey")!, ...noteFields({ situasjon: "Er endret." }) });
    expect(edited.status).toBe(302);
    expect(JSON.parse(notesOf(jsAId).find((n) => n.id === id)!.answers).situasjon).toBe("Er endret.");

    expect((await jsB.request("GET", `/log/notes/${id}`)).status).toBe(404);
    expect((await jsB.request("POST", `/log/notes/${id}`, { intent: "save-note", draftKey: "b".repeat(24), ...noteFields() })).status).toBe(404);
    expect((await jsB.request("POST", `/log/notes/${id}`, { intent: "delete", confirm: "yes" })).status).toBe(404);
    expect((await jsB.request("POST", `/log/notes/${id}`, { intent: "save-note", draftKey: "b".repeat(24), situasjon: "" })).status).toBe(404);
    expect(db.prepare("select count(*) n from log_drafts where note_id = ?").get(id)).toEqual({ n: 0 });

    const unconfirmed = await jsA.request("POST", `/log/notes/${id}`, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Kryss av for å bekrefte at notatet skal slettes");
    const deleted = await jsA.request("POST", `/log/notes/${id}`, { intent: "delete", confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(notesOf(jsAId).some((n) => n.id === id)).toBe(false);
  });
});

describe("submitting a month", () => {
  it("cannot submit an empty month by mistake, asks for confirmation, then makes the month read-only", async () => {
    const empty = addMonths(month, -3);
    const res = await jsB.request("POST", "/log", { intent: "submit-month", month: empty, confirm: "yes" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Måneden har ingen notater");

    const key = await draftKeyOf(jsB);
    const created = await postNote(jsB, key, { dato: `${lastMonth}-15`, situasjon: "Forrige måned." });
    const id = Number(/saved=(\d+)/.exec(created.headers.get("Location")!)![1]);
    const unconfirmed = await jsB.request("POST", "/log", { intent: "submit-month", month: lastMonth });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Kryss av for å bekrefte at du vil levere loggen");

    const submitted = await jsB.post("/log", { intent: "submit-month", month: lastMonth, confirm: "yes" });
    const html = await submitted.text();
    expect(html).toContain("er levert. Takk!");
    expect(html).not.toContain('name="intent" value="save-note"');
    expect(html).not.toContain(`/log/notes/${id}"`);
    // Submitting twice changes nothing.
    await jsB.post("/log", { intent: "submit-month", month: lastMonth, confirm: "yes" });
    const jsBId = (db.prepare("select id from users where email = ?").get(identities.jsB) as { id: number }).id;
    expect(db.prepare("select count(*) n from log_month_events where author_id = ? and month = ?").get(jsBId, lastMonth)).toEqual({ n: 1 });

    // Read-only: no changes, no deletions, no new notes dated in that month.
    const edit = await jsB.request("POST", `/log/notes/${id}`, { intent: "save-note", draftKey: "c".repeat(24), ...noteFields({ dato: `${lastMonth}-15` }) });
    expect(edit.status).toBe(400);
    expect(await edit.text()).toContain("er levert, så notater der kan ikke endres");
    expect((await jsB.request("POST", `/log/notes/${id}`, { intent: "delete", confirm: "yes" })).status).toBe(409);
    const late = await postNote(jsB, await draftKeyOf(jsB), { dato: `${lastMonth}-20` });
    expect(late.status).toBe(400);
    const editPage = await (await jsB.get(`/log/notes/${id}`)).text();
    expect(editPage).toContain("notatet kan ikke endres");
  });
});

describe("the home page reminder", () => {
  it("reminds a job specialist whose last month in the logging period is not submitted", async () => {
    // The demo period (2017-09 – 2018-12) is long past; a researcher moves it to include last month.
    const researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const set = await researcher.request("POST", "/logs/compliance", { intent: "set-period", project: "afi-2017", from: addMonths(month, -6), to: addMonths(month, 6) });
    expect(set.status).toBe(302);
    const home = await (await jsA.get("/")).text();
    expect(home).toContain("Loggen for");
    expect(home).toContain("er ikke levert ennå");
    // jsB submitted last month above: no reminder.
    const homeB = await (await jsB.get("/")).text();
    expect(homeB).not.toContain("er ikke levert ennå");
    expect(homeB).toContain('href="/log"');
    await researcher.request("POST", "/logs/compliance", { intent: "set-period", project: "afi-2017", from: "2017-09", to: "2018-12" });
    expect(await (await jsA.get("/")).text()).not.toContain("er ikke levert ennå");
  });
});

describe("«Mine refleksjoner» and downloads", () => {
  it("lists the person's own notes across months, filtered by step, month and text", async () => {
    const all = await (await jsA.get("/log/mine")).text();
    expect(all).toContain("Mine refleksjoner");
    expect(all).toContain("Nå ferdig.");
    expect(all).not.toContain("Forrige måned."); // jsB's
    const searched = await (await jsA.get("/log/mine?q=SAMTIDIG")).text();
    expect(searched).toContain("Samtidig.");
    expect(searched).not.toContain("Nå ferdig.");
    const stepped = await (await jsA.get(`/log/mine?step=4&month=${month}`)).text();
    expect(stepped).toContain("Dobbeltklikk-testen.");
    const none = await (await jsA.get("/log/mine?step=5&month=2017-01")).text();
    expect(none).toContain("Ingen notater passer med utvalget.");
  });

  it("downloads the own log as CSV with the labels of Tabell 5, and as a printable page", async () => {
    await postNote(jsA, await draftKeyOf(jsA), { situasjon: "=HYPERLINK(\"http://x\")", resultat: "linje én\nlinje to" });
    const res = await jsA.get(`/log/mine.csv?month=${month}`);
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheet programs
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("Måned,Dato,Situasjon,Jobbspesialistens bistand,Resultat,Hva kunne gjøres annerledes?,Ev. hva fungerte? – påpek god praksis,Trinn i SE,Trinn (navn),Status");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"linje én\nlinje to"');
    expect(csv).not.toContain("Forrige måned.");
    const print = await (await jsA.get(`/log/mine/print?month=${month}`)).text();
    expect(print).toContain("Logg for Aina Demosen");
    expect(print).toContain("Nå ferdig.");
  });
});

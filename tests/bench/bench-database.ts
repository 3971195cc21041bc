// The database the benchmarks run on: the demo project grown to the size of a large study.
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { loadDemo } from "../../db/demo/index.server";
import { NOTE_TEXTS } from "./note-texts";

const POOL = NOTE_TEXTS;
/** Deterministic note text of varied length. */
export function noteText(i: number, field: number): string {
  return POOL[(i * 7 + field * 131) % POOL.length];
}

function months(): string[] {
  const out: string[] = [];
  for (let y = 2017, m = 9; y < 2019; m++) {
    if (m > 12) {
      m = 1;
      y++;
      if (y === 2019) break;
    }
    out.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return out;
}

/**
 * The demo project with `notes` log notes in all (in submitted months, text from the demo's
 * fragments) and `reports` participant reports (copies of the demo's); returns the passwords of
 * the demo's people, printed once when the demo is loaded.
 */
export function buildDatabase(file: string, size: { notes: number; reports: number }): Promise<Record<string, string>> {
  return (async () => {
    const { db, sqlite } = openDatabase(file);
    migrateDatabase(db);
    const loaded = await loadDemo(db);
    const authors = sqlite.prepare("SELECT id, case_project_id AS cp FROM users WHERE role = 'job_specialist' ORDER BY id").all() as { id: number; cp: number }[];
    const ms = months();
    const have = (sqlite.prepare("SELECT count(*) AS n FROM log_notes").get() as { n: number }).n;
    const insertNote = sqlite.prepare(
      "INSERT INTO log_notes (project_id, author_id, case_project_id, client_key, month, date, step, instrument_id, instrument_version, answers) VALUES (1, ?, ?, ?, ?, ?, ?, 'log-entry', 1, ?)",
    );
    const insertMonth = sqlite.prepare("INSERT OR IGNORE INTO log_months (author_id, month, project_id, status, submitted_at) VALUES (?, ?, 1, 'submitted', 1546300800)");
    sqlite.transaction(() => {
      for (let i = 0; i < size.notes - have; i++) {
        const a = authors[i % authors.length];
        const month = ms[Math.floor(i / authors.length) % ms.length];
        const date = `${month}-${String(1 + (i % 28)).padStart(2, "0")}`;
        const step = 1 + (i % 5);
        const answers = { dato: date, situasjon: noteText(i, 0), bistand: noteText(i, 1), resultat: noteText(i, 2), annerledes: noteText(i, 3), god_praksis: i % 3 ? noteText(i, 4) : null, trinn: step };
        insertNote.run(a.id, a.cp, `bench-${i}`, month, date, step, JSON.stringify(answers));
        insertMonth.run(a.id, month);
      }
    })();
    // Participant reports: copies of the demo's versions under new participants.
    const demo = sqlite.prepare("SELECT p.case_project_id AS cp, p.js_id AS js, p.start_month AS start, v.answers, v.status, v.effective_date AS eff FROM report_participants p JOIN report_versions v ON v.participant_id = p.id WHERE p.withdrawn_date IS NULL").all() as {
      cp: number;
      js: number;
      start: string;
      answers: string;
      status: number;
      eff: string;
    }[];
    const haveReports = (sqlite.prepare("SELECT count(*) AS n FROM report_participants WHERE withdrawn_date IS NULL").get() as { n: number }).n;
    const addParticipant = sqlite.prepare(
      "INSERT INTO report_participants (project_id, case_project_id, js_id, code, client_key, start_month, consent_date, consent_recorded_by) VALUES (1, ?, ?, ?, ?, ?, '2018-01-01', ?) RETURNING id",
    );
    const addVersion = sqlite.prepare(
      "INSERT INTO report_versions (participant_id, number, effective_date, instrument_id, instrument_version, answers, status, author_id, client_key) VALUES (?, 1, ?, 'participant-report', 1, ?, ?, ?, ?)",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < size.reports - haveReports; i++) {
        const d = demo[i % demo.length];
        const answers = JSON.parse(d.answers);
        if (typeof answers.alder_overtatt === "number") answers.alder_overtatt = 18 + ((answers.alder_overtatt + i) % 45);
        const { id } = addParticipant.get(d.cp, d.js, `B-${String(i).padStart(6, "0")}`, `bench-${i}`, d.start, d.js) as { id: number };
        addVersion.run(id, d.eff, JSON.stringify(answers), d.status, d.js, `bench-${i}`);
      }
    })();
    sqlite.close();
    return Object.fromEntries(loaded.created.map((p) => [p.email, p.password]));
  })();
}

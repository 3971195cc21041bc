// Demo logs for afi-2017 that reproduce the delivery figures of instruments.md §3.4: of the 17
// job specialists, 5 submitted all 16 months (september 2017 – desember 2018), 8 more submitted
// some months, the rest none (two of them left unsubmitted notes). Notes spread over all five
// steps, their words composed by log-texts.ts (no two notes of one person alike). Synthetic: no
// real persons. Deterministic (seeded), and idempotent: nothing is added once demo notes exist.
import { and, eq, like } from "drizzle-orm";
import { logMonthEvents, logMonths, logNotes, users } from "../schema";
import { type Db, writeTransaction } from "../connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { toFormInstrument } from "../../app/instruments/types";
import { projectPeopleNames } from "../../app/logs/author.server";
import { findInAnswers, findingKinds, nameMatcher } from "../../app/logs/identifiers";
import { LOG_INSTRUMENT_ID, logShape } from "../../app/logs/instrument";
import { monthRange } from "../../app/logs/months";
import { searchTextOf } from "../../app/logs/notes.server";
import { demoJobSpecialists, demoProject } from "./people";
import { composeDemoNote, type DemoStep } from "./log-texts";
import { mulberry32 } from "./random";

export { demoNoteText } from "./log-texts";

/** Who delivered what (indexes into demoJobSpecialists). */
export const demoDelivery = {
  all: [1, 4, 7, 10, 13],
  some: [0, 2, 3, 5, 8, 11, 14, 15],
  /** Of the rest, these left notes they never submitted. */
  notesOnly: [6, 12],
} as const;

function workdays(month: string): string[] {
  const [y, m] = month.split("-").map(Number);
  const days: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1) break;
    const wd = date.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(`${month}-${String(d).padStart(2, "0")}`);
  }
  return days;
}

const seconds = (date: string, hour: number) => Math.floor(Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`) / 1000);

export function loadLogDemo(db: Db, projectId: number): { notes: number; submittedMonths: number } {
  if (db.select({ id: logNotes.id }).from(logNotes).where(like(logNotes.clientKey, "demo-%")).limit(1).get()) return { notes: 0, submittedMonths: 0 };
  const compiled = loadCodebook().get(LOG_INSTRUMENT_ID);
  if (!compiled) return { notes: 0, submittedMonths: 0 };
  const shape = logShape(toFormInstrument(compiled));
  const months = monthRange(demoProject.logStart, demoProject.logEnd);
  const names = nameMatcher(projectPeopleNames(db, projectId));
  let notes = 0;
  let submittedMonths = 0;
  writeTransaction(db, (tx) => {
    demoJobSpecialists.forEach((js, index) => {
      const user = tx
        .select({ id: users.id, caseProjectId: users.caseProjectId })
        .from(users)
        .where(and(eq(users.email, js.email), eq(users.role, "job_specialist")))
        .get();
      if (!user?.caseProjectId) return;
      const rnd = mulberry32(2017 + index * 7919);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
      // The words come from a generator of their own, so the delivery figures and steps drawn from
      // `rnd` stay what they were; a person never writes the same situation or help twice.
      const words = mulberry32(4711 + index * 104729);
      const said = new Set<string>();
      let submitted: Set<string>;
      let written: Set<string>;
      if ((demoDelivery.all as readonly number[]).includes(index)) {
        submitted = new Set(months);
        written = new Set(months);
      } else if ((demoDelivery.some as readonly number[]).includes(index)) {
        const count = [4, 12, 7, 9, 3, 11, 6, 14][demoDelivery.some.indexOf(index as never)];
        const start = Math.floor(rnd() * (months.length - count + 1));
        submitted = new Set(months.slice(start, start + count));
        written = new Set([...submitted, ...months.filter((m) => !submitted.has(m) && rnd() < 0.15)]);
      } else if ((demoDelivery.notesOnly as readonly number[]).includes(index)) {
        submitted = new Set();
        written = new Set([months[2 + (index % 5)], months[3 + (index % 5)]]);
      } else return;
      for (const [i, month] of months.entries()) {
        if (!written.has(month)) continue;
        const days = workdays(month);
        const count = 3 + Math.floor(rnd() * 5);
        const dates = Array.from({ length: count }, () => pick(days)).sort();
        for (const [n, date] of dates.entries()) {
          // Early in the period the first steps dominate, later the last ones.
          const progress = i / (months.length - 1);
          const step = Math.min(5, Math.max(1, Math.round(1 + progress * 4 + (rnd() * 2.4 - 1.2)))) as DemoStep;
          // Draws kept from when the words were picked with `rnd`: four columns, then god_praksis.
          for (let k = 0; k < 4; k++) rnd();
          const withPractice = rnd() < 0.65;
          if (withPractice) rnd();
          let text = composeDemoNote(step, words, withPractice);
          for (let tries = 0; tries < 50 && (said.has(text.situasjon!) || said.has(text.bistand!)); tries++) text = composeDemoNote(step, words, withPractice);
          said.add(text.situasjon!).add(text.bistand!);
          const answers = { [shape.date]: date, ...text, [shape.step]: step };
          const at = seconds(date, 14 + (n % 3));
          tx.insert(logNotes)
            .values({
              projectId,
              authorId: user.id,
              caseProjectId: user.caseProjectId,
              clientKey: `demo-${js.email}-${month}-${n}`,
              month,
              date,
              step,
              instrumentId: compiled.id,
              instrumentVersion: compiled.version,
              answers,
              searchText: searchTextOf(shape, answers),
              flags: findingKinds(findInAnswers(answers, shape.texts.map((x) => x.name), { names })),
              createdAt: at,
              updatedAt: at,
            })
            .run();
          notes++;
        }
        if (submitted.has(month)) {
          const next = months[i + 1] ?? `${Number(month.slice(0, 4)) + 1}-01`;
          const at = seconds(`${next}-0${2 + (index % 5)}`, 8);
          tx.insert(logMonths).values({ authorId: user.id, month, projectId, status: "submitted", submittedAt: at }).run();
          tx.insert(logMonthEvents).values({ authorId: user.id, month, kind: "submitted", actorId: user.id, noteCount: count, at }).run();
          submittedMonths++;
        }
      }
    });
  });
  return { notes, submittedMonths };
}

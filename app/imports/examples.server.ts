// Example files a researcher can import at once, made from the project as it stands: a log in
// the AFI layout (Tabell 5's columns and headings, one row per note, dates as Excel dates, steps
// as «Trinn 3»), a participant sheet (one row per participant, by code, answers in words as an
// Excel sheet would hold them) and an attendance list (CSV). Their rows pass the import's dry run.
import ExcelJS from "exceljs";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { exchanges, projects, reportParticipants, reportVersions } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { Codebook } from "~/instruments/codebook.server";
import { answersToFormValues } from "~/instruments/form-values";
import { composeDemoNote, type DemoStep } from "../../db/demo/log-texts";
import { logInstrument } from "~/logs/instrument.server";
import { reportInstrument } from "~/reports/instrument.server";
import { csvText, UTF8_BOM } from "~/server/csv.server";
import { instrumentTargets, metaTarget } from "./columns";
import { projectPeople } from "./plan.server";

export const EXAMPLE_FILES = {
  "logg-eksempel.xlsx": "log",
  "deltakere-eksempel.xlsx": "reports",
  "oppmote-eksempel.csv": "attendance",
} as const;
export type ExampleFile = keyof typeof EXAMPLE_FILES;

/** A small seeded generator (mulberry32), so the example is the same every time. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function workbook(sheetName: string, rows: (string | number | Date | null)[][]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = "Medforsker";
  const sheet = book.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    const row = sheet.addRow(r);
    if (i === 0) row.font = { bold: true };
  });
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

type Ctx = { db: Db; codebook: Codebook };
type Project = typeof projects.$inferSelect;

/** Tabell 5: twelve notes by the project's first three job specialists in the first month of its log. */
async function logExample({ db, codebook }: Ctx, project: Project): Promise<Uint8Array<ArrayBuffer>> {
  const { form } = logInstrument({ codebook });
  const specialists = projectPeople(db, project.id).filter((p) => p.role === "job_specialist").slice(0, 3);
  const month = project.logStart ?? "2017-09";
  const random = seeded(2017);
  const header = [metaTarget("person", true).label.nb, ...instrumentTargets(form).map((t) => t.label.nb)];
  const rows: (string | number | Date | null)[][] = [header];
  specialists.forEach((js, j) => {
    for (let i = 0; i < 4; i++) {
      const step = (1 + ((i + j) % 5)) as DemoStep;
      const note = composeDemoNote(step, random, i % 2 === 0);
      const day = 2 + i * 5 + j;
      rows.push([js.email, new Date(`${month}-${String(day).padStart(2, "0")}T00:00:00Z`), note.situasjon, note.bistand, note.resultat, note.annerledes, note.god_praksis, `Trinn ${step}`]);
    }
  });
  return workbook("Logg", rows);
}

/** Ten participants, each the copy of one of the project's reports under a new code, in words. */
async function reportsExample({ db, codebook }: Ctx, project: Project): Promise<Uint8Array<ArrayBuffer>> {
  const instrument = reportInstrument(codebook);
  const targets = instrumentTargets(instrument.form);
  const people = new Map(projectPeople(db, project.id).map((p) => [p.id, p]));
  const sources = db
    .select({ id: reportParticipants.id, jsId: reportParticipants.jsId, startMonth: reportParticipants.startMonth, consentDate: reportParticipants.consentDate })
    .from(reportParticipants)
    .where(and(eq(reportParticipants.projectId, project.id), isNull(reportParticipants.withdrawnDate)))
    .orderBy(asc(reportParticipants.id))
    .limit(10)
    .all();
  const header = [metaTarget("code", true), metaTarget("person", true), metaTarget("startMonth", true), metaTarget("consentDate", true), metaTarget("effectiveDate", true)].map((t) => t.label.nb);
  const rows: (string | number | Date | null)[][] = [[...header, ...targets.map((t) => t.label.nb)]];
  sources.forEach((p, i) => {
    const version = db.select().from(reportVersions).where(eq(reportVersions.participantId, p.id)).orderBy(desc(reportVersions.number)).limit(1).get();
    if (!version) return;
    const values = answersToFormValues(instrument.form, version.answers);
    const words = targets.map((t) => {
      const v = values.get(t.key);
      if (v === undefined || v === "") return null;
      if (t.value === "flag") return v === "1" ? "Ja" : null;
      if (t.value === "choice") return t.options.find((o) => String(o.code) === v)?.label.nb ?? v;
      if (t.value === "integer") return Number(v);
      return v;
    });
    const js = people.get(p.jsId);
    rows.push([`AFI-${String(101 + i)}`, js?.email ?? "", p.startMonth, new Date(`${p.consentDate}T00:00:00Z`), new Date(`${version.effectiveDate}T00:00:00Z`), ...words]);
  });
  return workbook("Deltakere", rows);
}

/** The project's first exchange: who of its audience came. */
function attendanceExample({ db }: Ctx, project: Project): string {
  const first = db.select().from(exchanges).where(eq(exchanges.projectId, project.id)).orderBy(asc(exchanges.date)).limit(1).get();
  const role = first?.audience === "case_leads" ? "case_lead" : "job_specialist";
  const people = projectPeople(db, project.id).filter((p) => p.role === role);
  const rows = [["Samling", "E-post", "Til stede"], ...people.map((p, i) => [first ? first.date.split("-").reverse().join(".") : "", p.email, i % 4 === 3 ? "Nei" : "Ja"])];
  return UTF8_BOM + csvText(rows, { delimiter: ";" });
}

export async function exampleFile(ctx: Ctx, projectId: number, file: ExampleFile): Promise<{ body: Uint8Array<ArrayBuffer> | string; type: string }> {
  const project = ctx.db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw new Error(`no project ${projectId}`);
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  switch (EXAMPLE_FILES[file]) {
    case "log":
      return { body: await logExample(ctx, project), type: xlsx };
    case "reports":
      return { body: await reportsExample(ctx, project), type: xlsx };
    default:
      return { body: attendanceExample(ctx, project), type: "text/csv; charset=utf-8" };
  }
}

// Confirming an import: the plan's writes in one transaction (all rows or none), the import
// recorded with the file's SHA-256 (never the file), each record marked with the import and its
// row, the mapping remembered for the project, the audit log told. A month of notes brought in
// from the team's old files was delivered then: it is marked submitted, with the import as reason.
import { and, eq, max, sql } from "drizzle-orm";
import { exchangeAttendance, importFiles, importMappings, imports, logMonthEvents, logMonths, logNotes, reportParticipants, reportVersions, type ImportKind } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import { monthOf } from "~/logs/months";
import type { Plan } from "./plan.server";

export interface ApplyInput {
  readonly projectId: number;
  readonly kind: ImportKind;
  readonly actorId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly sheet: string | null;
  readonly token: string;
  /** Heading → target, remembered for the next file of this kind. */
  readonly mapping: Readonly<Record<string, string>>;
}

export interface Applied {
  readonly importId: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

export function applyImport(db: Db, plan: Plan, input: ApplyInput): Applied {
  return writeTransaction(db, (tx) => {
    const { id: importId } = tx
      .insert(imports)
      .values({
        projectId: input.projectId,
        kind: input.kind,
        actorId: input.actorId,
        fileName: input.fileName,
        sha256: input.sha256,
        sheet: input.sheet,
        rows: plan.rows.length,
        created: plan.counts.create,
        updated: plan.counts.update,
        unchanged: plan.counts.unchanged,
        rejected: plan.counts.reject,
      })
      .returning({ id: imports.id })
      .get();
    const months = new Map<string, { authorId: number; month: string; notes: number }>();
    const codes = new Map<string, number>();
    for (const w of plan.writes) {
      if (w.kind === "note") {
        tx.insert(logNotes)
          .values({
            projectId: input.projectId,
            authorId: w.authorId,
            caseProjectId: w.caseProjectId,
            clientKey: w.key,
            month: monthOf(w.date),
            date: w.date,
            step: w.step,
            instrumentId: plan.instrument!.id,
            instrumentVersion: plan.instrument!.version,
            answers: w.answers,
            searchText: w.searchText,
            flags: [...w.flags],
            importId,
            importRow: w.row,
          })
          .onConflictDoNothing()
          .run();
        const month = `${w.authorId}|${monthOf(w.date)}`;
        const m = months.get(month) ?? { authorId: w.authorId, month: monthOf(w.date), notes: 0 };
        m.notes++;
        months.set(month, m);
      } else if (w.kind === "version") {
        let participantId = w.participantId ?? codes.get(w.code) ?? null;
        if (participantId === null) {
          participantId = tx
            .insert(reportParticipants)
            .values({
              projectId: input.projectId,
              caseProjectId: w.caseProjectId,
              jsId: w.jsId,
              code: w.code,
              clientKey: w.key,
              startMonth: w.startMonth,
              consentDate: w.consentDate,
              consentRecordedBy: input.actorId,
            })
            .returning({ id: reportParticipants.id })
            .get().id;
          codes.set(w.code, participantId);
        }
        const last = tx.select({ n: max(reportVersions.number) }).from(reportVersions).where(eq(reportVersions.participantId, participantId)).get()?.n ?? 0;
        tx.insert(reportVersions)
          .values({
            participantId,
            number: last + 1,
            effectiveDate: w.effectiveDate,
            instrumentId: plan.instrument!.id,
            instrumentVersion: plan.instrument!.version,
            answers: w.answers,
            status: Number(w.answers.status),
            authorId: w.jsId,
            clientKey: w.key,
            importId,
            importRow: w.row,
          })
          .onConflictDoNothing()
          .run();
      } else if (w.present) {
        tx.insert(exchangeAttendance).values({ exchangeId: w.exchangeId, userId: w.userId, importId, importRow: w.row }).onConflictDoNothing().run();
      } else {
        tx.delete(exchangeAttendance).where(and(eq(exchangeAttendance.exchangeId, w.exchangeId), eq(exchangeAttendance.userId, w.userId))).run();
      }
    }
    const now = Math.floor(Date.now() / 1000);
    for (const m of months.values()) {
      const state = tx.select({ status: logMonths.status }).from(logMonths).where(and(eq(logMonths.authorId, m.authorId), eq(logMonths.month, m.month))).get();
      if (state?.status === "submitted") continue;
      tx.insert(logMonths)
        .values({ authorId: m.authorId, month: m.month, projectId: input.projectId, status: "submitted", submittedAt: now })
        .onConflictDoUpdate({ target: [logMonths.authorId, logMonths.month], set: { status: "submitted", submittedAt: now } })
        .run();
      const notes = tx.select({ n: sql<number>`count(*)` }).from(logNotes).where(and(eq(logNotes.authorId, m.authorId), eq(logNotes.month, m.month))).get()?.n ?? m.notes;
      tx.insert(logMonthEvents).values({ authorId: m.authorId, month: m.month, kind: "submitted", actorId: input.actorId, reason: `import ${importId}`, noteCount: notes }).run();
    }
    tx.insert(importMappings)
      .values({ projectId: input.projectId, kind: input.kind, mapping: { ...input.mapping } })
      .onConflictDoUpdate({ target: [importMappings.projectId, importMappings.kind], set: { mapping: { ...input.mapping }, updatedAt: now } })
      .run();
    tx.delete(importFiles).where(eq(importFiles.token, input.token)).run();
    audit(tx, input.actorId, "import.confirmed", `project:${input.projectId}`, {
      projectId: input.projectId,
      kind: input.kind,
      importId,
      sha256: input.sha256,
      rows: plan.rows.length,
      created: plan.counts.create,
      updated: plan.counts.update,
      unchanged: plan.counts.unchanged,
      rejected: plan.counts.reject,
    });
    return { importId, created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged, rejected: plan.counts.reject };
  });
}

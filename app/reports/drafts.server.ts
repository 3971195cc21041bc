// One draft per participant: the raw values of the report form as last typed (instrument fields
// plus the effective date), kept until a version is saved or the draft is discarded.
import { eq } from "drizzle-orm";
import { reportDrafts } from "../../db/schema";
import type { DbOrTx } from "../../db/connection.server";

export function getDraft(db: DbOrTx, participantId: number) {
  return db.select({ values: reportDrafts.values, updatedAt: reportDrafts.updatedAt }).from(reportDrafts).where(eq(reportDrafts.participantId, participantId)).get();
}

export function saveDraft(db: DbOrTx, participantId: number, authorId: number, values: Record<string, string>): void {
  const updatedAt = Math.floor(Date.now() / 1000);
  db.insert(reportDrafts)
    .values({ participantId, authorId, values, updatedAt })
    .onConflictDoUpdate({ target: reportDrafts.participantId, set: { authorId, values, updatedAt } })
    .run();
}

export function deleteDraft(db: DbOrTx, participantId: number): void {
  db.delete(reportDrafts).where(eq(reportDrafts.participantId, participantId)).run();
}

// Homework («hjemmeoppgaver», instruments.md §5.4 item 5): written tasks for the invited, each
// with the kind of document asked for and a deadline. Shown with the agenda; the documents
// themselves are brought to the exchange (an agenda item of kind homework_review).
import { and, asc, eq } from "drizzle-orm";
import { exchangeHomework, type HomeworkDocumentType } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";

export interface HomeworkInput {
  readonly title: string;
  readonly description: string;
  readonly documentType: HomeworkDocumentType;
  readonly deadline: string | null;
}

export type Homework = typeof exchangeHomework.$inferSelect;

export function listHomework(db: DbOrTx, exchangeId: number): Homework[] {
  return db.select().from(exchangeHomework).where(eq(exchangeHomework.exchangeId, exchangeId)).orderBy(asc(exchangeHomework.position), asc(exchangeHomework.id)).all();
}

const clean = (input: HomeworkInput) => ({ title: input.title.trim(), description: input.description.trim(), documentType: input.documentType, deadline: input.deadline || null });

export function addHomework(db: Db, exchangeId: number, input: HomeworkInput, clientKey: string | null): number {
  return writeTransaction(db, (tx) => {
    if (clientKey) {
      const existing = tx.select({ id: exchangeHomework.id }).from(exchangeHomework).where(and(eq(exchangeHomework.exchangeId, exchangeId), eq(exchangeHomework.clientKey, clientKey))).get();
      if (existing) return existing.id;
    }
    const position = listHomework(tx, exchangeId).length + 1;
    return tx.insert(exchangeHomework).values({ exchangeId, position, clientKey, ...clean(input) }).returning({ id: exchangeHomework.id }).get().id;
  });
}

export function updateHomework(db: Db, exchangeId: number, id: number, input: HomeworkInput): boolean {
  const row = db.select({ id: exchangeHomework.id }).from(exchangeHomework).where(and(eq(exchangeHomework.exchangeId, exchangeId), eq(exchangeHomework.id, id))).get();
  if (!row) return false;
  db.update(exchangeHomework).set(clean(input)).where(eq(exchangeHomework.id, id)).run();
  return true;
}

export function deleteHomework(db: Db, exchangeId: number, id: number): void {
  writeTransaction(db, (tx) => {
    tx.delete(exchangeHomework).where(and(eq(exchangeHomework.exchangeId, exchangeId), eq(exchangeHomework.id, id))).run();
    listHomework(tx, exchangeId).forEach((h, i) => tx.update(exchangeHomework).set({ position: i + 1 }).where(eq(exchangeHomework.id, h.id)).run());
  });
}

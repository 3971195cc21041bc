// The agenda of an exchange: ordered items that can be added, changed, moved, removed, and
// copied from an earlier exchange. Positions are kept dense (1, 2, 3 …) after every change.
import { and, asc, eq } from "drizzle-orm";
import { exchangeAgendaItems, type AgendaItemKind } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";

export interface AgendaInput {
  readonly time: string | null;
  readonly title: string;
  readonly description: string;
  readonly leader: string;
  readonly kind: AgendaItemKind;
}

export type AgendaItem = typeof exchangeAgendaItems.$inferSelect;

export function listAgenda(db: DbOrTx, exchangeId: number): AgendaItem[] {
  return db.select().from(exchangeAgendaItems).where(eq(exchangeAgendaItems.exchangeId, exchangeId)).orderBy(asc(exchangeAgendaItems.position), asc(exchangeAgendaItems.id)).all();
}

function clean(input: AgendaInput) {
  return { time: input.time || null, title: input.title.trim(), description: input.description.trim(), leader: input.leader.trim(), kind: input.kind };
}

/** Adds an item at the end; the form's client key makes a second submit a no-op. */
export function addAgendaItem(db: Db, exchangeId: number, input: AgendaInput, clientKey: string | null): number {
  return writeTransaction(db, (tx) => {
    if (clientKey) {
      const existing = tx
        .select({ id: exchangeAgendaItems.id })
        .from(exchangeAgendaItems)
        .where(and(eq(exchangeAgendaItems.exchangeId, exchangeId), eq(exchangeAgendaItems.clientKey, clientKey)))
        .get();
      if (existing) return existing.id;
    }
    const position = listAgenda(tx, exchangeId).length + 1;
    return tx.insert(exchangeAgendaItems).values({ exchangeId, position, clientKey, ...clean(input) }).returning({ id: exchangeAgendaItems.id }).get().id;
  });
}

function itemOf(db: DbOrTx, exchangeId: number, itemId: number) {
  return db.select().from(exchangeAgendaItems).where(and(eq(exchangeAgendaItems.exchangeId, exchangeId), eq(exchangeAgendaItems.id, itemId))).get();
}

/** False when the item is not on this exchange's agenda. */
export function updateAgendaItem(db: Db, exchangeId: number, itemId: number, input: AgendaInput): boolean {
  if (!itemOf(db, exchangeId, itemId)) return false;
  db.update(exchangeAgendaItems).set(clean(input)).where(eq(exchangeAgendaItems.id, itemId)).run();
  return true;
}

function renumber(tx: DbOrTx, ids: readonly number[]) {
  ids.forEach((id, i) => tx.update(exchangeAgendaItems).set({ position: i + 1 }).where(eq(exchangeAgendaItems.id, id)).run());
}

export function deleteAgendaItem(db: Db, exchangeId: number, itemId: number): void {
  writeTransaction(db, (tx) => {
    tx.delete(exchangeAgendaItems).where(and(eq(exchangeAgendaItems.exchangeId, exchangeId), eq(exchangeAgendaItems.id, itemId))).run();
    renumber(tx, listAgenda(tx, exchangeId).map((i) => i.id));
  });
}

/** Moves an item one place up or down (no JavaScript needed: one button each). */
export function moveAgendaItem(db: Db, exchangeId: number, itemId: number, direction: "up" | "down"): boolean {
  return writeTransaction(db, (tx) => {
    const ids = listAgenda(tx, exchangeId).map((i) => i.id);
    const i = ids.indexOf(itemId);
    if (i < 0) return false;
    const j = direction === "up" ? i - 1 : i + 1;
    if (j >= 0 && j < ids.length) [ids[i], ids[j]] = [ids[j], ids[i]];
    renumber(tx, ids);
    return true;
  });
}

/** Replaces the agenda with a copy of another exchange's (replacing, so a resubmit changes nothing). */
export function copyAgenda(db: Db, fromExchangeId: number, toExchangeId: number): number {
  return writeTransaction(db, (tx) => {
    const source = listAgenda(tx, fromExchangeId);
    tx.delete(exchangeAgendaItems).where(eq(exchangeAgendaItems.exchangeId, toExchangeId)).run();
    source.forEach((item, i) =>
      tx
        .insert(exchangeAgendaItems)
        .values({ exchangeId: toExchangeId, position: i + 1, time: item.time, title: item.title, description: item.description, leader: item.leader, kind: item.kind })
        .run(),
    );
    return source.length;
  });
}

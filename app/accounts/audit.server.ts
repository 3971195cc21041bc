// The audit log: who did what to whom. Researchers can read it.
import { auditLog } from "../../db/schema";
import type { DbOrTx } from "../../db/connection.server";

export function audit(db: DbOrTx, actorId: number | null, action: string, subject = "", details?: Record<string, unknown>) {
  db.insert(auditLog).values({ actorId, action, subject, details: details ?? null }).run();
}

// The audit log: who did what to whom. Researchers can read it (/audit, as sentences).
import { AsyncLocalStorage } from "node:async_hooks";
import { auditLog } from "../../db/schema";
import type { DbOrTx } from "../../db/connection.server";

type Acting = { actorId: number | null; via?: "cli" };
const acting = new AsyncLocalStorage<Acting>();

/**
 * Runs `work` with every audit entry written inside it credited to `actorId` (and, from the
 * command line, marked `via: "cli"`). The demo loader writes its data as the demo's own people
 * (transcripts by «Forsker Demosen»), but the log must name whoever really pressed the button.
 */
export function auditAs<T>(actorId: number | null, work: () => T, via?: "cli"): T {
  return acting.run({ actorId, via }, work);
}

export function audit(db: DbOrTx, actorId: number | null, action: string, subject = "", details?: Record<string, unknown>) {
  const as = acting.getStore();
  const recorded = as?.via && !details?.via ? { ...details, via: as.via } : details;
  db.insert(auditLog).values({ actorId: as ? as.actorId : actorId, action, subject, details: recorded ?? null }).run();
}

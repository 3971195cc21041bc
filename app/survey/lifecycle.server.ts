// Closing a wave: once no more answers can come, the used marks are written into the ledger in
// one batch and the spent set of the wave is deleted (store-core.mjs `finalise`), so the key
// that joins a link to the spent set has nothing left to join for this wave.
import type { AppLoadContext } from "@remix-run/node";
import type { SurveyWave } from "../../db/schema";
import { surveyStore } from "./store.server";
import { closeWave, getWave, waveStatus } from "./waves.server";

type Ctx = Pick<AppLoadContext, "db" | "sqlite" | "secrets" | "config">;

/** Finalises a wave whose close date has passed (or that was closed) if not done yet. */
export async function ensureFinalised(context: Ctx, wave: SurveyWave): Promise<SurveyWave> {
  if (wave.finalisedAt !== null || waveStatus(wave) !== "closed") return wave;
  await surveyStore(context).finalise(wave.id);
  return getWave(context.db, wave.id) ?? wave;
}

export async function closeWaveNow(context: Ctx, waveId: number, actorId: number): Promise<void> {
  closeWave(context.db, waveId, actorId);
  await surveyStore(context).finalise(waveId);
}

// Note texts for the benchmarks: 997 texts of one to four of the demo's Norwegian log fragments
// (the demo's plausible practice notes), so the export and the name detector are measured on the
// same kind of text.
import { demoNoteText } from "../../db/demo/logs.server";

const fragments = Object.values(demoNoteText).flatMap((pool) => Object.values(pool).flat());

export const NOTE_TEXTS: readonly string[] = Array.from({ length: 997 }, (_, p) => {
  const parts = 1 + (p % 4);
  return Array.from({ length: parts }, (__, k) => fragments[(p * 13 + k * 17) % fragments.length]).join(" ");
});

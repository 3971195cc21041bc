// Benchmark of the streaming .sav writer on synthetic log-note rows (12 variables, 4 of them free text).
// Run: npx tsx tests/bench/sav-writer.bench.ts            (100k and 200k rows, each in a fresh process)
//      npx tsx tests/bench/sav-writer.bench.ts 100000 none (one run: rows, compression)
// Prints the time to encode (bytes discarded) and to write a file, and the process's peak RSS.
// Rows are generated lazily and never held, as when streaming from the database.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataDictionary, Row } from "../../app/exports/dictionary";
import { writeSav, writeSavFile } from "../../app/exports/spss/sav-writer.server";

const dict: DataDictionary = {
  fileLabel: "Loggnotater (syntetiske)",
  variables: [
    { name: "notat_id", label: "Notat-ID", type: "numeric", measure: "scale", decimals: 0 },
    { name: "deltaker_id", label: "Deltaker (anonymisert)", type: "numeric", measure: "nominal", decimals: 0 },
    { name: "dato", label: "Dato for notatet", type: "date", measure: "scale" },
    {
      name: "kategori", label: "Kategori", type: "numeric", measure: "nominal",
      valueLabels: [{ value: 1, label: "Møte" }, { value: 2, label: "Observasjon" }, { value: 3, label: "Refleksjon" }, { value: 9, label: "Ukjent" }],
      missing: [9],
    },
    { name: "stemning", label: "Stemning (1–5)", type: "numeric", measure: "ordinal" },
    { name: "varighet_min", label: "Varighet i minutter", type: "numeric", measure: "scale", decimals: 1 },
    { name: "sted", label: "Sted", type: "string", measure: "nominal", width: 24 },
    { name: "rolle", label: "Rolle", type: "string", measure: "nominal", width: 8 },
    { name: "notat", label: "Loggnotat (fritekst)", type: "string", measure: "nominal", width: 2400 },
    { name: "refleksjon", label: "Refleksjon (fritekst)", type: "string", measure: "nominal", width: 1000 },
    { name: "oppfolging", label: "Oppfølging (fritekst)", type: "string", measure: "nominal", width: 400 },
    { name: "stikkord", label: "Stikkord", type: "string", measure: "nominal", width: 120 },
  ],
};

const SENTENCES = [
  "Vi hadde et godt møte med brukerrådet i dag. ",
  "Deltakerne var engasjerte og kom med mange innspill om tilgjengelighet. ",
  "Noen syntes at skjemaet var for langt, særlig spørsmålene om søvn og ernæring. ",
  "Jeg må følge opp avtalen med sykehjemmet på Ærøy før fredag. ",
  "«Det viktigste er at vi blir hørt», sa en av deltakerne.\n",
];
// A pool of texts of varied length, so generating rows costs little next to encoding them.
const pool = Array.from({ length: 997 }, (_, i) => {
  let s = "";
  const target = (i * 37) % 1900;
  for (let k = i; s.length < target; k++) s += SENTENCES[k % SENTENCES.length];
  return s;
});

function* rows(n: number): Generator<Row> {
  for (let i = 0; i < n; i++) {
    yield {
      notat_id: i + 1,
      deltaker_id: 1000 + (i % 250),
      dato: `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      kategori: i % 17 === 0 ? 9 : 1 + (i % 3),
      stemning: i % 11 === 0 ? null : 1 + (i % 5),
      varighet_min: (i % 240) * 0.5 + 0.25,
      sted: i % 2 ? "Bydelshuset på Tøyen" : "Digitalt",
      rolle: i % 3 ? "forsker" : "bruker",
      notat: pool[i % pool.length],
      refleksjon: i % 4 ? pool[(i * 7) % pool.length].slice(0, 900) : "",
      oppfolging: i % 5 ? null : pool[(i * 3) % pool.length].slice(0, 350),
      stikkord: "medvirkning; tilgjengelighet; ærlighet",
    };
  }
}

async function runOnce(n: number, compression: "bytecode" | "none") {
  // 1. Into a file on disk, as an export would (first, so this run pays for JIT warm-up).
  const dir = mkdtempSync(join(tmpdir(), "sav-bench-"));
  const path = join(dir, "bench.sav");
  let start = performance.now();
  const result = await writeSavFile(path, dict, rows(n), { compression, caseCount: n });
  const fileMs = performance.now() - start;
  const size = statSync(path).size;
  rmSync(dir, { recursive: true });
  // 2. Encoding only, into a sink that discards the bytes (the writer's own cost).
  start = performance.now();
  let bytes = 0;
  await writeSav(dict, rows(n), { write: (b: Uint8Array) => (bytes += b.length) }, { compression, caseCount: n });
  const encodeMs = performance.now() - start;
  if (size !== bytes) throw new Error("file and sink sizes differ");
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${String(n).padStart(7)} rows, ${compression.padEnd(8)}: to file ${fileMs.toFixed(0).padStart(5)} ms, encode only ${encodeMs.toFixed(0).padStart(5)} ms, ` +
      `peak RSS ${peakMb.toFixed(0)} MB, ${(bytes / 1e6).toFixed(1)} MB, ${result.truncatedValues} values cut`,
  );
}

const [nArg, compressionArg] = process.argv.slice(2);
if (nArg) {
  await runOnce(Number(nArg), (compressionArg as "bytecode" | "none") ?? "bytecode");
} else {
  const self = fileURLToPath(import.meta.url);
  for (const n of [100_000, 200_000]) {
    for (const c of ["bytecode", "none"]) {
      // A fresh process per run, so each peak RSS is its own.
      const r = spawnSync(process.execPath, [...process.execArgv, self, String(n), c], { stdio: "inherit" });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  }
}

// `npm run bench -- statistics`: how long the statistics page takes to build for each status date
// of the demo project, the first time (the whole suppression: every table, every case project,
// programme and the total, at the finest level each can be protected at) and again (the same
// status date and reports: kept in memory), in process on a fresh demo database. Also how many
// cells are hidden, primary (below k) and complementary, per date.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../db/connection.server";
import { translator } from "../../app/i18n/catalog";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { statisticsCubeFor, statisticsPage } from "../../app/reports/statistics-page.server";
import { seedDemo } from "../support/seed";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function main() {
  const { dataDir } = await seedDemo();
  const { db, sqlite } = openDatabase(path.join(dataDir, "medforsker.db"));
  const context = { db, codebook: loadCodebook() };
  const t = translator("nb");
  const page = (query: string) => statisticsPage(context, new URL(`http://bench/reports/statistics${query}`), t, "nb");
  const dates = ["", ...page("").asOfDates];
  const firsts: number[] = [];
  const rows: string[] = [];
  // Each repeat starts with nothing kept, so every date's first view pays the whole suppression.
  const best = new Map<string, { first: number; again: number }>();
  for (let r = 0; r < REPEAT; r++) {
    statisticsCubeFor.clear();
    for (const date of dates) {
      const query = date ? `?asOf=${date}` : "";
      let start = performance.now();
      page(query);
      const first = performance.now() - start;
      start = performance.now();
      page(`${query}${query ? "&" : "?"}programme=intro`);
      const again = performance.now() - start;
      const b = best.get(date);
      best.set(date, { first: Math.min(first, b?.first ?? Infinity), again: Math.min(again, b?.again ?? Infinity) });
    }
  }
  for (const date of dates) {
    const { first, again } = best.get(date)!;
    const cube = statisticsCubeFor.peek(date || null)!;
    firsts.push(first);
    rows.push(`${(date || "latest").padEnd(11)} ${first.toFixed(0).padStart(7)} ms ${again.toFixed(1).padStart(8)} ms ${String(cube.primary).padStart(8)} ${String(cube.secondary).padStart(10)}`);
  }
  console.log(`statistics page of the demo project, best of ${REPEAT}: first view of a status date (suppression) and a second view (kept)`);
  console.log(`${"status date".padEnd(11)} ${"first".padStart(10)} ${"again".padStart(11)} ${"primary".padStart(8)} ${"secondary".padStart(10)}`);
  for (const row of rows) console.log(row);
  const sorted = [...firsts].sort((a, b) => a - b);
  console.log(`first view: median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms over ${dates.length} status dates`);
  sqlite.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

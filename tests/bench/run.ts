// `npm run bench`: runs every tests/bench/*.bench.ts one after another (never in parallel: they
// measure the machine) and lets each print its own figures. `npm run bench -- NAME` runs those
// whose file name contains NAME.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve("tests/bench");
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), [path.join(dir, file)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
if (!files.length) console.log("No benchmarks found.");
process.exit(failed ? 1 : 0);

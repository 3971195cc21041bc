// `npm start`: build the app if the build is missing or older than the sources, take the
// database's server lock (one server per database file), open and migrate the database, check
// the instrument definitions, then serve.
import "./production-env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { readConfig } from "./config";
import { buildPaths } from "./build-paths";
import { createApp } from "./http.server";
import { fixDataModes, keepNewFilesPrivate } from "./data-files.server";
import { claimDatabase } from "./server-lock.server";
import { createServices } from "./services.server";

const { serverFile: buildFile, assetsDir } = buildPaths();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function buildIfNeeded() {
  const built = fs.existsSync(buildFile) ? fs.statSync(buildFile).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.resolve("app")), newestMtime(path.resolve("db")), fs.statSync("remix.config.js").mtimeMs);
  if (built >= sources) return;
  console.log("Building the app …");
  const result = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  keepNewFilesPrivate();
  buildIfNeeded();
  const config = readConfig();
  let services;
  try {
    claimDatabase(config.databasePath);
    services = createServices(config);
  } catch (error) {
    console.error(`Medforsker cannot start:\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const fixed = fixDataModes(config);
  if (fixed.length) console.log(`Made ${fixed.length} data files and folders readable by their owner only (0600/0700).`);
  // A wave whose close was cut short (a crash between closing and finalising) or whose close
  // date passed while the server was down is finalised before anyone is served.
  try {
    const finalised = await services.surveyStore.finaliseDue();
    if (finalised.length) console.log(`Finalised ${finalised.length} closed survey wave(s).`);
  } catch (error) {
    console.error(`survey: finalising closed waves failed (${error instanceof Error ? error.message : String(error)}); the writer tries again every hour.`);
  }
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const app = createApp(build, services, assetsDir);
  const server = app.listen(config.port, config.host, () => {
    console.log(`Medforsker is running on ${config.publicUrl} (database: ${config.databasePath})`);
    if (services.setupCode) {
      console.log(
        `\nNo researcher account exists yet, and other machines can reach this server. To set up\n` +
          `Medforsker, open ${config.publicUrl}/setup and enter this one-time setup code:\n\n    ${services.setupCode}\n`,
      );
    }
  });
  // Interrupted exports are marked failed and their files removed; queued ones run.
  void services.exportJobs.start();
  const stop = () => {
    server.close();
    server.closeAllConnections();
    services.exportJobs.stop();
    services.sqlite.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main();

// `npm run cli -- export …`: the same pipeline as the export centre, from a shell, as an export
// job run in this process. It writes the package where --out says, records it (export_packages,
// audit log) like a web export, and draws a progress bar when stderr is a terminal.
import crypto from "node:crypto";
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { translator } from "~/i18n/catalog";
import { openCodebook } from "~/instruments/versions.server";
import { readConfig } from "~/server/config";
import { loadSecrets } from "~/server/secrets.server";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { projects, users } from "../../db/schema";
import { DATASETS, FORMATS, isDataset, isFormat, isMonthString } from "./datasets";
import { runExportJob } from "./job-runner.server";
import { createJob, jobErrorMessage } from "./jobs.server";
import type { ExportActor } from "./pipeline.server";
import { getExport } from "./records.server";
import { employerSurveySource } from "./sources/employer-survey.server";

export const EXPORT_USAGE = `  export --project SLUG --data DATASET --format FORMAT --out PATH [options]
                                         anonymised export package (zip); DATASET is one of
                                         ${DATASETS.join(", ")};
                                         FORMAT is one of ${FORMATS.join(", ")}
      --wave ID            employer-survey wave (default: the latest closed one)
      --from YYYY-MM --to YYYY-MM        period (log, participant-reports)
      --cases ID,ID        case projects (default: all)
      --exchanges ID,ID    exchanges (exchange-preparation, transcripts; default: all)
      --lang nb|en         language of the labels in the data files (default nb)
      --new-pseudonyms     pseudonyms that cannot be linked to other exports
      --exact-dates        keep calendar dates instead of months
      --as EMAIL           the researcher the export is recorded for (default: the shell user)
`;

function ids(value: string | undefined): number[] {
  if (!value) return [];
  return value.split(",").map((s) => {
    const n = Number(s.trim());
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`Not an id: ${s}`);
    return n;
  });
}

/** A progress bar on stderr when it is a terminal (redrawn at most ten times a second). */
function progressBar() {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done: number, total: number, phase: "measure" | "write") => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * width);
    const label = phase === "measure" ? "measuring" : "writing  ";
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total} rows`);
    if (done >= total && phase === "write") process.stderr.write("\n");
  };
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      project: { type: "string" },
      data: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      wave: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      cases: { type: "string" },
      exchanges: { type: "string" },
      lang: { type: "string" },
      "new-pseudonyms": { type: "boolean" },
      "exact-dates": { type: "boolean" },
      as: { type: "string" },
    },
    allowPositionals: false,
  });
  const problems: string[] = [];
  if (!values.project) problems.push("--project is required");
  if (!isDataset(values.data)) problems.push(`--data must be one of ${DATASETS.join(", ")}`);
  if (!isFormat(values.format)) problems.push(`--format must be one of ${FORMATS.join(", ")}`);
  if (!values.out) problems.push("--out is required");
  for (const m of ["from", "to"] as const) if (values[m] !== undefined && !isMonthString(values[m])) problems.push(`--${m} must be YYYY-MM`);
  if (values.lang !== undefined && values.lang !== "nb" && values.lang !== "en") problems.push("--lang must be nb or en");
  if (problems.length) {
    console.error(`${problems.join("\n")}\n\nUsage: npm run cli -- export …\n${EXPORT_USAGE}`);
    return 2;
  }

  const config = readConfig();
  const { db, sqlite } = openDatabase(config.databasePath);
  try {
    migrateDatabase(db);
    const project = db.select().from(projects).where(eq(projects.slug, values.project!)).get();
    if (!project) {
      console.error(`No project with the slug ${values.project}.`);
      return 1;
    }
    let actor: ExportActor = { id: null, name: `${os.userInfo().username}@${os.hostname()}`, via: "cli" };
    if (values.as) {
      const user = db.select().from(users).where(and(eq(users.email, values.as), eq(users.role, "researcher"))).get();
      if (!user) {
        console.error(`No researcher with the e-mail address ${values.as}.`);
        return 1;
      }
      actor = { id: user.id, name: user.name, via: "cli" };
    }
    let waveId = values.wave ? Number(values.wave) : null;
    if (values.data === "employer-survey" && waveId === null) {
      const closed = employerSurveySource.choices(db, project.id).waves.filter((w) => w.closed && w.answers > 0);
      waveId = closed.length ? closed[closed.length - 1].id : null;
      if (waveId !== null) console.error(`Wave ${waveId}: ${closed[closed.length - 1].title}`);
    }
    let out = path.resolve(values.out!);
    const isDirectory = (() => {
      try {
        return statSync(out).isDirectory();
      } catch {
        return false;
      }
    })();
    const services = { db, codebook: openCodebook(db, config.surveysDir, { record: false }), config, secrets: loadSecrets(config.dataDir) };
    const request = {
      projectId: project.id,
      dataset: values.data as (typeof DATASETS)[number],
      format: values.format as (typeof FORMATS)[number],
      locale: (values.lang ?? "nb") as "nb" | "en",
      pseudonyms: values["new-pseudonyms"] ? ("fresh" as const) : ("stable" as const),
      exactDates: values["exact-dates"] ?? false,
      scope: { from: values.from ?? null, to: values.to ?? null, caseProjectIds: ids(values.cases), waveId, exchangeIds: ids(values.exchanges) },
    };
    if (isDirectory) out = path.join(out, `medforsker-${project.slug}-${request.dataset}-${request.format}.zip`);
    const started = performance.now();
    // A job row like the export centre's, run here in this process: the centre shows it while it runs.
    const job = createJob(db, { requestKey: `cli-${crypto.randomUUID()}`, request, actor, out, runner: `cli ${os.hostname()} ${process.pid}` });
    const outcome = await runExportJob(services, job.id, progressBar());
    if (outcome.state !== "done") {
      const message = jobErrorMessage(translator("en"), outcome.error);
      console.error(`Cannot export: ${message}${outcome.error.field ? ` (--${outcome.error.field})` : ""}${outcome.state === "failed" && outcome.error.detail ? `\n${outcome.error.detail}` : ""}`);
      return 1;
    }
    const manifest = getExport(db, outcome.exportId)!.manifest;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Export ${outcome.exportId} written to ${out} in ${seconds} s`);
    console.log(`  ${manifest.dataset.rows} rows, ${manifest.variables} variables, ${manifest.files.length + 2} files`);
    for (const step of manifest.steps) {
      const counts = Object.entries(step.counts).map(([k, v]) => `${k}=${v}`).join(", ");
      console.log(`  - ${step.title.en}${counts ? `: ${counts}` : ""}`);
    }
    return 0;
  } finally {
    sqlite.close();
  }
}

// The outside tools the tests use as judges, in one list: how to tell each is there and which
// Debian/Ubuntu packages bring it. `npm test` checks them first (check-judges.ts, which installs
// what is missing where it can), and the tests that use a judge fail with the same command.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export interface Judge {
  name: string;
  /** What the tests use it for. */
  judges: string;
  packages: string[];
  present: () => boolean;
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const bokmaalWordList = "/usr/share/dict/bokmaal";

const onPath = (...commands: string[]) => commands.every((c) => spawnSync("sh", ["-c", `command -v ${c}`]).status === 0);

export const JUDGES = {
  chromium: { name: "Chromium", judges: "browser tests with axe", packages: ["chromium"], present: () => fs.existsSync(chromiumPath) },
  pspp: { name: "PSPP", judges: ".sav and .sps exports", packages: ["pspp"], present: () => onPath("pspp", "pspp-convert") },
  readstat: { name: "ReadStat", judges: ".sav exports", packages: ["readstat"], present: () => onPath("readstat", "extract_metadata") },
  rForeign: {
    name: "R with the foreign package",
    judges: ".sav exports",
    packages: ["r-base-core", "r-cran-foreign"],
    present: () => onPath("Rscript") && spawnSync("Rscript", ["-e", "library(foreign)"]).status === 0,
  },
  xmllint: { name: "xmllint", judges: "REFI-QDA exports against the XSD", packages: ["libxml2-utils"], present: () => onPath("xmllint") },
  bokmaal: { name: "Norwegian word list", judges: "the name detector", packages: ["wnorwegian"], present: () => fs.existsSync(bokmaalWordList) },
} satisfies Record<string, Judge>;

export type JudgeId = keyof typeof JUDGES;

export function missingJudges(ids: JudgeId[] = Object.keys(JUDGES) as JudgeId[]): Judge[] {
  return ids.map((id) => JUDGES[id]).filter((j) => !j.present());
}

/** The command that installs the given judges. */
export function installCommand(judges: Judge[]): string {
  return `apt-get install -y ${judges.flatMap((j) => j.packages).join(" ")}`;
}

/** Judges a test already found in this process (Rscript takes a moment to start). */
const found = new Set<JudgeId>();

/**
 * For tests: throws, naming the missing judges and the command that installs them. Missing
 * judges fail a test in CI and locally alike, never skip it.
 */
export function assertJudges(...ids: JudgeId[]): void {
  const missing = missingJudges(ids.filter((id) => !found.has(id)));
  for (const id of ids) if (!missing.includes(JUDGES[id])) found.add(id);
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.map((j) => j.name).join(", ")}: install with '${installCommand(missing)}' (CI=${process.env.CI ?? "unset"})`);
  }
}

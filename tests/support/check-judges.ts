// First step of `npm test`: every outside judge the tests use must be there (judges.ts). On
// Debian/Ubuntu as root or with passwordless sudo, missing ones are installed with apt-get, and
// it says so; anywhere else it stops with the exact command to run.
import { spawnSync } from "node:child_process";
import { JUDGES, installCommand, missingJudges, type Judge } from "./judges";

function describe(judges: Judge[]): string {
  return judges.map((j) => `  ${j.name} (${j.judges}): ${j.packages.join(" ")}`).join("\n");
}

/** "" as root, "sudo -n" with passwordless sudo, null when apt-get cannot be run unattended. */
function aptPrefix(): string | null {
  if (spawnSync("sh", ["-c", "command -v apt-get"]).status !== 0) return null;
  if (process.getuid?.() === 0) return "";
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? "sudo -n " : null;
}

function run(command: string): boolean {
  console.log(`$ ${command}`);
  return spawnSync("sh", ["-c", command], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
}

function stop(missing: Judge[], why: string): never {
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  console.error(`${why}\n${describe(missing)}\nInstall them, then run npm test again:\n  ${sudo}apt-get update && ${sudo}${installCommand(missing)}`);
  process.exit(1);
}

const missing = missingJudges();
if (missing.length > 0) {
  const prefix = aptPrefix();
  if (prefix === null) stop(missing, "The tests need outside tools that are not installed:");
  console.log(`Installing the outside tools the tests use as judges:\n${describe(missing)}`);
  const installed = run(`${prefix}apt-get update`) && run(`${prefix}${installCommand(missing)}`);
  const still = missingJudges();
  if (!installed || still.length > 0) stop(still.length > 0 ? still : missing, "Installing the judges failed; still missing:");
  console.log(`Installed: ${missing.map((j) => j.name).join(", ")}.`);
}
console.log(`Outside judges found: ${Object.values(JUDGES).map((j) => j.name).join(", ")}.`);

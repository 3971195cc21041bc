// The command line as an administrator uses it: create-researcher, demo (twice), check-instruments,
// and backup while the server keeps writing. Also: the server refuses to start on a broken
// instrument definition and says which file, item and problem.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, tempDataDir, type RunningServer } from "../support/server";

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(path.resolve("node_modules/.bin/tsx"), ["app/cli/main.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const result = {
    projects: one("select count(*) n from projects"),
    organisations: one("select count(*) n from organisations"),
    caseProjects: one("select count(*) n from case_projects"),
    jobSpecialists: one("select count(*) n from users where role = 'job_specialist'"),
    caseLeads: one("select count(*) n from users where role = 'case_lead'"),
    intro: one("select count(*) n from case_projects where programme = 'intro'"),
  };
  db.close();
  return result;
}

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** A definitions folder with one broken file: the employer survey with a bad variable name. */
function brokenSurveys(): string {
  const dir = tempDataDir("medforsker-surveys-");
  fs.cpSync("surveys", dir, { recursive: true });
  const file = path.join(dir, "log-entry", "v1.yaml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("- name: situasjon", "- name: 1situasjon"));
  return dir;
}

describe("npm run cli", () => {
  it("create-researcher prints a one-time link that lets the researcher in", async () => {
    const dataDir = tempDataDir();
    const env = { DATABASE_PATH: path.join(dataDir, "medforsker.db") };
    const made = cli(["create-researcher", "--email", "Rut@Example.org", "--name", "Rut Forsker"], env);
    expect(made.code, made.out).toBe(0);
    const link = /(http:\/\/\S+\/invitation\/\S+)/.exec(made.out)![1];
    expect(cli(["create-researcher", "--email", "rut@example.org", "--name", "Igjen"], env).code).toBe(1);
    expect(cli(["create-researcher", "--email", "x@example.org"], env).code).toBe(2);

    const server = await startServer({ dataDir });
    servers.push(server);
    const c = new Client(server.url);
    await c.request("GET", new URL(link).pathname);
    const res = await c.post("/invitation", { password: "rut sitt lange passord", confirm: "rut sitt lange passord" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Hei, Rut Forsker");
    // With a researcher in place, the setup page is closed.
    expect((await new Client(server.url).request("GET", "/setup")).headers.get("Location")).toBe("/login");
  });

  it("demo loads afi-2017 once; a second run adds nothing", () => {
    const dataDir = tempDataDir();
    const env = { DATABASE_PATH: path.join(dataDir, "medforsker.db") };
    const first = cli(["demo"], env);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/js17@demo\.medforsker\.invalid\s+demo-\S+/);
    const after = counts(env.DATABASE_PATH);
    expect(after).toMatchObject({ projects: 1, organisations: 6, caseProjects: 8, jobSpecialists: 17, caseLeads: 6, intro: 4 });
    const second = cli(["demo"], env);
    expect(second.code, second.out).toBe(0);
    expect(second.out).not.toMatch(/demo-\S{8}/);
    expect(counts(env.DATABASE_PATH)).toEqual(after);
  });

  it("check-instruments passes on surveys/ and names file, item and problem when broken", () => {
    const ok = cli(["check-instruments"], {});
    expect(ok.code, ok.out).toBe(0);
    const broken = cli(["check-instruments"], { SURVEYS_DIR: brokenSurveys() });
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/log-entry\/v1\.yaml/);
    expect(broken.out).toContain("1situasjon");
  });

  it("backup copies the database while the server keeps running", async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ dataDir });
    servers.push(server);
    const c = new Client(server.url);
    await c.post("/setup", { name: "Backup Forsker", email: "backup@example.org", password: "et langt passord her", confirm: "et langt passord her" });
    const out = path.join(tempDataDir(), "copy.db");
    // Writes go on during the backup.
    const writes = Promise.all(
      Array.from({ length: 20 }, (_, i) => c.post("/projects", { title: `Prosjekt ${i}`, slug: `prosjekt-${i}` })),
    );
    const result = cli(["backup", "--out", out], { DATABASE_PATH: server.databasePath });
    await writes;
    expect(result.code, result.out).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((copy.prepare("select count(*) n from users").get() as { n: number }).n).toBe(1);
    copy.close();
    expect((await c.request("GET", "/projects")).status).toBe(200);
    expect(cli(["backup", "--out", out], { DATABASE_PATH: server.databasePath }).code).toBe(1);
  });
});

describe("start-up", () => {
  it("refuses to start on an invalid instrument definition, naming file, item and problem", async () => {
    await expect(startServer({ env: { SURVEYS_DIR: brokenSurveys() } })).rejects.toThrow(/cannot start[\s\S]*log-entry\/v1\.yaml[\s\S]*1situasjon/);
  });
});

// Instrument versions over HTTP (issue 14): a researcher uploads a YAML definition (errors listed
// at the file field, the wrong version number refused), reads the draft's changes against the
// published version, previews and downloads it, publishes v2; v2 outlives a restart; a wave
// opened afterwards is pinned to v2, answered through single-use links, and its export opens in
// PSPP with v2's variables and labels. Job specialists see none of it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileDefinitionText } from "../../app/instruments/compile.server";
import type { Client } from "../support/http";
import { exportIdAfter } from "../support/exports";
import { EMPLOYER_SURVEY_V1, employerSurveyV2 } from "../support/instrument-v2";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { makeTempDir, psppDictionary, removeTempDirs } from "../support/spss-tools";
import { answerForm, createWave, demoProjectId, issueLinks, respond } from "../support/survey-flow";

let server: RunningServer;
let dataDir: string;
let passwords: Record<string, string>;
let researcher: Client;
let jsA: Client;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
const V2 = employerSurveyV2();

async function start() {
  server = await startServer({ dataDir });
  researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
  jsA = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
}

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  passwords = seeded.passwords;
  await start();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

/** Posts a YAML file to /instruments as the page's form does (multipart); `null` sends no file. */
function upload(client: Client, yaml: string | null, name = "v2.yaml") {
  const form = new FormData();
  if (yaml !== null) form.append("definition", new Blob([new TextEncoder().encode(yaml)], { type: "application/yaml" }), name);
  return fetch(`${server.url}/instruments`, { method: "POST", body: form, headers: { Cookie: client.cookieHeader(), Origin: server.url }, redirect: "manual" });
}

describe("uploading a definition", () => {
  it("lists every problem at the file field and saves nothing", async () => {
    const broken = V2.replace("type: short_text", "type: shortish_text").replace("options: ja_nei", "options: ja_kanskje");
    const res = await upload(researcher, broken);
    expect(res.status).toBe(400);
    const page = text(await res.text());
    expect(page).toMatch(/Definisjonen har (\d+|én) feil; ingenting er lagret:/);
    expect(page).toContain("q2_hva_mer");
    expect(page).toContain("Ingen utkast.");
    const empty = await upload(researcher, null);
    expect(text(await empty.text())).toContain("Velg en YAML-fil.");
  });

  it("refuses a version number that is not the next one", async () => {
    const same = await upload(researcher, EMPLOYER_SURVEY_V1);
    expect(same.status).toBe(400);
    expect(text(await same.text())).toContain("«employer-survey» må ha versjon 2 her, ikke 1.");
  });

  it("keeps a valid definition as a draft: the changes, a preview and the YAML; job specialists see nothing", async () => {
    const res = await upload(researcher, V2);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/instruments/employer-survey/draft");
    const page = text(await (await researcher.get("/instruments/employer-survey/draft")).text());
    expect(page).toContain("Utkast til «Spørreundersøkelse blant arbeidsgivere», versjon 2");
    expect(page).toContain("Endringer fra versjon 1");
    expect(page).toMatch(/Nye spørsmål Hva mer kunne jobbspesialisten gjort\? \(q2_hva_mer\)/);
    expect(page).toMatch(/Endret ordlyd .*\(q1\) .*\(q2\) .*\(q3\) /);
    expect(page).toMatch(/Endrede koder eller variabler [^(]*\(q1\) : q1_oppfolging_info, /);
    expect(page).toContain("Kodene er endret");
    const preview = await (await researcher.get("/instruments/employer-survey?draft=1")).text();
    expect(preview).toContain("Hva mer kunne jobbspesialisten gjort?");
    const yaml = await researcher.request("GET", "/instruments/employer-survey/yaml?draft=1");
    expect(yaml.headers.get("Content-Disposition")).toBe('attachment; filename="employer-survey-v2-utkast.yaml"');
    expect(await yaml.text()).toBe(V2);
    // Not in use until published: new waves still get v1, the codebook has only v1.
    expect((await researcher.get("/instruments/employer-survey?version=2")).status).toBe(404);
    for (const path of ["/instruments", "/instruments/employer-survey/draft", "/instruments/employer-survey/yaml?draft=1"]) expect((await jsA.get(path)).status).toBe(403);
    expect((await jsA.request("POST", "/instruments/employer-survey/draft", new URLSearchParams({ intent: "publish" }))).status).toBe(403);
  });
});

describe("publishing", () => {
  it("publishes v2 once, in the audit log as sentences, and v2 outlives a restart", async () => {
    const res = await researcher.request("POST", "/instruments/employer-survey/draft", new URLSearchParams({ intent: "publish" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/instruments/employer-survey?version=2&published=1");
    expect(text(await (await researcher.get(res.headers.get("Location")!)).text())).toContain("Versjon 2 er publisert.");
    // The draft is gone; a second publish finds nothing.
    expect((await researcher.request("POST", "/instruments/employer-survey/draft", new URLSearchParams({ intent: "publish" }))).status).toBe(404);
    const audit = text(await (await researcher.get("/audit")).text());
    expect(audit).toContain("lastet opp et utkast til versjon 2 av instrumentet «employer-survey».");
    expect(audit).toContain("publiserte versjon 2 av instrumentet «employer-survey».");
    // Both versions download as the text they were made from.
    expect(await (await researcher.request("GET", "/instruments/employer-survey/yaml?version=1")).text()).toBe(EMPLOYER_SURVEY_V1);
    expect(await (await researcher.request("GET", "/instruments/employer-survey/yaml?version=2")).text()).toBe(V2);

    await server.stop();
    await start();
    expect(text(await (await researcher.get("/instruments")).text())).toContain("Versjon 2 ·");
    expect((await researcher.get("/instruments/employer-survey?version=2")).status).toBe(200);
  }, 120_000);

  it("pins a new wave to v2, and its export opens in PSPP with v2's variables and labels", async () => {
    const projectId = await demoProjectId(researcher);
    const waveId = await createWave(researcher, { projectId, title: "Runde med versjon 2", minAnswers: 5 });
    const db = new Database(server.databasePath, { readonly: true });
    expect(db.prepare("SELECT instrument_version AS v FROM survey_waves WHERE id = ?").get(waveId)).toEqual({ v: 2 });
    db.close();
    const v2 = compileDefinitionText(V2, "v2.yaml").instrument!;
    const { links } = await issueLinks(jsA, waveId, 5);
    for (const [i, link] of links.entries()) {
      const form = answerForm(v2, 40 + i);
      form.set("q2_hva_mer", `Mer oppfølging ${i + 1}`);
      const { html, post } = await respond(server.url, link.url, form);
      expect(html).toContain("Hva mer kunne jobbspesialisten gjort?");
      expect(post.status).toBe(303);
    }
    expect((await researcher.request("POST", `/waves/${waveId}`, { intent: "close" })).status).toBe(302);
    const made = await researcher.request(
      "POST",
      "/exports",
      new URLSearchParams({ project: "afi-2017", format: "sav", language: "nb", pseudonyms: "stable", dates: "month", intent: "export", requestKey: "instrument-v2-export-0001", dataset: "employer-survey", wave: String(waveId) }),
    );
    expect(made.status).toBe(302);
    const id = await exportIdAfter(researcher, made.headers.get("Location")!);
    const files = unzipSync(new Uint8Array(await (await researcher.request("GET", `/exports/${id}/download`)).arrayBuffer()));
    const sav = Object.keys(files).find((f) => f.endsWith(".sav"))!;
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "v2.sav"), files[sav]);
    const dict = psppDictionary(dir, path.join(dir, "v2.sav"));
    expect(dict.cases).toBe(5);
    expect(dict.variables.find((v) => v.name === "q2_hva_mer")?.label).toBe("Hva mer kunne jobbspesialisten gjort?");
    expect(dict.variables.find((v) => v.name === "q2_dialog_mentor")?.label).toContain("hatt god og jevnlig dialog med mentor eller arbeidsgiver");
    expect(dict.valueLabels.filter((l) => l.variable === "q1_oppfolging_info").map((l) => `${l.value}=${l.label}`)).toEqual(expect.arrayContaining(["1=Ja", "2=Nei", "3=Vet ikke"]));
  }, 180_000);
});

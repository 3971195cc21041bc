// Version 2 of the employer survey as a researcher would upload it: one statement reworded, an
// open question added, and the answer code 3 given another meaning («Vet ikke»), so the diff has
// something of every kind and an export merging v1 and v2 must refuse.
import { readFileSync } from "node:fs";
import path from "node:path";

export const SURVEYS = path.resolve(import.meta.dirname, "../../surveys");
export const EMPLOYER_SURVEY_V1 = readFileSync(path.join(SURVEYS, "employer-survey/v1.yaml"), "utf8");

export function employerSurveyV2(base = EMPLOYER_SURVEY_V1): string {
  const v2 = base
    .replace("version: 1", "version: 2")
    .replace("... hatt god dialog med mentor eller arbeidsgiver", "... hatt god og jevnlig dialog med mentor eller arbeidsgiver")
    .replace('{ code: 3, label: { nb: "Nei, men kunne vært viktig"', '{ code: 3, label: { nb: "Vet ikke"')
    .replace(
      "      - name: q2_andre_maater\n",
      "      - name: q2_hva_mer\n        type: short_text\n        label: { nb: Hva mer kunne jobbspesialisten gjort?, en: What more could the job specialist have done? }\n        disclosure: free_text\n        nvivo: codable\n      - name: q2_andre_maater\n",
    );
  if (v2 === base || !v2.includes("q2_hva_mer") || !v2.includes("Vet ikke") || !v2.includes("jevnlig")) throw new Error("employer-survey v1 changed: update employerSurveyV2");
  return v2;
}

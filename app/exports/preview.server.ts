// The preview of an export (variables and what the anonymisation will do, nothing written) and
// the proposed redactions of a data set for the researcher's review: the same passes as the
// export itself.
import { countingRedactor, nameDecisionsOf } from "./anonymise/known-terms.server";
import { nameTerm, totalRedactions } from "./anonymise/scrub";
import { newStats } from "./anonymise/stats";
import { nfc } from "./dictionary";
import type { ManifestStep } from "./manifest";
import { openExport, pass, type ExportRequest, type ExportServices } from "./open-export.server";
import { sharedSteps } from "./steps.server";

export interface ExportPreview {
  readonly rows: number;
  readonly description: string;
  readonly variables: readonly { name: string; label: string; type: string; measure: string; nvivo: string; treatment: string }[];
  readonly counts: { pseudonymised: number; people: number; coarsened: number; redacted: number; textValues: number; changedValues: number; suppressed: number; generalised: number; dropped: number };
  readonly redactions: Readonly<Record<string, number>>;
  readonly steps: readonly ManifestStep[];
  readonly instruments: readonly { key: string; rows: number }[];
}

export async function previewExport(services: ExportServices, request: ExportRequest): Promise<ExportPreview> {
  const opened = await openExport(services, request);
  try {
    const stats = newStats();
    for await (const _row of pass(opened, stats, undefined, false)) {
      /* count only */
    }
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    return {
      rows: stats.rows,
      description: opened.prepared.description,
      variables: opened.prepared.schema.variables.map((v) => ({
        name: v.name,
        label: v.label[request.locale],
        type: v.type,
        measure: v.measure,
        nvivo: v.nvivo,
        treatment: v.treatment,
      })),
      counts: {
        pseudonymised: stats.pseudonymised,
        people: stats.subjects.size,
        coarsened: stats.coarsened,
        redacted: totalRedactions(stats.redactions),
        textValues: stats.textValues,
        changedValues: stats.scrubbedValues,
        suppressed: sum(stats.suppressed),
        generalised: sum(stats.generalised),
        dropped: sum(stats.dropped),
      },
      redactions: Object.fromEntries(Object.entries(stats.redactions).map(([k, v]) => [k, v ?? 0])),
      steps: sharedSteps(opened, request, stats, null),
      instruments: opened.prepared.instruments.map((i) => ({ key: i.key, rows: i.rows })),
    };
  } finally {
    opened.reader.close();
  }
}


export interface ProposedRedactions {
  readonly textValues: number;
  readonly counts: Readonly<Record<string, number>>;
  /** Examples with a little context, at most `limit`. */
  readonly examples: readonly { kind: string; found: string; before: string; after: string }[];
  /** Likely names the detector found, one per term, most frequent first, with the decision so far. */
  readonly candidates: readonly NameCandidate[];
}

export interface NameCandidate {
  readonly term: string;
  readonly found: string;
  readonly count: number;
  readonly before: string;
  readonly after: string;
  readonly decision: "name" | "not-name" | null;
}

/** The review shows hidden direction controls as visible marks, so a reader sees what a cell holds. */
export function showHidden(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟧`);
}

/** What the scrubber would redact in a data set, with examples in context. */
export async function proposeRedactions(services: ExportServices, request: ExportRequest, limit = 200): Promise<ProposedRedactions> {
  const opened = await openExport(services, request);
  try {
    const counts: Record<string, number> = {};
    const examples: { kind: string; found: string; before: string; after: string }[] = [];
    const decisions = nameDecisionsOf(opened.reader.db, opened.project.id);
    const candidates = new Map<string, { term: string; found: string; count: number; before: string; after: string; decision: "name" | "not-name" | null }>();
    let textValues = 0;
    const scrub = (raw: string) => {
      const text = nfc(raw);
      textValues++;
      for (const r of opened.scrubber.find(text)) {
        counts[r.kind] = (counts[r.kind] ?? 0) + 1;
        if (examples.length < limit) {
          examples.push({ kind: r.kind, found: showHidden(r.text), before: showHidden(text.slice(Math.max(0, r.start - 40), r.start)), after: showHidden(text.slice(r.end, r.end + 40)) });
        }
      }
      for (const hit of opened.scrubber.nameCandidates(text)) {
        const term = nameTerm(hit.text);
        const had = candidates.get(term);
        if (had) had.count++;
        else candidates.set(term, { term, found: showHidden(hit.text), count: 1, before: showHidden(text.slice(Math.max(0, hit.start - 40), hit.start)), after: showHidden(text.slice(hit.end, hit.end + 40)), decision: decisions.get(term) ?? null });
      }
      return opened.scrubber.scrub(text);
    };
    const stats = newStats();
    const redact = (raw: string) => {
      scrub(raw);
      return countingRedactor(opened.scrubber, stats)(raw);
    };
    for await (const _row of opened.prepared.rows({ scrub, redact, stats })) {
      /* collect only */
    }
    const sorted = [...candidates.values()].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, "nb"));
    return { textValues, counts, examples, candidates: sorted.slice(0, Math.max(limit, 1) * 2) };
  } finally {
    opened.reader.close();
  }
}

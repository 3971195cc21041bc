// What the anonymisation did, counted while the rows stream through it: the preview shows these
// numbers and the manifest records them step by step.
import type { RedactionCounts } from "./scrub";

export interface AnonymisationStats {
  rows: number;
  /** Person references replaced by pseudonyms (values), and how many different people. */
  pseudonymised: number;
  subjects: Set<string>;
  /** Dates replaced by their month. */
  coarsened: number;
  /** Text values looked at, and those in which something was redacted. */
  textValues: number;
  scrubbedValues: number;
  redactions: RedactionCounts;
  /** Values of dropped variables (direct identifiers), per variable. */
  dropped: Record<string, number>;
  /** Values replaced by a coarser form, per variable (k-anonymity). */
  generalised: Record<string, number>;
  /** Values suppressed, per variable (k-anonymity). */
  suppressed: Record<string, number>;
  /** Cells neutralised against formula injection, filled in by the spreadsheet writers. */
  neutralisedCells: number;
}

export function newStats(): AnonymisationStats {
  return {
    rows: 0,
    pseudonymised: 0,
    subjects: new Set(),
    coarsened: 0,
    textValues: 0,
    scrubbedValues: 0,
    redactions: {},
    dropped: {},
    generalised: {},
    suppressed: {},
    neutralisedCells: 0,
  };
}

export function add(record: Record<string, number>, key: string, n = 1): void {
  record[key] = (record[key] ?? 0) + n;
}

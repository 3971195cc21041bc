// Which saved version of a report applies on a date: the last one effective by then (by
// effective date, then by number, so a correction saved later for the same date wins). Pure.

export interface Dated {
  readonly effectiveDate: string;
  readonly number: number;
}

export function compareVersions(a: Dated, b: Dated): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  return a.number - b.number;
}

/** The version that applies on `date` ("YYYY-MM-DD"; default: the latest of all), or null. */
export function versionAsOf<T extends Dated>(versions: readonly T[], date?: string | null): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (date && v.effectiveDate > date) continue;
    if (!best || compareVersions(v, best) > 0) best = v;
  }
  return best;
}

// The names the platform knows for a project, for the scrubber: its people (job specialists and
// case leads of its organisations, and the researchers), its case organisations, and the places
// listed for the organisations and case projects; plus the extra terms of the latest review of
// the data set.
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { codePointLength } from "~/exchanges/transcript-text";
import type { DbOrTx } from "../../../db/connection.server";
import { findNames } from "~/names/detect";
import { nameLexicon } from "~/names/lexicon.server";
import { caseProjects, exportReviews, nameDecisions, organisations, users } from "../../../db/schema";
import { nfc } from "../dictionary";
import type { KnownTerms, NameScrubbing } from "./scrub";
import { REDACTION_MARKERS, Scrubber } from "./scrub";
import type { AnonymisationStats } from "./stats";

/** Words in a place field that are not place names: «Oslo (bydel Søndre Nordstrand)», «Oslo (4 bydeler)». */
const PLACE_NOISE = /^(?:bydel(?:er)?|kommune|fylke|og)\s+/i;

/** Place names in a free-form place field: the parts between brackets and commas, without «bydel». */
export function placeTerms(place: string): string[] {
  return place
    .split(/[(),/;]+/)
    .map((part) => part.trim().replace(PLACE_NOISE, "").trim())
    .filter((part) => part.length >= 2 && !/\d/.test(part));
}

export function projectPeople(db: DbOrTx, projectId: number) {
  const orgIds = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.projectId, projectId)).all().map((o) => o.id);
  const cpIds = orgIds.length
    ? db.select({ id: caseProjects.id }).from(caseProjects).where(inArray(caseProjects.organisationId, orgIds)).all().map((c) => c.id)
    : [];
  const conditions = [eq(users.role, "researcher")];
  if (orgIds.length) conditions.push(inArray(users.organisationId, orgIds));
  if (cpIds.length) conditions.push(inArray(users.caseProjectId, cpIds));
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(or(...conditions))
    .orderBy(users.id)
    .all();
}

export function latestReview(db: DbOrTx, projectId: number, dataset: string) {
  return db
    .select()
    .from(exportReviews)
    .where(and(eq(exportReviews.projectId, projectId), eq(exportReviews.dataset, dataset)))
    .orderBy(desc(exportReviews.id))
    .limit(1)
    .get();
}

export function knownTerms(db: DbOrTx, projectId: number, dataset: string, extra: readonly string[] = []): KnownTerms {
  const orgs = db.select({ id: organisations.id, name: organisations.name, place: organisations.place }).from(organisations).where(eq(organisations.projectId, projectId)).all();
  const cps = orgs.length
    ? db.select({ place: caseProjects.place }).from(caseProjects).where(inArray(caseProjects.organisationId, orgs.map((o) => o.id))).all()
    : [];
  const review = latestReview(db, projectId, dataset);
  return {
    people: projectPeople(db, projectId).map((p) => p.name),
    organisations: orgs.map((o) => o.name),
    places: [...new Set([...orgs.map((o) => o.place), ...cps.map((c) => c.place)].flatMap(placeTerms))],
    extra: [...(review?.terms ?? []), ...extra],
  };
}

/** The researcher's decisions about found names in a project: term -> "name" | "not-name". */
export function nameDecisionsOf(db: DbOrTx, projectId: number): Map<string, "name" | "not-name"> {
  const rows = db.select({ term: nameDecisions.term, decision: nameDecisions.decision }).from(nameDecisions).where(eq(nameDecisions.projectId, projectId)).all();
  return new Map(rows.map((r) => [r.term, r.decision]));
}

/** The name detector with the project's decisions: confirmed names everywhere, rejected ones kept. */
export function nameScrubbing(db: DbOrTx, projectId: number): NameScrubbing {
  const decisions = [...nameDecisionsOf(db, projectId)];
  return {
    // The lexicon is read on the first text, not before: a data set without free text never needs it.
    detect: (text) => findNames(text, nameLexicon(), { unknownCapitalised: true }),
    confirmed: decisions.filter(([, d]) => d === "name").map(([t]) => t),
    rejected: decisions.filter(([, d]) => d === "not-name").map(([t]) => t),
  };
}

/** A text scrubber that counts into `stats`: values seen, values changed, redactions by kind. */
export function countingScrubber(scrubber: Scrubber, stats: AnonymisationStats): (text: string) => string {
  return (text) => {
    const clean = nfc(text);
    stats.textValues++;
    const out = scrubber.scrub(clean, stats.redactions);
    if (out !== clean) stats.scrubbedValues++;
    return out;
  };
}

export interface Redacted {
  /** The scrubbed text (NFC). */
  readonly text: string;
  /** Code-point offset in the NFC input -> offset in `text`; inside a redaction: its start, or its end for `end`. */
  map(offset: number, end?: boolean): number;
}

/** A scrubber that also maps offsets, counting into `stats` like countingScrubber. */
export function countingRedactor(scrubber: Scrubber, stats: AnonymisationStats): (text: string) => Redacted {
  return (raw) => {
    const input = nfc(raw);
    stats.textValues++;
    const found = scrubber.find(input);
    if (!found.length) return { text: input, map: (o) => o };
    stats.scrubbedValues++;
    // Each redaction in code points: where it starts in the input, its length there and its marker's length.
    const spans: { start: number; oldLength: number; newLength: number }[] = [];
    let out = "";
    let at = 0;
    let cp = 0;
    for (const r of found) {
      cp += codePointLength(input, at, r.start);
      const marker = REDACTION_MARKERS[r.kind];
      spans.push({ start: cp, oldLength: codePointLength(input, r.start, r.end), newLength: [...marker].length });
      cp += codePointLength(input, r.start, r.end);
      out += input.slice(at, r.start) + marker;
      at = r.end;
      stats.redactions[r.kind] = (stats.redactions[r.kind] ?? 0) + 1;
    }
    out += input.slice(at);
    return {
      text: out,
      map(offset, end = false) {
        let shift = 0;
        for (const s of spans) {
          if (offset <= s.start) break;
          if (offset < s.start + s.oldLength) return s.start + shift + (end ? s.newLength : 0);
          shift += s.newLength - s.oldLength;
        }
        return offset + shift;
      },
    };
  };
}

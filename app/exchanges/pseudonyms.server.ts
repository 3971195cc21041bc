// Role pseudonyms for the people a transcript names. The platform knows the project's people,
// so their full and first names are suggested (and applied on upload) as «[jobbspesialist]»,
// «[caseansvarlig]», «[forsker]»: the report attributes quotes by role only (instruments.md §10
// P6). Transcripts are Norwegian, so the pseudonyms are the Norwegian words.
import { eq, inArray, or } from "drizzle-orm";
import { caseProjects, organisations, users, type Role } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import { translator } from "~/i18n/catalog";
import { namesInText, type Replacement } from "./transcript-text";

export interface KnownPerson {
  readonly name: string;
  readonly role: Role;
}

/** The project's job specialists and case leads, and every researcher. */
export function knownPeople(db: Db, projectId: number): KnownPerson[] {
  const orgIds = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.projectId, projectId)).all().map((o) => o.id);
  const cpIds = orgIds.length ? db.select({ id: caseProjects.id }).from(caseProjects).where(inArray(caseProjects.organisationId, orgIds)).all().map((c) => c.id) : [];
  const conditions = [eq(users.role, "researcher" as Role)];
  if (orgIds.length) conditions.push(inArray(users.organisationId, orgIds));
  if (cpIds.length) conditions.push(inArray(users.caseProjectId, cpIds));
  return db.select({ name: users.name, role: users.role }).from(users).where(or(...conditions)).all();
}

/**
 * Words transcripts use as role labels («Forsker:», «Leder2:»). A first name that is one of
 * them (the demo's «Forsker Demosen») is not suggested on its own: it would rename the role.
 */
const ROLE_WORDS = new Set(["forsker", "researcher", "leder", "leader", "js", "jobbspesialist", "caseansvarlig", "deltaker", "moderator", "intervjuer"]);

export function rolePseudonym(role: Role): string {
  return translator("nb")(`exchanges.pseudonym.${role}`);
}

/**
 * Replacements for the known people named in `text`: the full name, and the first name when
 * no one of another role shares it (then it becomes «[person]»). Longest names first.
 */
export function suggestReplacements(text: string, people: readonly KnownPerson[]): Replacement[] {
  const byName = new Map<string, Set<Role>>();
  const add = (name: string, role: Role) => {
    const trimmed = name.trim();
    if (trimmed.length < 2) return;
    const roles = byName.get(trimmed) ?? new Set<Role>();
    roles.add(role);
    byName.set(trimmed, roles);
  };
  for (const p of people) {
    add(p.name, p.role);
    const first = p.name.trim().split(/\s+/)[0];
    if (first && first !== p.name.trim() && !ROLE_WORDS.has(first.toLowerCase())) add(first, p.role);
  }
  const found = namesInText(text, [...byName.keys()]);
  return found
    .map((name) => {
      const roles = [...byName.get(name)!];
      return { from: name, to: roles.length === 1 ? rolePseudonym(roles[0]) : translator("nb")("exchanges.pseudonym.person") };
    })
    .sort((a, b) => b.from.length - a.from.length);
}

/** Known names still in a text (a warning before release). */
export function remainingNames(text: string, people: readonly KnownPerson[]): string[] {
  const names = new Set<string>();
  for (const p of people) {
    names.add(p.name.trim());
    const first = p.name.trim().split(/\s+/)[0];
    if (first && first.length >= 2 && !ROLE_WORDS.has(first.toLowerCase())) names.add(first);
  }
  return namesInText(text, [...names]);
}

// The demo project afi-2017: the 6 case organisations and 8 case projects of the AFI report
// (instruments.md §1.2), 17 job specialists, one case lead per organisation and a researcher.
// Every name is obviously fictitious and every address ends in .invalid.
import type { Programme } from "../schema";

export const demoProject = {
  slug: "afi-2017",
  title: "Supported Employment for innvandrere med sammensatte bistandsbehov",
  logStart: "2017-09",
  logEnd: "2018-12",
};

export const demoOrganisations: { name: string; place: string; caseProjects: { name: string; programme: Programme; place: string }[] }[] = [
  { name: "NAV Søndre Nordstrand", place: "Oslo", caseProjects: [{ name: "Jobbsjansen i NAV Søndre Nordstrand, Oslo", programme: "jobbsjansen", place: "Oslo (bydel Søndre Nordstrand)" }] },
  { name: "NAV Bjerke", place: "Oslo", caseProjects: [{ name: "Jobbsjansen i NAV Bjerke, Oslo", programme: "jobbsjansen", place: "Oslo (bydel Bjerke)" }] },
  {
    name: "Lørenskog kommune",
    place: "Lørenskog",
    caseProjects: [
      { name: "Jobbsjansen i Lørenskog kommune", programme: "jobbsjansen", place: "Lørenskog" },
      { name: "Intro i Lørenskog kommune", programme: "intro", place: "Lørenskog" },
    ],
  },
  { name: "Felles Intro i Groruddalen", place: "Oslo", caseProjects: [{ name: "Felles Intro i Groruddalen (4 bydeler), Oslo", programme: "intro", place: "Oslo (Groruddalen)" }] },
  { name: "Bydel Gamle Oslo", place: "Oslo", caseProjects: [{ name: "Intro i bydel Gamle Oslo, Oslo", programme: "intro", place: "Oslo (bydel Gamle Oslo)" }] },
  {
    name: "NAV Sarpsborg",
    place: "Sarpsborg",
    caseProjects: [
      { name: "Jobbsjansen i NAV Sarpsborg", programme: "jobbsjansen", place: "Sarpsborg" },
      { name: "Intro i NAV Sarpsborg", programme: "intro", place: "Sarpsborg" },
    ],
  },
];

const firstNames = [
  "Aina", "Bjarne", "Cecilie", "Dag", "Eldrid", "Fredrik", "Guri", "Halvor", "Ingunn",
  "Jostein", "Kristin", "Leif", "Marit", "Njål", "Oddny", "Petter", "Ragnhild",
];

/** 17 job specialists: two per case project, and a substitute in the first. */
export const demoJobSpecialists = firstNames.map((first, i) => ({
  name: `${first} Demosen`,
  email: `js${String(i + 1).padStart(2, "0")}@demo.medforsker.invalid`,
  caseProjectIndex: i < 16 ? Math.floor(i / 2) : 0,
}));

export const demoCaseLeads = ["Sigrun", "Tormod", "Unni", "Vegard", "Wenche", "Yngve"].map((first, i) => ({
  name: `${first} Leder-Demosen`,
  email: `leder${i + 1}@demo.medforsker.invalid`,
  organisationIndex: i,
}));

export const demoResearcher = { name: "Forsker Demosen", email: "forsker@demo.medforsker.invalid" };

// The demo's codebook, from the report's own schemes (instruments.md §9): the five SE steps, the
// NVivo nodes A–F of §9.1 under their parent theme, the chapter headings of §9.2, and the
// assistance needs at micro, meso and macro level of §9.3 (Tabell 6). The steps and nodes A–F
// are open to job specialists coding as co-researchers; the rest is the researchers'.
import { eq } from "drizzle-orm";
import { codeEvents, codes, users } from "../schema";
import type { Db } from "../connection.server";
import { SE_STEPS } from "../../app/instruments/se-steps";
import { demoResearcher } from "./people";

interface Seed {
  name: string;
  definition?: string;
  colour: string;
  co?: boolean;
  children?: Seed[];
}

const leaf = (colour: string, co = false) => (name: string): Seed => ({ name, colour, co });

const CODEBOOK: Seed[] = [
  {
    name: "Trinn i SE",
    definition: "Hvilket trinn i femtrinnsprosessen i Supported Employment notatet handler om.",
    colour: "#1f5c7a",
    co: true,
    children: SE_STEPS.map((s) => ({ name: s.label.nb, colour: "#1f5c7a", co: true })),
  },
  {
    name: "Arbeidsgivererfaringer sett fra jobbspesialistenes ståsted",
    definition: "Temaet nodene A–F lå under i NVivo (rapportens kapittel 3).",
    colour: "#7a3b1f",
    co: true,
    children: [
      "A Samarbeid med arbeidsgivere",
      "B Arbeidsgiveres behov for oppfølging",
      "C Arbeidsgiveres erfaringer med jobbspesialist",
      "D Arbeidsgiveres utfordringer",
      "E Case-oppsummerende om arbeidsgivere",
      "F Jobbspesialistenes gjennomgang av spørsmål til arbeidsgivere",
    ].map(leaf("#7a3b1f", true)),
  },
  {
    name: "Kapitler i rapporten",
    definition: "Grovkoding av erfaringsutvekslingene etter overskriftene til kapitlene i rapporten.",
    colour: "#3b5f1f",
    children: [
      "K2 Bistandsbehov i arbeidsinkludering",
      "K3 Arbeidsgivernes erfaringer",
      "K4 Metoder i Supported Employment",
      "K5 Jobbspesialistkompetanse",
      "K6 Læring og resultater",
      "K7 Vurdering av SEQF",
    ].map(leaf("#3b5f1f")),
  },
  {
    name: "Bistandsbehov",
    definition: "Sammensatte bistandsbehov på mikro-, meso- og makronivå (Tabell 6).",
    colour: "#5c1f7a",
    children: [
      {
        name: "Mikronivå",
        colour: "#5c1f7a",
        children: ["MI1 Norskkunnskaper", "MI2 Helseutfordringer", "MI3 Jobbsøkerkompetanse", "MI4 Arbeidserfaring", "MI5 Formell kompetanse og skolegang", "MI6 Kompetanse med liten verdi i Norge", "MI7 Selvtillit og mestring", "MI8 Andre bistandsbehov"].map(leaf("#5c1f7a")),
      },
      {
        name: "Mesonivå",
        colour: "#5c1f7a",
        children: ["ME1 Familiesituasjon", "ME2 Omsorgsoppgaver", "ME3 Praksisfellen", "ME4 Støtte på arbeidsplassen", "ME5 Tilrettelagt kartlegging", "ME6 Medvirkning", "ME7 Språkstøtte", "ME8 Kulturforskjeller", "ME9 Annerledes arbeidsrettet oppfølging", "ME10 Tettere oppfølging", "ME11 Tverretatlig samarbeid", "ME12 Etteroppfølging"].map(leaf("#5c1f7a")),
      },
      {
        name: "Makronivå",
        colour: "#5c1f7a",
        children: ["MA1 Samfunnets lover og regler", "MA2 Regler i norsk arbeidsliv", "MA3 Hvit jobb med hvit lønn", "MA4 Utnyttelse og forskjellsbehandling"].map(leaf("#5c1f7a")),
      },
    ],
  },
];

export function loadCodingDemo(db: Db, projectId: number) {
  if (db.select({ id: codes.id }).from(codes).where(eq(codes.projectId, projectId)).get()) return;
  const researcher = db.select({ id: users.id }).from(users).where(eq(users.email, demoResearcher.email)).get();
  if (!researcher) return;
  let position = 0;
  const add = (seed: Seed, parentId: number | null) => {
    const { id } = db
      .insert(codes)
      .values({ projectId, parentId, name: seed.name, definition: seed.definition ?? "", colour: seed.colour, coResearchers: seed.co ?? false, position: ++position })
      .returning({ id: codes.id })
      .get();
    db.insert(codeEvents).values({ codeId: id, actorId: researcher.id, kind: "created", details: { name: seed.name, demo: true } }).run();
    for (const child of seed.children ?? []) add(child, id);
  };
  for (const seed of CODEBOOK) add(seed, null);
}

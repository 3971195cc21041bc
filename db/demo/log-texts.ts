// The words of the demo log notes: plausible Norwegian practice notes at an aggregated level (never
// about one participant), varied enough that a person's log reads like a log and not like twenty
// stock sentences. A field's text is a core sentence for the SE step, sometimes with a sentence of
// context before it or a follow-up after it; {slots} take a number, a kind of workplace, a weekday or
// a partner. Synthetic: no real persons. Pure, so the tests can compose thousands of notes.

export type DemoStep = 1 | 2 | 3 | 4 | 5;
export const DEMO_NOTE_FIELDS = ["situasjon", "bistand", "resultat", "annerledes", "god_praksis"] as const;
export type DemoNoteField = (typeof DEMO_NOTE_FIELDS)[number];
type Pool = Record<DemoNoteField, readonly string[]>;

/** Core sentences per SE step (1-5) and log column. */
export const demoNoteText: Record<DemoStep, Pool> = {
  1: {
    situasjon: [
      "Oppstartsamtaler med {antall} nye deltakere fra introduksjonsprogrammet.",
      "Flere nye henvisninger fra programrådgiverne; noen av deltakerne var usikre på hva SE innebærer.",
      "Informasjonsmøte om jobbspesialisttilbudet for en gruppe i norskopplæringen.",
      "Samarbeidsavtalene skulle fornyes for deltakere som har vært lenge i tiltaket.",
      "{antall} deltakere ble henvist samme uke, og vi måtte fordele oppstartene mellom oss.",
      "Oppstart med en gruppe som nettopp er ferdig med norskkurs på A2-nivå.",
      "Felles informasjonsmøte med {partner} om hvem som passer for SE.",
      "Flere av de nye deltakerne har små barn og kan bare møte på formiddagen.",
      "Noen henviste deltakere hadde fått lite informasjon om tiltaket på forhånd.",
      "Første møter med deltakere som har vært lenge i introduksjonsprogrammet uten arbeidspraksis.",
    ],
    bistand: [
      "Forklarte hva Supported Employment er, med tolk der det trengtes, og gikk gjennom samarbeidsavtalen punkt for punkt.",
      "Brukte enkle bilder og eksempler fra lokale arbeidsplasser for å vise hva vi kan hjelpe med.",
      "Avtalte faste møtetider og hvordan vi holder kontakt mellom møtene.",
      "Snakket om forventninger på begge sider og hva deltakerne selv ønsker å jobbe med.",
      "Hadde oppstartsamtalene på biblioteket i stedet for på NAV-kontoret.",
      "Gikk gjennom samtykkeskjemaet sammen med tolk og forklarte hva opplysningene brukes til.",
      "Fortalte om tidligere deltakere som har fått jobb i {bransje}, uten å nevne navn.",
      "Lot deltakerne fortelle fritt om seg selv før vi snakket om jobb.",
      "Tok kontakt med programrådgiverne for å samordne timeplanene.",
    ],
    resultat: [
      "De fleste signerte samarbeidsavtalen og har fått tid til første kartleggingsmøte.",
      "Deltakerne virket tryggere og stilte flere spørsmål enn ved forrige oppstart.",
      "Noen vil vente til norskkurset er ferdig før de starter.",
      "Vi har nå en felles plan for de neste ukene.",
      "{antall} samarbeidsavtaler er signert.",
      "Alle har fått faste møtetider, og ingen har uteblitt så langt.",
      "Én av de henviste ønsket ikke tiltaket likevel, og saken er sendt tilbake til veileder.",
      "Timeplanene er samordnet med introduksjonsprogrammet.",
    ],
    annerledes: [
      "Kunne satt av mer tid til hver samtale; det ble litt forhastet mot slutten.",
      "Burde hatt informasjonsmateriell på flere språk klart på forhånd.",
      "Tolk burde vært bestilt tidligere.",
      "Kunne involvert programrådgiverne mer i første møte.",
      "Vi la for mange oppstarter til samme dag.",
      "Burde sjekket på forhånd hvem som trengte barnepass for å kunne møte.",
      "Kunne sendt en kort påminnelse på SMS dagen før.",
      "Ingenting spesielt denne gangen.",
    ],
    god_praksis: [
      "Å starte med deltakernes egne ønsker i stedet for skjemaet ga bedre samtaler.",
      "Korte, hyppige møter i starten bygger tillit.",
      "Å møte deltakerne utenfor kontoret gjorde samtalen mer uformell.",
      "Å vise bilder fra ekte arbeidsplasser sier mer enn en brosjyre.",
      "Tolk som kjenner tiltaket fra før gjør oppstarten mye enklere.",
    ],
  },
  2: {
    situasjon: [
      "Yrkeskartlegging med deltakere som har lite formell utdanning.",
      "Flere deltakere har arbeidserfaring fra hjemlandet som er vanskelig å dokumentere.",
      "Karriereplanene skulle oppdateres etter endt praksisperiode.",
      "Jobbsmaking ble planlagt for deltakere som er usikre på yrkesvalg.",
      "Kartleggingsmøter med {antall} deltakere som ønsker seg til {bransje}.",
      "Noen deltakere har helseplager som må tas hensyn til i yrkesvalget.",
      "Flere ønsker seg sertifikat eller truckførerbevis før de søker jobb.",
      "Gjennomgang av utdanning fra hjemlandet for dem som vil ha godkjenning i Norge.",
      "Deltakerne med lang botid har ofte lite oppdatert CV.",
    ],
    bistand: [
      "Brukte kartleggingsverktøyet sammen med konkrete spørsmål om hva de har gjort med hendene og i hverdagen.",
      "Var med på jobbskygging i {bransje} for å gi et bilde av arbeidsoppgavene.",
      "Laget CV sammen med deltakerne og oversatte erfaring fra hjemlandet til norske yrkesbetegnelser.",
      "Gikk gjennom karriereplanene og satte opp tre realistiske delmål.",
      "Avtalte jobbsmaking på én til to dager i {bransje}.",
      "Tok kontakt med {partner} om godkjenning av utdanning.",
      "Brukte bildekort med arbeidsoppgaver for å finne ut hva deltakerne liker og ikke liker.",
      "Snakket med norsklæreren om hvilket språknivå ulike jobber krever.",
    ],
    resultat: [
      "Deltakerne fikk et tydeligere bilde av egne ferdigheter og ønsker.",
      "Flere har nå konkrete yrkesønsker som vi kan bruke i jobbsøket.",
      "CV-ene er ferdige og kan sendes til arbeidsgivere.",
      "Noen endret yrkesmål etter jobbsmakingen.",
      "{antall} karriereplaner er oppdatert.",
      "Kartleggingen viste mer arbeidserfaring enn det som stod i papirene.",
      "Jobbsmakingen er avtalt, men ikke gjennomført ennå.",
      "Vi er ikke kommet så langt som planlagt; kartleggingen fortsetter neste uke.",
    ],
    annerledes: [
      "Kunne brukt mer tid på å kartlegge erfaring fra uformelt arbeid.",
      "Burde tatt med norsklærer i kartleggingen for å se på språkbehov.",
      "Vi kunne startet jobbsmakingen tidligere.",
      "Kartleggingsskjemaet er for langt og bør forenkles.",
      "Burde spurt mer om hva deltakerne har gjort i frivillig arbeid.",
      "Kunne brukt tolk også i CV-arbeidet.",
      "Ingenting å endre denne uka.",
    ],
    god_praksis: [
      "Kartlegging i praksis, på en arbeidsplass, sier mer enn samtaler på kontoret.",
      "Å la deltakerne beskrive en vanlig dag i hjemlandet fikk fram skjulte ferdigheter.",
      "Jobbsmaking på en til to dager ga mye læring for både deltakere og oss.",
      "En kort CV på én side med bilder av det deltakerne har laget, fungerer godt.",
      "Å spørre om hva deltakerne har hjulpet naboer og familie med, får fram mye.",
    ],
  },
  3: {
    situasjon: [
      "Jobbsøk mot butikk, renhold og lager, der det er mange ledige stillinger.",
      "Kontaktet bedrifter i nærområdet som ikke lyser ut stillinger.",
      "Deltakerne søkte på utlyste stillinger uten å få svar.",
      "Samarbeid med markedskontakten i NAV om bedrifter med rekrutteringsbehov.",
      "Jobbsøk i {bransje} for {antall} deltakere.",
      "Sesongtopp i handel og hotell; mange arbeidsgivere trenger folk raskt.",
      "Flere arbeidsgivere krever mer norsk enn deltakerne har.",
      "Nye kontakter med arbeidsgivere i {bransje} etter en rekrutteringsmesse.",
      "Noen deltakere har fått avslag etter intervju og har mistet motet.",
    ],
    bistand: [
      "Ringte og besøkte arbeidsgivere sammen med deltakerne og presenterte dem ut fra styrker, ikke begrensninger.",
      "Forberedte deltakerne på jobbintervju med rollespill på norsk.",
      "Brukte nettverket fra tidligere praksisplasser for å finne nye muligheter.",
      "Fulgte deltakerne til åpne rekrutteringsdager hos store arbeidsgivere.",
      "Oppsøkte {antall} arbeidsgivere i {bransje} uten avtale på forhånd.",
      "Var med på intervjuene og forklarte hva oppfølgingen fra oss innebærer.",
      "Gikk gjennom avslagene sammen med deltakerne og justerte søknadene.",
      "Laget en kort presentasjon av tiltaket som arbeidsgiverne kan beholde.",
    ],
    resultat: [
      "To praksisplasser med mulighet for ansettelse er avtalt.",
      "Flere arbeidsgivere var positive, og vi har avtalt nye møter.",
      "Ett intervju førte til tilbud om ringevikariat.",
      "Få konkrete resultater denne uka, men flere gode samtaler.",
      "{antall} nye arbeidsgiverkontakter, hvorav én i {bransje} vil ha et møte.",
      "Avtale om arbeidstrening med mulighet for fast stilling.",
      "Ingen tilbud ennå; vi fortsetter med de samme arbeidsgiverne neste uke.",
      "Deltakerne som fikk avslag, vil prøve igjen.",
    ],
    annerledes: [
      "Burde fulgt opp arbeidsgiverne raskere etter første møte.",
      "Kunne forberedt arbeidsgiverne bedre på hva vi tilbyr av oppfølging.",
      "Vi brukte for mye tid på utlyste stillinger.",
      "Kunne vært mer ute og mindre på kontoret denne uka.",
      "Burde hatt deltakerne med på flere av arbeidsgiverbesøkene.",
      "Vi bør ringe arbeidsgiverne før lunsj; etterpå er det vanskelig å nå dem.",
      "Ingenting spesielt.",
    ],
    god_praksis: [
      "Å møte arbeidsgiver ansikt til ansikt gir mye mer enn e-post.",
      "En jobb som passer deltakernes ønsker gir bedre match enn første ledige plass.",
      "Rask respons på arbeidsgivers henvendelse ble satt pris på.",
      "Å presentere oss som en ressurs for arbeidsgiver, ikke som en som ber om en tjeneste, åpner dører.",
      "Å gå gjennom avslag sammen gjør at deltakerne ikke gir opp.",
    ],
  },
  4: {
    situasjon: [
      "Oppfølgingsmøter med arbeidsgivere om deltakere i praksis.",
      "Arbeidsgivere lurte på lønnstilskudd og hvordan en ansettelse kan finansieres.",
      "Misforståelser om arbeidstid og oppmøte på en av praksisplassene.",
      "Nye mentorer på arbeidsplassene skulle læres opp i samarbeidet.",
      "Trepartsmøter på {antall} arbeidsplasser i {bransje}.",
      "En arbeidsgiver vurderer å avslutte en praksis fordi arbeidstempoet er lavt.",
      "Praksisperiodene nærmer seg slutten, og arbeidsgiverne må ta stilling til ansettelse.",
      "Arbeidsgiverne ønsker mer kontakt med oss enn vi har hatt tid til.",
    ],
    bistand: [
      "Gikk gjennom oppfølgingsplanene sammen med arbeidsgiverne og avtalte hvor ofte vi kommer.",
      "Informerte om lønnstilskudd og mentortilskudd fra NAV og hjalp med søknadene.",
      "Hadde en nøytral meglerrolle i samtalene om forventninger til oppmøte.",
      "Forklarte arbeidsgiverne hvordan de kan gi beskjeder på en enkel og tydelig måte.",
      "Avtalte en prøveperiode med tettere oppfølging før arbeidsgiveren bestemmer seg.",
      "Hjalp {partner} med papirene for tilskudd.",
      "Møtte mentorene og gikk gjennom hva som er vanskelig i starten.",
      "Besøkte arbeidsplassene på {ukedag} da det er roligst.",
    ],
    resultat: [
      "Arbeidsgiverne er fornøyde og vil ta inn flere deltakere.",
      "Misforståelsene ble oppklart, og praksisen fortsetter.",
      "Søknader om lønnstilskudd er sendt, og ansettelser er planlagt.",
      "Mentorene føler seg tryggere i rollen.",
      "{antall} praksisperioder er forlenget.",
      "Én praksis ble avsluttet; vi leter etter en arbeidsplass som passer bedre.",
      "En arbeidsgiver i {bransje} vil tilby fast deltid etter sommeren.",
      "Vi har avtalt faste besøksdager på alle arbeidsplassene.",
    ],
    annerledes: [
      "Burde avklart forventningene tydeligere før praksisstart.",
      "Kunne kommet tettere på i de første ukene.",
      "Vi bør lage en enkel oversikt over tilskudd til arbeidsgivere.",
      "Kunne involvert deltakerne mer i samtalene med arbeidsgiver.",
      "Burde tatt opp tempoet med arbeidsgiveren før det ble et problem.",
      "Kunne avtalt neste møte før vi gikk fra arbeidsplassen.",
      "Ingenting å endre denne gangen.",
    ],
    god_praksis: [
      "Faste, korte besøk på arbeidsplassen forebygger problemer.",
      "Når arbeidsgiverne vet at vi er lett tilgjengelige på telefon, tør de ta sjansen.",
      "Å snakke om uskrevne regler tidlig sparer mye tid senere.",
      "Trepartsmøter der deltakerne selv forteller hvordan det går, gir eierskap.",
      "En skriftlig plan for praksisperioden gjør det lettere å snakke om ansettelse.",
    ],
  },
  5: {
    situasjon: [
      "Opplæring i arbeidsoppgaver for deltakere som nylig har startet i jobb.",
      "Etteroppfølging av deltakere som har fått fast ansettelse.",
      "Utfordringer med norsk fagspråk og HMS-regler på arbeidsplassene.",
      "Behov for støtte utenom jobb, blant annet barnehage, transport og skatt.",
      "{antall} deltakere er i jobb i {bransje} og følges opp ukentlig.",
      "Turnusarbeid og helgevakter gjør det vanskelig å få til barnepass.",
      "Noen nyansatte er usikre på lønnsslipp, skattetrekk og feriepenger.",
      "Arbeidsgiverne ønsker mindre oppfølging nå som det går bra.",
    ],
    bistand: [
      "Var med på arbeidsplassen de første dagene og lærte opp sammen med kollegaer.",
      "Laget enkle bildebaserte instrukser for arbeidsoppgavene sammen med arbeidsgiverne.",
      "Hjalp med skattekort, bankkonto og planer for førerkort utenom arbeidstid.",
      "Hadde jevnlige samtaler med deltakerne og arbeidsgiverne etter ansettelse.",
      "Gikk gjennom lønnsslipp og skattetrekk med de nyansatte.",
      "Kontaktet {partner} om barnehageplass og åpningstider.",
      "Avtalte med arbeidsgiverne å trappe ned besøkene til annenhver uke.",
      "Øvde på fagord og HMS-skilt sammen med en kollega på arbeidsplassen.",
    ],
    resultat: [
      "Deltakerne mestrer nå arbeidsoppgavene mer selvstendig.",
      "Ansettelsene er forlenget, og arbeidsgiverne ønsker fortsatt kontakt.",
      "Færre avvik og bedre forståelse av HMS-rutinene.",
      "Praktiske ting utenom jobb er på plass, og oppmøtet er bedre.",
      "{antall} deltakere klarer seg nå uten ukentlig oppfølging.",
      "Barnepass er ordnet, og turnusen går opp.",
      "En arbeidsgiver i {bransje} har økt stillingsprosenten.",
      "Oppfølgingen avsluttes etter planen neste måned.",
    ],
    annerledes: [
      "Kunne trappet ned oppfølgingen mer gradvis.",
      "Burde hatt avtale med norsklærer om fagspråk fra starten.",
      "Vi bør planlegge etteroppfølgingen før ansettelsen er på plass.",
      "Kunne brukt kollegaer på arbeidsplassen mer som støtte.",
      "Burde tatt opp lønn og skatt før første lønnsutbetaling.",
      "Ingenting å endre; oppfølgingen går som planlagt.",
    ],
    god_praksis: [
      "Opplæring på selve arbeidsplassen virker bedre enn kurs på forhånd.",
      "Tett oppfølging de første ukene etter ansettelse gjør at flere blir værende.",
      "Å hjelpe med det praktiske utenom jobb frigjør energi til arbeidet.",
      "En fast kollega som kontaktperson gjør at vi kan trekke oss gradvis ut.",
      "Å gå gjennom den første lønnsslippen sammen forebygger mye uro.",
    ],
  },
};

/** A sentence of context that may open the situation, whatever the step. */
export const demoNoteContext: readonly string[] = [
  "Kort uke på grunn av planleggingsdager.",
  "Mye sykdom i gruppa denne uka.",
  "Travel uke med mange avlysninger.",
  "Kollegaen min var på kurs, så jeg hadde flere deltakere enn vanlig.",
  "Tolketjenesten hadde lite kapasitet.",
  "Det var eksamen på norskkurset, så flere møter ble flyttet.",
  "Vi hadde teammøte med jobbspesialistene på {ukedag}.",
  "Etter veiledningen fra forskerne prøvde vi noe nytt.",
  "Ramadan denne måneden; møtene ble lagt til formiddagen.",
  "Ferieavvikling hos mange arbeidsgivere.",
  "Rolig uke, god tid til hver deltaker.",
  "Mange møter på kort tid etter en stille periode.",
];

/** A sentence that may follow a column's core sentence. */
export const demoNoteFollowUp: Record<DemoNoteField, readonly string[]> = {
  situasjon: [
    "Det gjelder særlig dem med kort botid.",
    "Situasjonen er omtrent som forrige måned.",
    "Vi tok det opp i teammøtet.",
    "Flere av dem har vært i tiltaket i over et halvt år.",
  ],
  bistand: [
    "Tolk var med i de fleste samtalene.",
    "Brukte omtrent {timer} timer på dette.",
    "Samarbeidet med {partner} fungerte godt.",
    "Fulgte opp med en telefon noen dager senere.",
    "Vi var to jobbspesialister på de fleste møtene.",
  ],
  resultat: [
    "Vi følger opp på {ukedag}.",
    "For tidlig å si om det varer.",
    "Deltakerne ga selv uttrykk for at det var nyttig.",
    "Veilederne i NAV er orientert.",
  ],
  annerledes: ["Tar det med til neste teammøte.", "Har notert det i planen for neste måned."],
  god_praksis: ["Dette bør deles med de andre jobbspesialistene.", "Det bekrefter det vi så i fjor."],
};

/** What the {slots} take. */
export const demoNoteSlots: Record<string, readonly string[]> = {
  antall: ["to", "tre", "fire", "fem", "seks"],
  bransje: [
    "en barnehage", "et lager", "en matbutikk", "et hotell", "et bilverksted", "et sykehjem", "en kantine",
    "et renholdsbyrå", "et bakeri", "et vaskeri", "en byggvarehandel", "et flyttebyrå", "en skolefritidsordning",
  ],
  ukedag: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"],
  partner: ["programrådgiverne", "flyktningtjenesten", "voksenopplæringen", "helsestasjonen", "markedskontakten i NAV", "fastlegene"],
  timer: ["to", "tre", "fire", "seks"],
};

/** One note's five columns in words; `random` is a seeded generator. god_praksis only if asked. */
export function composeDemoNote(step: DemoStep, random: () => number, withPractice: boolean): Record<DemoNoteField, string | null> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, slot: string) => pick(demoNoteSlots[slot]));
  const pool = demoNoteText[step];
  const column = (field: DemoNoteField, context: boolean): string => {
    const parts = [
      context && random() < 0.3 ? pick(demoNoteContext) : null,
      pick(pool[field]),
      random() < 0.3 ? pick(demoNoteFollowUp[field]) : null,
    ];
    // A slot that opens a sentence («{antall} avtaler …») opens it with a capital.
    return fill(parts.filter((p) => p !== null).join(" ")).replace(/(^|\. )(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
  };
  return {
    situasjon: column("situasjon", true),
    bistand: column("bistand", false),
    resultat: column("resultat", false),
    annerledes: column("annerledes", false),
    god_praksis: withPractice ? column("god_praksis", false) : null,
  };
}

import type { Messages } from "../catalog";

// The accessibility statement and privacy notice. Paragraph keys are numbered in reading order.
export const nb = {
  "a11y.title": "Tilgjengelighetserklæring",
  "a11y.p1": "Medforsker skal kunne brukes av alle, også med skjermleser, forstørrelse, tastatur eller på mobil. Løsningen er laget for å oppfylle kravene i WCAG 2.1 nivå AA, som forskrift om universell utforming av IKT-løsninger krever.",
  "a11y.p2": "Slik sjekker vi: hver side testes automatisk med axe-core i en ekte nettleser før en ny versjon tas i bruk, og sidene fungerer uten JavaScript. Automatiske tester finner ikke alle feil, så vi tester også med tastatur og skjermleser.",
  "a11y.p3": "Kjente mangler: eksportfiler (SPSS og NVivo) er datafiler for analyseprogrammer og er ikke universelt utformet som dokumenter.",
  "a11y.p4": "Finner du noe som ikke virker? Si fra til forskerteamet i prosjektet ditt. Du kan også klage til Tilsynet for universell utforming av IKT (uutilsynet.no).",
  "privacy.title": "Personvernerklæring",
  "privacy.p1": "Medforsker brukes av et forskerteam og de som deltar i følgeforskningen (jobbspesialister og caseansvarlige). Forskningsinstitusjonen som driver prosjektet er behandlingsansvarlig.",
  "privacy.h.accounts": "Om deg som har konto",
  "privacy.p2": "Vi lagrer navn, e-postadresse, rolle, hvilken case du tilhører, et passord-hash (aldri selve passordet), språkvalg og innlogginger (økter). Påloggingsforsøk telles bare i minnet for å stoppe gjetting, og IP-adresser lagres ikke.",
  "privacy.h.logs": "Logger og rapporter",
  "privacy.p3": "Loggnotater skal skrives på aggregert nivå, ikke om enkeltdeltakere. Individrapporter om deltakere har bare en kode fra plattformen, aldri navn eller fødselsnummer, og bygger på samtykke som kan trekkes tilbake.",
  "privacy.h.survey": "Arbeidsgivere som svarer på spørreskjema",
  "privacy.p4": "Arbeidsgivere svarer uten konto. Vi lagrer ikke navn, e-postadresse, IP-adresse eller nettleser, og svaret kan ikke kobles til lenken det kom fra. Innsendingstidspunkt lagres bare som måned.",
  "privacy.h.exports": "Eksport til forskning",
  "privacy.p5": "Data som eksporteres til analyse (SPSS, NVivo) blir avidentifisert: navn erstattes med pseudonymer, datoer grovinndeles til måned, og fritekst renses for navn, telefonnumre, e-postadresser og fødselsnumre. Hver eksport registreres i en revisjonslogg.",
  "privacy.h.rights": "Dine rettigheter",
  "privacy.p6": "Du kan be om innsyn, retting og sletting av opplysninger om deg. Kontakt forskerteamet i prosjektet. Du kan klage til Datatilsynet.",
} as const;

export const en: Messages<typeof nb> = {
  "a11y.title": "Accessibility statement",
  "a11y.p1": "Medforsker is meant to be usable by everyone, including with a screen reader, magnification, keyboard or on a phone. It is built to meet WCAG 2.1 level AA, as the Norwegian regulation on universal design of ICT requires.",
  "a11y.p2": "How we check: every page is tested automatically with axe-core in a real browser before a new version goes live, and the pages work without JavaScript. Automated tests do not find every problem, so we also test with keyboard and screen reader.",
  "a11y.p3": "Known gaps: export files (SPSS and NVivo) are data files for analysis software and are not universally designed as documents.",
  "a11y.p4": "Found something that does not work? Tell the research team of your project. You can also complain to the Authority for Universal Design of ICT (uutilsynet.no).",
  "privacy.title": "Privacy notice",
  "privacy.p1": "Medforsker is used by a research team and the people taking part in the action research (job specialists and case leads). The research institution running the project is the data controller.",
  "privacy.h.accounts": "About you, if you have an account",
  "privacy.p2": "We store your name, e-mail address, role, which case you belong to, a password hash (never the password itself), your language choice and your sign-ins (sessions). Login attempts are counted only in memory to stop guessing, and IP addresses are not stored.",
  "privacy.h.logs": "Logs and reports",
  "privacy.p3": "Log notes are to be written at an aggregated level, not about single participants. Individual participant reports carry only a code made by the platform, never names or national identity numbers, and rest on consent that can be withdrawn.",
  "privacy.h.survey": "Employers answering the questionnaire",
  "privacy.p4": "Employers answer without an account. We store no name, e-mail address, IP address or browser, and an answer cannot be linked to the link it came from. The time of submission is kept only as the month.",
  "privacy.h.exports": "Exports for research",
  "privacy.p5": "Data exported for analysis (SPSS, NVivo) is de-identified: names are replaced by pseudonyms, dates coarsened to the month, and free text scrubbed of names, phone numbers, e-mail addresses and national identity numbers. Every export is recorded in an audit log.",
  "privacy.h.rights": "Your rights",
  "privacy.p6": "You can ask to see, correct or delete information about you. Contact the research team of the project. You can complain to the Norwegian Data Protection Authority (Datatilsynet).",
};

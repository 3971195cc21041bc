// Does a free-text answer of a participant report look like it names or identifies the
// participant? The report knows a participant only by the platform's code, so text that looks
// like an identifier is refused (never stored), with the reason next to the field.
//
// Refused: anything shaped like a national identity number or D-number (any 11 digits, written
// together or as 6 + 5; no checksum test, since a mistyped number identifies just as well),
// phone numbers, e-mail addresses, dates of birth, and names: a name introduced as one ("heter
// Amina", "navn: …", "called …"), after a title ("fru Hassan"), or a common given name in the
// main groups of the project (a list; see docs/decisions/reports-identifiers.md for its limits).

export const IDENTIFIER_KINDS = ["nationalId", "phone", "email", "birthDate", "name"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface IdentifierFinding {
  readonly kind: IdentifierKind;
  /** The text as written. */
  readonly match: string;
}

const NATIONAL_ID = /(?<![\d])\d{6}[ \u00a0.-]?\d{5}(?![\d])/g;
// Norwegian numbers: 8 digits starting 2-9, together or as 3-2-3 / 2-2-2-2 with one kind of
// separator (so "2017 2018" is no phone number), with or without +47/0047; other countries
// only with their + prefix and at least 7 more digits.
const SEP = "[ \\u00a0.-]";
const PHONE = new RegExp(
  `(?<![\\d+\\p{L}])(?:(?:\\+|00)47${SEP}?)?` +
    `(?:[2-9]\\d{7}|[2-9]\\d{2}(${SEP})\\d{2}\\1\\d{3}|[2-9]\\d(${SEP})\\d{2}\\2\\d{2}\\2\\d{2})(?![\\d\\p{L}])` +
    `|(?<![\\d\\p{L}])\\+(?!47)\\d{1,3}(?:${SEP}?\\d){7,12}(?![\\d])`,
  "gu",
);
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// "født 12.03.1985", "f. 1985", "fødselsdato: …", "born in 1985", and any full date in a year
// when an adult participant of the 2010s or later was born (reports themselves are about later years).
const BIRTH_WORDS = /(?<![\p{L}])(?:født|fødd|f\.|fødselsdato|fødselsår|born|date of birth|d\.o\.b\.|dob)\s*(?::\s*)?(?:den\s+|in\s+|on\s+|i\s+)?(?:\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|\d{1,2}\.?\s+\p{L}+\s+\d{4}|\d{4})/giu;
const OLD_FULL_DATE = /(?<![\d])(?:0?[1-9]|[12]\d|3[01])\s*[./-]\s*(?:0?[1-9]|1[0-2])\s*[./-]\s*(?:19\d{2}|200\d)(?![\d])|(?<![\d])(?:19\d{2}|200\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d])/gu;

const CAPITALISED = "\\p{Lu}[\\p{Ll}'’-]+";
/** A word with either case of its first letter ("heter" / "Heter"); the name after it must be capitalised. */
const anyCase = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
const INTRO_WORDS = ["heter", "het", "kalles", "navnet hans", "navnet hennes", "navnet er", "navn:", "fornavn:", "etternavn:", "named", "called", "his name is", "her name is", "the name is", "name:"];
const NAME_INTRO = new RegExp(
  `(?<![\\p{L}])(?:${INTRO_WORDS.map((w) => anyCase(w).replace(":", "\\s*:")).join("|")})\\s+(${CAPITALISED}(?:\\s+${CAPITALISED})?)`,
  "gu",
);
const TITLE_NAME = new RegExp(`(?<![\\p{L}])(?:[Ff]ru|[Ff]rk\\.?|[Hh]err|Mr\\.?|Mrs\\.?|Ms\\.?|Miss)\\s+(${CAPITALISED})`, "gu");

// Common given names in the largest groups of the case projects (Syria, Eritrea, Somalia,
// Afghanistan, Iraq, Pakistan, Ethiopia, Sudan, Iran) and in Norway. Names that are also
// everyday Norwegian or English words (Hans, Per, Liv, Dag, Tone, Ruta, Rim, Said, Hope, Mina …)
// are left out: a capital at the start of a sentence would make them false alarms.
const COMMON_GIVEN_NAMES = [
  // Arabic, Somali, Dari/Pashto, Urdu, Farsi
  "Mohammad", "Mohammed", "Muhammad", "Mohamed", "Mohamad", "Muhammed", "Ahmad", "Ahmed", "Ali", "Omar", "Umar",
  "Hassan", "Hasan", "Hussein", "Hussain", "Husein", "Mahmoud", "Mahmood", "Mustafa", "Mostafa", "Khaled", "Khalid",
  "Abdullah", "Abdallah", "Abdi", "Abdirahman", "Abdulrahman", "Abdul", "Yusuf", "Yousef", "Youssef", "Ibrahim",
  "Ismail", "Hamid", "Rashid", "Karim", "Samir", "Tariq", "Bilal", "Imran", "Faisal", "Usman", "Osman", "Hamza",
  "Jamal", "Nabil", "Walid", "Waleed", "Majid", "Saeed", "Zakaria", "Idris", "Anwar", "Jawad", "Farid", "Reza",
  "Mehdi", "Javad", "Nasir", "Naser", "Qasim", "Kassim", "Abdikadir", "Mahad", "Liban", "Guled", "Farhan",
  "Zainab", "Zaynab", "Fatima", "Fatuma", "Fadumo", "Fatemeh", "Aisha", "Aysha", "Ayesha", "Amina", "Aminah",
  "Maryam", "Mariam", "Khadija", "Khadijah", "Halima", "Hawa", "Asha", "Hodan", "Sahra", "Layla", "Leila", "Laila",
  "Noor", "Nour", "Rania", "Yasmin", "Yasmina", "Jasmin", "Samira", "Nadia", "Hana", "Huda", "Shirin", "Shabnam",
  "Parwin", "Zahra", "Zohra", "Jamila", "Nasrin", "Ayan", "Hibo", "Sadia", "Shazia", "Nazia", "Rukhsana", "Farah",
  "Sana", "Saima", "Nasima", "Hafsa", "Ruqia", "Sumaya", "Sumaiya", "Samia", "Ilham", "Iman", "Amal", "Reem",
  "Ghada", "Safia", "Warsan", "Ifrah", "Ubah", "Deqa", "Khalida", "Malalai", "Mahbooba", "Gulalai", "Parveen",
  // Tigrinya, Amharic
  "Rahel", "Senait", "Tesfaye", "Yonas", "Yohannes", "Dawit", "Kibrom", "Mehari", "Tekle", "Berhane", "Habtom",
  "Filmon", "Semere", "Selam", "Saba", "Almaz", "Tsehay", "Mulu", "Abeba", "Freweini", "Helen", "Haben",
  "Aster", "Tigist", "Meron", "Mekdes", "Hiwet", "Letay", "Yordanos", "Biniam", "Merhawi", "Tesfit", "Goitom",
  "Daniel", "Samuel", "Solomon", "Yemane", "Kidane", "Amanuel", "Eyob", "Fiori", "Luwam", "Elsa", "Winta",
  // Norwegian
  "Ole", "Lars", "Kari", "Ingrid", "Anne", "Jon", "Knut", "Nils", "Bjørn", "Arne", "Kjell", "Svein", "Marit",
  "Astrid", "Silje", "Ida", "Hilde", "Randi", "Berit", "Trond", "Geir", "Espen", "Anders", "Erik", "Thomas",
  "Kristian", "Ola", "Nora", "Emma", "Sofie", "Ingeborg", "Solveig", "Gunnar", "Terje", "Morten", "Ragnhild",
];
const GIVEN_NAME = new RegExp(`(?<![\\p{L}\\p{N}])(?:${COMMON_GIVEN_NAMES.join("|")})(?:s)?(?![\\p{L}\\p{N}])`, "gu");

function collect(text: string, pattern: RegExp, kind: IdentifierKind, out: IdentifierFinding[], group = 0) {
  for (const m of text.matchAll(pattern)) {
    const value = (m[group] ?? m[0]).trim();
    if (value) out.push({ kind, match: value });
  }
}

/** Everything in `text` that looks like it identifies a person; each match once, by kind. */
export function findIdentifiers(text: string): IdentifierFinding[] {
  if (!text) return [];
  const found: IdentifierFinding[] = [];
  collect(text, NATIONAL_ID, "nationalId", found);
  // Phone numbers are looked for where no identity number was found, so one is not both.
  collect(text.replace(NATIONAL_ID, " "), PHONE, "phone", found);
  collect(text, EMAIL, "email", found);
  const withoutEmails = text.replace(EMAIL, " ");
  collect(withoutEmails, BIRTH_WORDS, "birthDate", found);
  collect(withoutEmails.replace(BIRTH_WORDS, " "), OLD_FULL_DATE, "birthDate", found);
  collect(withoutEmails, NAME_INTRO, "name", found, 1);
  collect(withoutEmails, TITLE_NAME, "name", found, 1);
  collect(withoutEmails, GIVEN_NAME, "name", found);
  const seen = new Set<string>();
  return found
    .sort((a, b) => IDENTIFIER_KINDS.indexOf(a.kind) - IDENTIFIER_KINDS.indexOf(b.kind))
    .filter((f) => {
      const key = `${f.kind}:${f.match.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      // "Tesfaye" once "Tesfaye Gebremedhin" is reported says nothing new.
      return !found.some((g) => g !== f && g.kind === f.kind && g.match.length > f.match.length && g.match.includes(f.match));
    });
}

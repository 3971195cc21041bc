// Formula injection: a spreadsheet program runs a cell that begins with = + - @ (or tab or CR,
// which some of them skip first) as a formula. Every text cell the spreadsheet and CSV writers
// produce passes through here and gets a leading apostrophe if it would start one (OWASP's advice;
// Excel and LibreOffice show the text unchanged). Numbers are written as numbers and need none.

const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Counts the cells it changed (for the manifest). */
export class Neutraliser {
  count = 0;
  cell(text: string): string {
    if (!FORMULA_START.test(text)) return text;
    this.count++;
    return `'${text}`;
  }
}

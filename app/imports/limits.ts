// Limits of an import, in a module of their own so the HTTP host can refuse an oversized upload
// before any route is loaded. Documented in README ("Limits").

/** Largest file accepted: a year of a whole team's log as .xlsx is well under 1 MB. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/** Largest request body of the upload form: the file and the few fields beside it. */
export const MAX_IMPORT_FORM_BYTES = MAX_IMPORT_FILE_BYTES + 64 * 1024;
/** Most rows one file may hold (below the header). */
export const MAX_IMPORT_ROWS = 5000;
/** Most columns one sheet may hold. */
export const MAX_IMPORT_COLUMNS = 200;
/** Largest an .xlsx may expand to (its zip entries inflated); a small zip can expand to gigabytes. */
export const MAX_XLSX_EXPANDED_BYTES = 50 * 1024 * 1024;
/** Longest text of one cell (a log note's field is at most a few thousand characters). */
export const MAX_CELL_CHARS = 20_000;

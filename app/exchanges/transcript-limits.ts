// Size limits of a transcript upload, in a module of their own so the HTTP host can refuse an
// oversized body before any route (or mammoth) is loaded. Documented in README ("Limits").

/** Largest transcript file accepted (a two-hour transcript as .docx is well under 1 MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/**
 * Largest a .docx may expand to: the sum of the uncompressed sizes in its zip directory. Text is
 * what a transcript holds; 1,000,000 characters of Word XML come to about 5–10 MB.
 */
export const MAX_DOCX_EXPANDED_BYTES = 25 * 1024 * 1024;
/** Largest request body of the upload form: the file plus the pasted-text field and the rest. */
export const MAX_UPLOAD_FORM_BYTES = MAX_UPLOAD_BYTES + 5 * 1024 * 1024;

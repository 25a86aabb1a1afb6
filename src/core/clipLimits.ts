/**
 * The largest inputs a clip is made from, shared by the API's input checks (apiSchemas.ts) and the command line,
 * which reads files itself: the same file is refused, with the same reason, by the app and by `gloss clip`.
 */

/** Pasted or imported text and HTML, in characters (a file of at most this many bytes fits). */
export const MAX_CLIP_TEXT = 20 * 1024 * 1024;

/** A PDF file, in bytes. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

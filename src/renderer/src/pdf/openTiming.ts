/**
 * Marks on the browser's performance timeline for the steps of opening a PDF clip, so a benchmark (or
 * anyone in the dev tools) can see where the time to the first page goes. Only the latest mark of each
 * step is kept.
 */

/** The steps, in the order they usually happen. */
export const PDF_OPEN_STEPS = [
  'asked',
  'clip-read',
  'bytes',
  'opened',
  'first-page-read',
  'drawn-ahead',
  'mounted',
  'drawn',
] as const;

/** One step of opening a PDF clip. */
export type PdfOpenStep = (typeof PDF_OPEN_STEPS)[number];

/** Marks `step` now (as `gloss-pdf:<step>`), replacing its previous mark. */
export function markPdfOpen(step: PdfOpenStep): void {
  const name = `gloss-pdf:${step}`;
  performance.clearMarks(name);
  performance.mark(name);
}

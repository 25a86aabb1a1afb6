/** Shared by the PDF reader's UI tests: the fixtures, waits and browser-side checks on drawn pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './pageHelpers';

/** A PDF fixture of test/fixtures/pdf as base64 (what clipPdf takes). */
export function pdfFixtureData(name: string): string {
  return readFileSync(join(REPO_ROOT, 'test/fixtures/pdf', name)).toString('base64');
}

/** A safety net for waits on a loaded machine (conditions, not clocks). */
export const SLOW = { timeout: 60_000, interval: 100 };

/** Browser side: whether the page numbered `n` is drawn and in the window. */
export const PAGE_IN_VIEW = `(n) => {
  const el = document.querySelector('.pdf-page[data-page="' + n + '"]');
  if (!el || !el.classList.contains('drawn')) return false;
  const box = el.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
}`;

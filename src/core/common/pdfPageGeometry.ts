/**
 * Where the pages of a PDF sit in the reader's scrolling column, from their sizes alone (no DOM measuring): page
 * tops, the page at a scroll position, and the text of each page in the stored article text.
 */
import { PAGE_SEPARATOR, pageAt } from './pdfLayout';

/** A page's size in CSS pixels at scale 1. */
export interface PageSize {
  width: number;
  height: number;
}

/** The gap between pages, in CSS pixels (the `.pdf-page` margin). */
export const PAGE_GAP = 16;

/** The top of each page (and the end of the last) in the column, at `scale`. */
export function pageTops(sizes: readonly PageSize[], scale: number): number[] {
  const tops = [0];
  for (const s of sizes) tops.push(tops[tops.length - 1]! + s.height * scale + PAGE_GAP);
  return tops;
}

/** The page (0-based) at height `y` of the column. */
export function pageAtY(tops: readonly number[], y: number): number {
  // The tops are ascending starts, like the pages' text starts; the last entry is the column's end.
  return Math.min(pageAt(tops, y), Math.max(0, tops.length - 2));
}

/**
 * The page that fills most of the view from height `from` to `to` of the column (the earlier one on a tie),
 * which is the page a reader is looking at: not the page whose foot is still at the top of the view while
 * the next one fills the rest.
 */
export function pageInView(tops: readonly number[], from: number, to: number): number {
  const last = Math.max(0, tops.length - 2);
  let best = pageAtY(tops, from);
  let most = -1;
  for (let page = best; page <= last && tops[page]! < to; page++) {
    const shown = Math.min(to, tops[page + 1]! - PAGE_GAP) - Math.max(from, tops[page]!);
    if (shown > most) {
      most = shown;
      best = page;
    }
  }
  return best;
}

/** Each page's text: the article text cut at the page starts (the separators between pages left out). */
export function pageTexts(text: string, pageStarts: readonly number[]): string[] {
  return pageStarts.map((start, i) => {
    const next = pageStarts[i + 1];
    return text.slice(start, next === undefined ? text.length : next - PAGE_SEPARATOR.length);
  });
}

/**
 * The canonical article text. Highlight selectors (TextQuote / TextPosition) index into it,
 * and the renderer computes the same string by parsing the same stored HTML in Chromium,
 * so nothing may be normalised after parsing: any change here would shift every stored offset.
 */
import { parseBodyDocument } from './dom';
import { forEachWordSegment } from './segments';

/**
 * Returns the `textContent` of `html` parsed as the body of a document
 * (`<!doctype html><body>` + html), exactly, with no whitespace normalisation.
 */
export function articleText(html: string): string {
  return parseBodyDocument(html).body.textContent ?? '';
}

let segmenter: Intl.Segmenter | null = null;

/**
 * Counts words in `text`. Uses ICU word segmentation so it works for scripts without spaces
 * (Chinese, Japanese, Thai) as well as Latin and Cyrillic; punctuation and numbers-only
 * segments are not words unless ICU marks them word-like. Linear in the text's length (see segments.ts).
 */
export function countWords(text: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let count = 0;
  forEachWordSegment(segmenter, text, () => count++);
  return count;
}

/** Text for comparing loosely: runs of white space as one space, trimmed, lower case. */
export function looseText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

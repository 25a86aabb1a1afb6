/** Word counts of article text, with no HTML parser behind them (the library store counts a new clip's words). */
import { forEachWordSegment } from './segments';

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

/** Word counts of article text, with no HTML parser behind them (the library store counts a new clip's words). */
import { forEachWordSegment } from './segments';

let segmenter: Intl.Segmenter | null = null;

/** Text of ASCII characters only. */
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
/** ASCII white space: ICU's word rules always break around it (they join only white space to white space). */
const WHITE = /[ \t\n\r\f\v]+/;
/** A token ICU counts as exactly one word: ASCII letters, or digits, with at most one stop after them. */
const ONE_WORD = /^(?:[A-Za-z]+|[0-9]+)[.,;:!?]?$/;

function segmentedWords(text: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let count = 0;
  forEachWordSegment(segmenter, text, () => count++);
  return count;
}

/**
 * Counts words in `text`. Uses ICU word segmentation so it works for scripts without spaces
 * (Chinese, Japanese, Thai) as well as Latin and Cyrillic; punctuation and numbers-only
 * segments are not words unless ICU marks them word-like. Linear in the text's length (see segments.ts).
 * ASCII text is split at white space first and its plain words counted without the segmenter (which costs
 * about a millisecond per thousand words): the same count, checked against ICU in wordCount.test.ts.
 */
export function countWords(text: string): number {
  if (!ASCII.test(text)) return segmentedWords(text);
  let count = 0;
  for (const token of text.split(WHITE)) {
    if (!token) continue;
    count += ONE_WORD.test(token) ? 1 : segmentedWords(token);
  }
  return count;
}

/**
 * Word counts for the library list ("2,400 words").
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Counts words the way a reader would, in any script: uses the Unicode word-break rules, so
 * "don't" is one word, punctuation is none, and Chinese or Japanese text is counted by word
 * rather than as one long run.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) n++;
  return n;
}

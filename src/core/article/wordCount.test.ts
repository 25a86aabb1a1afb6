/** ASCII text is counted without the segmenter: the counts must be exactly ICU's. */
import { describe, expect, it } from 'vitest';
import { forEachWordSegment } from './segments';
import { countWords } from './wordCount';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
/** ICU's count over the whole text, as countWords gave before it had a path for ASCII. */
function icuWords(text: string): number {
  let count = 0;
  forEachWordSegment(segmenter, text, () => count++);
  return count;
}

/** Words, numbers, every kind of ASCII punctuation and white space, and the joined forms ICU keeps whole. */
const PIECES = [
  'word',
  'Word',
  'a',
  'I',
  '42',
  '3.5',
  '1,000',
  'x1',
  "don't",
  'U.S.',
  'e.g.',
  'a_b',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r',
  '\f',
  '\v',
  '\u0001',
  ...'.,;:!?\'"()-_/&$%#@*[]{}<>=+~`|\\'.split(''),
  '...',
  '--',
];

describe('countWords on ASCII text', () => {
  it('gives ICU’s count for generated texts of words, numbers and punctuation', () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let i = 1 + Math.floor(next() * 20); i > 0; i--) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(icuWords(text));
    }
  });

  it('gives ICU’s count for prose, and still segments text with other scripts', () => {
    const prose =
      'The survey team counted forty-one nesting pairs (twice last year): 3.5 per cent more, e.g. on U.S. cliffs.';
    expect(countWords(prose)).toBe(icuWords(prose));
    expect(countWords(`${prose} Привет, мир!`)).toBe(icuWords(prose) + 2);
  });
});

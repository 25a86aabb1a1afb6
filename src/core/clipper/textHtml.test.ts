/**
 * Plain text is written in its stored form directly (storedUnitsHtml), skipping the sanitiser: that is only
 * right if it gives exactly what the sanitiser gives, for every text it accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipPastedText } from './pastedText';
import { sanitizeArticleHtml } from './sanitize';
import { splitUnits, type TextUnit } from './textBlocks';
import { storedUnitsHtml, unitsToHtml } from './textHtml';

const fixtures = new URL('../../../test/fixtures/clipper/', import.meta.url);

/** The sanitiser's answer for `units`, and the direct one (null when it declines). */
function both(units: TextUnit[]): { sanitised: string; direct: string | null } {
  return { sanitised: sanitizeArticleHtml(unitsToHtml(units)), direct: storedUnitsHtml(units) };
}

/** A deterministic pseudo-random source (the same texts every run). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Pieces that stress escaping, white space, the Markdown-ish line forms and what the parser changes. */
const PIECES = [
  'word',
  'Tides turn twice a day.',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '&',
  '&amp;',
  '&nbsp;',
  '<',
  '>',
  '<b>',
  '</p>',
  '<!--',
  '<script>',
  '"',
  "'",
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u2028',
  '#',
  '## ',
  '- ',
  '1. ',
  '> ',
  'é',
  'Ж',
  '😀',
  '.',
];

describe('storedUnitsHtml', () => {
  it('gives the sanitiser’s output for the pasted-text fixtures it accepts', () => {
    let direct = 0;
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.txt'))) {
      const units = splitUnits(readFileSync(new URL(name, fixtures), 'utf8').replace(/\r\n?/g, '\n'));
      const result = both(units);
      if (result.direct === null) continue;
      direct++;
      expect(result.direct, name).toBe(result.sanitised);
    }
    expect(direct).toBeGreaterThan(0);
  });

  it('gives the sanitiser’s output for generated texts and units of every kind', () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const kinds = ['line', 'heading', 'item', 'quote', 'code', 'caption'] as const;
    let direct = 0;
    for (let n = 0; n < 150; n++) {
      let text = '';
      for (let i = 1 + Math.floor(next() * 40); i > 0; i--) text += pick(PIECES);
      const cases: TextUnit[][] = [
        splitUnits(text),
        text.split('\n').map((line) => ({
          kind: pick(kinds),
          text: next() < 0.5 ? line : line.trim(),
          level: 2 + Math.floor(next() * 5),
          ordered: next() < 0.5,
        })),
      ];
      for (const units of cases) {
        const result = both(units);
        if (result.direct === null) continue;
        direct++;
        expect(result.direct, JSON.stringify(units)).toBe(result.sanitised);
      }
    }
    // Most of these are accepted (the rest hold blank or untrimmed units), so the comparison means something.
    expect(direct).toBeGreaterThan(100);
  });

  it('declines text that could hold markup or that the parser would change', () => {
    for (const text of [
      'a **bold** word',
      'see [the page](https://example.com/)',
      'run `npm test`',
      'a\u0000b',
      'x\ud800y',
    ]) {
      expect(storedUnitsHtml([{ kind: 'line', text }]), JSON.stringify(text)).toBeNull();
    }
    expect(storedUnitsHtml([{ kind: 'heading', text: 'Top', level: 1 }])).toBeNull();
    expect(storedUnitsHtml([{ kind: 'line', text: ' padded ' }])).toBeNull();
    expect(storedUnitsHtml([{ kind: 'code', text: '  ' }])).toBeNull();
  });

  it('leaves Markdown in pasted text to the sanitiser, which makes its markup', () => {
    const draft = clipPastedText('Notes\n\nThe **tide** turns, as [the almanac](https://example.com/tides) says.');
    expect(draft.html).toContain('<strong>tide</strong>');
    expect(draft.html).toContain('<a href="https://example.com/tides">the almanac</a>');
  });
});

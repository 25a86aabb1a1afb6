import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet';
import { containsPhrase, findTermSpans, foldTerm, tokenize } from './terms';

describe('terms', () => {
  it('tokenises any script and folds case and accents', () => {
    expect(tokenize('Café-au-lait, 2024; Ёлка и ёж!')).toEqual(['Café', 'au', 'lait', '2024', 'Ёлка', 'и', 'ёж']);
    expect(['Café', 'ÉCOLE', 'Ёлка', 'naïve'].map(foldTerm)).toEqual(['cafe', 'ecole', 'елка', 'naive']);
  });

  it('cuts Chinese and Japanese into dictionary words and keeps Japanese voicing marks', () => {
    expect(tokenize('我们在北京大学学习中文')).toEqual(['我们', '在', '北京', '大学', '学习', '中文']);
    expect(tokenize('東京タワー, Tokyo')).toContain('Tokyo');
    expect(foldTerm('がっこう')).not.toBe(foldTerm('かっこう'));
  });

  it('finds phrases word for word, ignoring case, accents and punctuation between words', () => {
    expect(containsPhrase('Big territorial  gains, they said.', ['territorial', 'gains'])).toBe(true);
    expect(containsPhrase('Gains were territorial.', ['territorial', 'gains'])).toBe(false);
    expect(containsPhrase('Un CAFÉ-crème', ['cafe', 'creme'])).toBe(true);
  });

  it('finds the spans of folded terms in the original text', () => {
    const text = 'Un café. Deux CAFÉS. Cafe!';
    expect(findTermSpans(text, new Set(['cafe'])).map((s) => text.slice(s.start, s.end))).toEqual(['café', 'Cafe']);
  });
});

describe('makeSnippet', () => {
  const long = 'alpha '.repeat(60) + 'the target word sits here\n\nwith   more text after it ' + 'omega '.repeat(60);

  it('cuts a window around the match at word boundaries, with ellipses and collapsed whitespace', () => {
    const { snippet, marks, first } = makeSnippet(long, new Set(['target']));
    expect(snippet.startsWith('…alpha ')).toBe(true);
    expect(snippet.endsWith(' omega…')).toBe(true);
    expect(snippet).toContain('sits here with more text');
    expect(snippet.length).toBeLessThanOrEqual(240);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['target']);
    expect(long.slice(first!.start, first!.end)).toBe('target');
  });

  it('prefers the window holding the most different terms', () => {
    const text = 'deal '.repeat(3) + 'x '.repeat(200) + 'a deal was signed by the union ' + 'y '.repeat(200);
    const { snippet, first } = makeSnippet(text, new Set(['deal', 'union']));
    expect(snippet).toContain('a deal was signed by the union');
    expect(text.slice(first!.start, first!.start + 20)).toBe('deal was signed by t');
  });

  it('collapses every kind of whitespace to one space and keeps the marks on their words', () => {
    // Tabs, line breaks, a no-break space, an em space and an ideographic space between words; none kept at the ends.
    const text = ' \tThe\u00a0harbour  opened,\n\nships\u2003came\u3000in. ';
    const words = { terms: new Set(['harbour', 'ships']), prefixes: new Set(['ca']), groups: [new Set(['harbour'])] };
    const { snippet, marks } = makeSnippet(text, words);
    expect(snippet).toBe('The harbour opened, ships came in.');
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['harbour', 'ships', 'came']);
    // A window already single-spaced comes out as it is.
    const plain = makeSnippet('Ships came in.', words);
    expect(plain.snippet).toBe('Ships came in.');
    expect(plain.marks).toEqual([
      [0, 5],
      [6, 10],
    ]);
  });

  it('shows the opening when no term occurs in the text (title-only match)', () => {
    const result = makeSnippet('Short text.', new Set(['absent']));
    expect(result).toEqual({ snippet: 'Short text.', marks: [], first: null });
  });

  it('cuts a word longer than the snippet and marks the part shown', () => {
    const run = 'ACGT'.repeat(100);
    const text = 'Intro. ' + run + ' end.';
    const { snippet, marks, first } = makeSnippet(text, new Set([foldTerm(run)]));
    expect(snippet.length).toBeLessThanOrEqual(240);
    expect(marks).toHaveLength(1);
    expect(snippet.slice(...marks[0]!)).toMatch(/^(ACGT)+/);
    expect(first).toEqual({ start: 7, end: 7 + run.length });
  });

  it('marks Chinese and Japanese words found by dictionary segmentation', () => {
    const text = '我们在北京大学学习中文。东京都に住んでいます。';
    const { snippet, marks } = makeSnippet(text, new Set(['北京', '東京']));
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['北京']);
  });

  it('marks every word a typed beginning begins, whole, and not the same letters inside a word', () => {
    const text = 'The parliament met; a party formed. Apart from that, nothing.';
    const words = { terms: new Set<string>(), prefixes: new Set(['par']), groups: [new Set(['par'])] };
    const { snippet, marks } = makeSnippet(text, words);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['parliament', 'party']);
  });

  it('reads a long text only as far as it must: the first place every typed word is found', () => {
    const text = 'x '.repeat(100) + 'the harbour opened to ships ' + 'y '.repeat(20_000) + 'harbour ships harbour';
    const groups = [new Set(['harbour']), new Set(['ships'])];
    const { snippet, first } = makeSnippet(text, { terms: new Set(['harbour', 'ships']), prefixes: new Set(), groups });
    expect(snippet).toContain('the harbour opened to ships');
    expect(first).toEqual({ start: text.indexOf('harbour'), end: text.indexOf('harbour') + 7 });
    // A word that first occurs far into the text is still found.
    const zeta = new Set(['zeta']);
    const late = makeSnippet(`${text} zeta`, { terms: zeta, prefixes: new Set(), groups: [zeta] });
    expect(late.marks.map(([s, e]) => late.snippet.slice(s, e))).toEqual(['zeta']);
  });
});

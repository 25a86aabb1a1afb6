import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet';
import { findTermSpans, foldTerm, tokenize } from './terms';

describe('terms', () => {
  it('tokenises any script and folds case and accents', () => {
    expect(tokenize('Café-au-lait, 2024; Ёлка и ёж!')).toEqual(['Café', 'au', 'lait', '2024', 'Ёлка', 'и', 'ёж']);
    expect(['Café', 'ÉCOLE', 'Ёлка', 'naïve'].map(foldTerm)).toEqual(['cafe', 'ecole', 'елка', 'naive']);
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

  it('shows the opening when no term occurs in the text (title-only match)', () => {
    const result = makeSnippet('Short text.', new Set(['absent']));
    expect(result).toEqual({ snippet: 'Short text.', marks: [], first: null });
  });

  it('cuts a word longer than the snippet (unspaced text) and marks the part shown', () => {
    const run = '日本語'.repeat(200);
    const text = 'Intro. ' + run + ' end.';
    const { snippet, marks, first } = makeSnippet(text, new Set([foldTerm(run)]));
    expect(snippet.length).toBeLessThanOrEqual(240);
    expect(marks).toHaveLength(1);
    expect(snippet.slice(...marks[0]!)).toMatch(/^(日本語)+/);
    expect(first).toEqual({ start: 7, end: 7 + run.length });
  });
});

import { describe, expect, it } from 'vitest';
import { describeRange, findQuote } from './describe';

const text = 'The committee met on Monday. Negotiations resumed on Tuesday after a long pause in the talks.';

describe('describeRange', () => {
  it('describes a range with 32 characters of context either side', () => {
    const start = text.indexOf('Negotiations');
    const [quote, position] = describeRange(text, start, start + 'Negotiations resumed'.length);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Negotiations resumed',
      prefix: 'The committee met on Monday. ',
      suffix: ' on Tuesday after a long pause i',
    });
    expect(quote.suffix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 20 });
  });

  it('keeps short context at the edges of the text', () => {
    const [quote] = describeRange(text, 0, 3);
    expect(quote.prefix).toBe('');
    expect(quote.exact).toBe('The');
    const [last] = describeRange(text, text.length - 6, text.length);
    expect(last).toMatchObject({ exact: 'talks.', suffix: '' });
  });

  it('never splits an emoji in the context', () => {
    const t = '😀'.repeat(20) + 'word' + '😀'.repeat(20);
    const [quote] = describeRange(t, 40, 44);
    expect(quote.prefix).toBe('😀'.repeat(16));
    expect(quote.suffix).toBe('😀'.repeat(16));
    // 32 code units back from an odd offset would land inside a pair: one fewer is kept.
    const before = '😀'.repeat(20) + 'ab';
    expect(describeRange(before, 41, 42)[0].prefix).toBe('😀'.repeat(15) + 'a');
    const after = 'ab' + '😀'.repeat(20);
    expect(describeRange(after, 0, 1)[0].suffix).toBe('b' + '😀'.repeat(15));
  });

  it('refuses empty or out-of-range ranges', () => {
    for (const [s, e] of [
      [5, 5],
      [6, 5],
      [-1, 3],
      [0, text.length + 1],
      [1.5, 3],
    ]) {
      expect(() => describeRange(text, s!, e!)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    }
  });
});

describe('findQuote', () => {
  it('finds the first exact occurrence', () => {
    expect(findQuote('a cat, a cat', 'cat')).toEqual({ start: 2, end: 5 });
  });

  it('matches across different whitespace and maps back to the original text', () => {
    const t = 'Before.\nNegotiations\n\n   resumed  on Tuesday.';
    const found = findQuote(t, 'Negotiations resumed on\tTuesday');
    expect(found).not.toBeNull();
    expect(t.slice(found!.start, found!.end)).toBe('Negotiations\n\n   resumed  on Tuesday');
  });

  it('ignores whitespace around the quote and treats regex characters literally', () => {
    const t = 'Price (USD): $5.00 [est.]';
    expect(findQuote(t, '  (USD): $5.00 [est.]\n')).toEqual({ start: 6, end: t.length });
    expect(findQuote(t, '$5a00')).toBeNull();
  });

  it('returns null when the quote is absent or empty', () => {
    expect(findQuote(text, 'nowhere to be found')).toBeNull();
    expect(findQuote(text, '   ')).toBeNull();
  });
});

/**
 * Describing a range of the article text as W3C selectors, and finding a quote for the CLI.
 */
import { GlossError } from '../errors';
import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { whitespaceTolerantMatches } from './textMatch';

/** Characters of context kept either side of a quote (as Hypothesis does). */
export const CONTEXT_CHARS = 32;

/**
 * Describes `text[start, end)` as a TextQuoteSelector (the quote with 32 characters of context
 * either side) and a TextPositionSelector. Throws `invalid-input` for an empty or out-of-range range.
 */
export function describeRange(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new GlossError('invalid-input', `The selection (${start}–${end}) is not a range inside the article.`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_CHARS);
  let suffixEnd = Math.min(text.length, end + CONTEXT_CHARS);
  // Never cut an emoji or other astral character in half: a lone surrogate is not text.
  if (isLowSurrogate(text.charCodeAt(prefixStart)) && prefixStart > 0 && prefixStart < start) prefixStart++;
  if (isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && suffixEnd > end) suffixEnd--;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Finds `quote` in `text` for `gloss highlight --quote`: the first exact occurrence, else the first
 * occurrence that differs only in whitespace (offsets map back to the original text), else `null`.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  if (!quote.trim()) return null;
  const at = text.indexOf(quote);
  if (at !== -1) return { start: at, end: at + quote.length };
  return whitespaceTolerantMatches(text, quote)[0] ?? null;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

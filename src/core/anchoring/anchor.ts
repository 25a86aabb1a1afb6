/**
 * Re-anchoring: finding where a stored highlight sits in the (possibly changed) article text.
 * A highlight on the wrong words is worse than an orphan, so every step refuses when unsure.
 */
import search from 'approx-string-match';
import type { HighlightAnchor, TextPositionSelector, TextQuoteSelector } from '../model';
import { closeness, contextSimilarity } from './similarity';
import { exactMatches, whitespaceTolerantMatches } from './textMatch';

/** Context at least this similar "agrees"; unrelated English text scores well below it. */
const CONTEXT_AGREES = 0.5;
/** Context this similar at the stored offsets needs no second opinion from other occurrences. */
const CONTEXT_TRUSTED = 0.9;
/** A quote this long is evidence on its own when it occurs exactly once. */
const SELF_EVIDENT_QUOTE = 16;
/** Fuzzy matches must be at least this similar to the stored quote. */
const FUZZY_QUOTE_SIMILARITY = 0.8;
/** Quotes shorter than this may match at the stored offsets by coincidence; they need agreeing context. */
const SHORT_QUOTE = 8;

interface Candidate {
  start: number;
  end: number;
  context: number;
  near: number;
  quote: number;
}

/**
 * Places a highlight's selectors on `text`, trying in turn: the stored position (if the quote is
 * still there), the exact quote disambiguated by context and nearness, the quote with different
 * whitespace, and a fuzzy match of the quote. Returns `null` (an orphan) when no step is confident.
 */
export function anchorSelectors(
  text: string,
  selectors: [TextQuoteSelector, TextPositionSelector],
): HighlightAnchor | null {
  const [quote, position] = selectors;
  if (!quote.exact) return null;

  // The stored offsets still hold the quote in its own context: the usual case, no search needed.
  const { start, end } = position;
  const atPosition =
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    text.slice(start, end) === quote.exact;
  if (atPosition && contextSimilarity(text, start, end, quote) >= CONTEXT_TRUSTED)
    return { start, end, method: 'position' };

  // Otherwise every occurrence competes on context, the stored place with a bonus for nearness, so
  // an occurrence in the right context wins (e.g. paragraphs were swapped)…
  const exact = exactMatches(text, quote.exact).map((s) => ({ start: s, end: s + quote.exact.length }));
  const byQuote = pickByContext(text, exact, quote, position);
  if (byQuote) return { ...byQuote, method: byQuote.start === start && atPosition ? 'position' : 'quote' };
  // …and failing that, a quote long enough not to be a coincidence still stands where it was stored.
  if (atPosition && quote.exact.length >= SHORT_QUOTE) return { start, end, method: 'position' };

  const spaced = pickByContext(text, whitespaceTolerantMatches(text, quote.exact), quote, position);
  if (spaced) return { ...spaced, method: 'fuzzy' };

  const fuzzy = fuzzyMatch(text, quote, position);
  return fuzzy ? { ...fuzzy, method: 'fuzzy' } : null;
}

/**
 * Chooses among places where the quote occurs. One occurrence is accepted if its context agrees
 * or the quote is long enough to be unmistakable; among several, only context decides (nearness
 * to the old position breaks ties), and with no agreeing context there is no answer.
 */
function pickByContext(
  text: string,
  places: Array<{ start: number; end: number }>,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): { start: number; end: number } | null {
  if (places.length === 0) return null;
  const scored = places.map((p) => score(text, p.start, p.end, quote, position, 1));
  if (scored.length === 1) {
    const only = scored[0]!;
    return only.context >= CONTEXT_AGREES || quote.exact.trim().length >= SELF_EVIDENT_QUOTE ? only : null;
  }
  const agreeing = scored.filter((c) => c.context >= CONTEXT_AGREES);
  return best(agreeing, (c) => c.context * 0.8 + c.near * 0.2);
}

/**
 * Approximate matching for quotes whose words changed a little (a fixed typo, a changed letter).
 * Allows about one error per eight characters, and accepts only a close quote in agreeing context.
 */
function fuzzyMatch(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): { start: number; end: number } | null {
  const length = quote.exact.length;
  const maxErrors = Math.min(32, Math.floor(length / 8));
  if (maxErrors === 0) return null;
  const candidates = search(text, quote.exact, maxErrors)
    .map((m) => score(text, m.start, m.end, quote, position, 1 - m.errors / length))
    .filter((c) => c.quote >= FUZZY_QUOTE_SIMILARITY && c.context >= CONTEXT_AGREES);
  return best(candidates, (c) => c.quote * 0.5 + c.context * 0.35 + c.near * 0.15);
}

function score(
  text: string,
  start: number,
  end: number,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  quoteSimilarity: number,
): Candidate {
  return {
    start,
    end,
    context: contextSimilarity(text, start, end, quote),
    near: closeness(start, position.start, text.length),
    quote: quoteSimilarity,
  };
}

function best(candidates: Candidate[], value: (c: Candidate) => number): { start: number; end: number } | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || value(c) > value(top)) top = c;
  return top && { start: top.start, end: top.end };
}

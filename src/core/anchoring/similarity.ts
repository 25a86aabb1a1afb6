/**
 * How well a stored quote's context agrees with the text around a candidate place.
 */
import type { TextQuoteSelector } from '../model';

/** Edit distance (insertions, deletions, substitutions); the context strings are short (≤ 32). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common. */
export function stringSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * How well the stored prefix and suffix agree with the text around [start, end), from 0 to 1,
 * weighted by how much context each side had. An empty stored side means the quote touched the
 * start (or end) of the text, so it agrees only if the candidate does too. No stored context at
 * all agrees fully: there is nothing to contradict the candidate.
 */
export function contextSimilarity(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const side = (stored: string, actual: string, atEdge: boolean) =>
    stored ? { weight: stored.length, score: stringSimilarity(stored, actual) } : { weight: 1, score: atEdge ? 1 : 0 };
  const p = side(quote.prefix, before, start === 0);
  const s = side(quote.suffix, after, end === text.length);
  return (p.weight * p.score + s.weight * s.score) / (p.weight + s.weight);
}

/** 1 at the old position, falling towards 0 the further away (relative to the text's length). */
export function closeness(start: number, oldStart: number, textLength: number): number {
  return 1 - Math.min(1, Math.abs(start - oldStart) / Math.max(1, textLength));
}

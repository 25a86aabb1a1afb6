/**
 * How text becomes search terms. The same rules index documents, parse queries and find matched
 * words in snippets, so a word found by the index can always be located in the text again.
 */

/** Letters and digits of any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Tokens are letters and digits only, so this is "plain ASCII" for them. */
const ASCII = /^[A-Za-z0-9]*$/;

/** Splits text into words, in any script. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Lowercases and strips accents (decompose, drop combining marks) so "cafe" finds "café" and
 * "ёлка" finds "елка"; the same folding applies to queries, so it never costs a match.
 */
export function foldTerm(term: string): string {
  // Most terms are plain ASCII, and normalising every one slowed indexing by about half.
  if (ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word of a text with its [start, end) offsets. */
export interface TermSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * The spans of `text` whose folded form is in `terms`, in text order. Folding results are
 * memoised per call because article vocabularies repeat a lot.
 */
export function findTermSpans(text: string, terms: ReadonlySet<string>): TermSpan[] {
  const spans: TermSpan[] = [];
  if (terms.size === 0) return spans;
  const folded = new Map<string, string>();
  for (const m of text.matchAll(WORD)) {
    let term = folded.get(m[0]);
    if (term === undefined) folded.set(m[0], (term = foldTerm(m[0])));
    if (terms.has(term)) spans.push({ start: m.index, end: m.index + m[0].length, term });
  }
  return spans;
}

/**
 * Snippets: a short plain-text window of a document around what the search matched.
 */
import { findTermSpans, type TermSpan } from './terms';

/** How many places of each matched word a snippet considers. */
const MAX_FINDS_PER_TERM = 40;

/** About how long a snippet is, in characters. */
export const SNIPPET_LENGTH = 200;

export interface Snippet {
  snippet: string;
  /** [start, end) ranges of matched words in `snippet`. */
  marks: Array<[number, number]>;
  /** The first matched word shown in the snippet, as offsets into the full text. */
  first: { start: number; end: number } | null;
}

/** The first part of a text a snippet reads; it grows fourfold while a typed word is still missing. */
const FIRST_REGION = 2048;

/** What a snippet looks for: whole words, word beginnings, and which of them stand for one typed word. */
export interface SnippetWords {
  terms: ReadonlySet<string>;
  /** Beginnings: any word that starts with one is marked whole. */
  prefixes: ReadonlySet<string>;
  /** Terms and beginnings that stand for the same typed word (itself, its beginning, its typo neighbours). */
  groups: ReadonlyArray<ReadonlySet<string>>;
}

/**
 * Picks the ~200-character window of `text` that shows the most different matched terms (the
 * earliest such window), widens it to whole words, collapses whitespace, and marks the terms.
 * With no matched term in the text the snippet is its opening.
 *
 * Given {@link SnippetWords}, the text is read from its start only until every group has been found (or
 * to its end), so a long article costs what its first matches cost; a set of terms is read whole.
 */
export function makeSnippet(text: string, words: ReadonlySet<string> | SnippetWords, length = SNIPPET_LENGTH): Snippet {
  const { terms, prefixes, groups } =
    words instanceof Set ? { terms: words, prefixes: undefined, groups: null } : (words as SnippetWords);
  // The first few finds of each word are enough to place the window; "the" may occur a thousand times.
  let spans: TermSpan[] = [];
  // Each larger region reads only what the last one did not.
  for (let region = groups ? FIRST_REGION : text.length, from = 0; ; region *= 4) {
    const end = regionEnd(text, region);
    spans = spans.concat(findTermSpans(text, terms, MAX_FINDS_PER_TERM, end, prefixes, from));
    from = end;
    if (end === text.length || covers(spans, groups!)) break;
  }
  const [from, to] = spans.length ? bestWindow(spans, text.length, length) : [0, Math.min(text.length, length)];
  const start = wordStart(text, from);
  const end = wordEnd(text, to);
  const shown = spans.filter((s) => s.start < end && s.end > start);
  return { ...render(text, start, end, shown), first: shown[0] ? { start: shown[0].start, end: shown[0].end } : null };
}

/** Where a region of about `size` characters ends: at the next space (never inside a word), or the text's end. */
function regionEnd(text: string, size: number): number {
  if (size >= text.length) return text.length;
  const space = text.indexOf(' ', size);
  return space < 0 ? text.length : space;
}

/** Whether every group has a term among `spans`. */
function covers(spans: TermSpan[], groups: ReadonlyArray<ReadonlySet<string>>): boolean {
  const found = new Set(spans.map((s) => s.term));
  return groups.every((group) => {
    for (const term of group) if (found.has(term)) return true;
    return false;
  });
}

/** The window of `length` chars around the run of spans with the most distinct terms. */
function bestWindow(spans: TermSpan[], textLength: number, length: number): [number, number] {
  let best = { from: 0, to: 0, distinct: 0 };
  // A sliding window over the spans: [i, j) fit in `length`, `counts` holds their terms.
  const counts = new Map<string, number>();
  for (let i = 0, j = 0; i < spans.length; i++) {
    j = Math.max(j, i);
    for (; j < spans.length && spans[j]!.end - spans[i]!.start <= length; j++)
      counts.set(spans[j]!.term, (counts.get(spans[j]!.term) ?? 0) + 1);
    if (counts.size > best.distinct) best = { from: i, to: Math.max(i, j - 1), distinct: counts.size };
    if (j > i) {
      const left = counts.get(spans[i]!.term)! - 1;
      if (left) counts.set(spans[i]!.term, left);
      else counts.delete(spans[i]!.term);
    }
  }
  const first = spans[best.from]!;
  const last = spans[best.to]!;
  // Centre the matches, leaning towards showing what follows them (the reader reads on).
  const slack = Math.max(0, length - (last.end - first.start));
  let start = Math.max(0, first.start - Math.floor(slack / 3));
  // A single word longer than the snippet (e.g. unspaced CJK text) is cut, not shown whole.
  const end = Math.min(textLength, start + length);
  start = Math.max(0, Math.min(start, end - length));
  return [start, end];
}

/** Widens a cut back to the start of its word, so the snippet neither begins mid-word nor loses a match. */
function wordStart(text: string, at: number): number {
  const limit = Math.max(0, at - 30);
  let i = at;
  while (i > limit && !isSpaceAt(text, i - 1)) i--;
  return i > limit || i === 0 ? i : at;
}

/** Widens a cut forward to the end of its word. */
function wordEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + 30);
  let i = at;
  while (i < limit && !isSpaceAt(text, i)) i++;
  return i < limit || i === text.length ? i : at;
}

/** Where each character of the last rendered window lands in the snippet (reused: no array per snippet). */
let landsAt = new Int32Array(512);

/** Whether the character code at `i` of `text` is whitespace (as `\s`: ASCII first, the rest by the regex). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c >= 0xa0 && SPACE.test(text[i]!);
}
const SPACE = /\s/u;

/**
 * Collapses whitespace, adds ellipses where text was cut, and maps span offsets into the result: one pass
 * over the window's characters and one native replace, with no string or match object per word.
 */
function render(text: string, start: number, end: number, spans: TermSpan[]): Omit<Snippet, 'first'> {
  const prefix = start > 0 ? '…' : '';
  const n = end - start;
  if (landsAt.length <= n) landsAt = new Int32Array(n * 2);
  // Runs of whitespace become one space between words; none is kept before the first or after the last.
  let out = prefix.length;
  let gap = false;
  let started = false;
  // Whether the window is already so (single spaces between words): then it is sliced as it is.
  let plain = true;
  for (let i = 0; i < n; i++) {
    const at = start + i;
    if (isSpaceAt(text, at)) {
      if (gap || !started || text.charCodeAt(at) !== 32) plain = false;
      gap = started;
      landsAt[i] = out;
      continue;
    }
    if (gap) out++;
    gap = false;
    started = true;
    landsAt[i] = out++;
  }
  const shown = plain && !gap ? text.slice(start, end) : text.slice(start, end).replace(SPACES, ' ').trim();
  const snippet = prefix + shown + (end < text.length ? '…' : '');
  const marks = spans.map((s): [number, number] => [
    landsAt[Math.max(s.start, start) - start]!,
    landsAt[Math.min(s.end, end) - 1 - start]! + 1,
  ]);
  return { snippet, marks };
}
const SPACES = /\s+/g;

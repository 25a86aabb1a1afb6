/**
 * How text becomes search terms. The same rules index documents, parse queries and find matched
 * words in snippets, so a word found by the index can always be located in the text again.
 */

import { forEachWordSegment } from '../article/segments';

/** Letters and digits of any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Tokens are letters and digits only, so this is "plain ASCII" for them. */
const ASCII = /^[A-Za-z0-9]*$/;

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai…): a run of their letters is
 * one sentence, not one word, so it is cut into words by the platform's dictionary segmenter.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Combining marks except the Japanese voicing marks, whose loss would turn が into か. */
const FOLDED_MARKS = /(?![\u3099\u309a])\p{M}/gu;

let segmenter: Intl.Segmenter | undefined;

/** A word of a text with its [start, end) offsets. */
export interface WordSpan {
  start: number;
  end: number;
  word: string;
}

/** A run of unspaced script cut into dictionary words (ICU's segmenter handles Chinese and Japanese alike). */
function segmentRun(run: string, at: number): WordSpan[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const out: WordSpan[] = [];
  forEachWordSegment(segmenter, run, (word, index) =>
    out.push({ start: at + index, end: at + index + word.length, word }),
  );
  return out;
}

/**
 * Calls `visit` for each word of `text` with its offsets, in any script (unspaced scripts cut into
 * dictionary words). A callback rather than an array: snippets scan whole articles on every keystroke.
 */
export function forEachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  const unspaced = UNSPACED.test(text);
  for (const m of text.matchAll(WORD)) {
    if (!unspaced || !UNSPACED.test(m[0])) visit(m[0], m.index, m.index + m[0].length);
    else for (const s of segmentRun(m[0], m.index)) visit(s.word, s.start, s.end);
  }
}

/** The words of `text` with their offsets (see {@link forEachWord}). */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  forEachWord(text, (word, start, end) => out.push({ start, end, word }));
  return out;
}

/** Whether a word is in a script written without spaces (its words are short, so prefixes of any length count). */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

/** Splits text into words, in any script. */
export function tokenize(text: string): string[] {
  // The common case (no unspaced script) stays one native regex pass: this runs on every article indexed.
  if (!UNSPACED.test(text)) return text.match(WORD) ?? [];
  return wordSpans(text).map((s) => s.word);
}

/**
 * Lowercases and strips accents (decompose, drop combining marks) so "cafe" finds "café" and
 * "ёлка" finds "елка"; the same folding applies to queries, so it never costs a match.
 */
export function foldTerm(term: string): string {
  // Most terms are plain ASCII, and normalising every one slowed indexing by about half.
  if (ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(FOLDED_MARKS, '').normalize('NFC').toLowerCase();
}

/** A word of a text with its [start, end) offsets and its folded form. */
export interface TermSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * The spans of `text` whose folded form is in `terms`, or begins with one of `prefixes` (the span is then
 * the whole word, and its `term` the prefix), in text order. Most texts fold letter by letter without
 * changing length (case, precomposed accents): those are folded once and the terms looked up with
 * `indexOf`, a whole word at a time, which is what makes snippets cheap on every keystroke. Other texts
 * (unspaced scripts, decomposed accents, letters whose case changes length) are read word by word.
 * Only `text` from `start` to `end` is read (both should fall between words).
 */
export function findTermSpans(
  text: string,
  terms: ReadonlySet<string>,
  maxPerTerm = Infinity,
  end = text.length,
  prefixes: ReadonlySet<string> = NO_PREFIXES,
  start = 0,
): TermSpan[] {
  if (terms.size === 0 && prefixes.size === 0) return [];
  const region = start > 0 || end < text.length ? text.slice(start, end) : text;
  const spans = findInRegion(region, terms, maxPerTerm, prefixes);
  if (start > 0)
    for (const span of spans) {
      span.start += start;
      span.end += start;
    }
  return spans;
}

/** {@link findTermSpans} in a whole string. */
function findInRegion(
  region: string,
  terms: ReadonlySet<string>,
  maxPerTerm: number,
  prefixes: ReadonlySet<string>,
): TermSpan[] {
  const folded = foldInPlace(region);
  if (folded === null) return findTermSpansByWord(region, terms, prefixes);
  const spans: TermSpan[] = [];
  const find = (term: string, prefix: boolean) => {
    let found = 0;
    for (let at = folded.indexOf(term); at >= 0 && found < maxPerTerm; at = folded.indexOf(term, at + 1)) {
      if (isWordCharBefore(folded, at)) continue;
      let end = at + term.length;
      if (prefix) while (isWordCharAt(folded, end)) end++;
      else if (isWordCharAt(folded, end)) continue;
      spans.push({ start: at, end, term });
      found++;
    }
  };
  for (const term of terms) find(term, false);
  for (const prefix of prefixes) find(prefix, true);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // A word found both whole and by its beginning is one span.
  return prefixes.size ? spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start) : spans;
}

const NO_PREFIXES: ReadonlySet<string> = new Set();

/** {@link findTermSpans} for any text: every word folded (memoised, as article vocabularies repeat a lot). */
function findTermSpansByWord(text: string, terms: ReadonlySet<string>, prefixes: ReadonlySet<string>): TermSpan[] {
  const spans: TermSpan[] = [];
  const folded = new Map<string, string>();
  forEachWord(text, (word, start, end) => {
    let term = folded.get(word);
    if (term === undefined) folded.set(word, (term = foldTerm(word)));
    if (terms.has(term)) spans.push({ start, end, term });
    else
      for (const prefix of prefixes) if (term.startsWith(prefix)) return void spans.push({ start, end, term: prefix });
  });
  return spans;
}

const NON_ASCII_RUN = /[^\p{ASCII}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Single characters folded ({@link foldTerm}), e.g. "é" → "e". */
const charFolds = new Map<string, string>();

/**
 * `text` folded as {@link foldTerm} folds its words, offsets unchanged; null when a character's fold
 * changes length or the text has words that the segmenter cuts.
 */
function foldInPlace(text: string): string | null {
  const lower = text.toLowerCase();
  // Plain ASCII (most texts) needs nothing more: one byte per character in UTF-8 says so, far faster than
  // any regular expression over the text.
  if (Buffer.byteLength(lower, 'utf8') === lower.length) return lower;
  if (UNSPACED.test(text) || lower.length !== text.length) return null;
  let out = '';
  let last = 0;
  for (const m of lower.matchAll(NON_ASCII_RUN)) {
    let run = '';
    for (const ch of m[0]) {
      let f = charFolds.get(ch);
      if (f === undefined) charFolds.set(ch, (f = foldTerm(ch)));
      if (f.length !== ch.length) return null;
      run += f;
    }
    out += lower.slice(last, m.index) + run;
    last = m.index + m[0].length;
  }
  return out + lower.slice(last);
}

/** Whether the character at `i` (a whole code point) is a letter or digit. */
function isWordCharAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const code = s.charCodeAt(i);
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Whether the code point ending just before `i` is a letter or digit. */
function isWordCharBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const low = s.charCodeAt(i - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && i >= 2;
  return isWordCharAt(s, isPair ? i - 2 : i - 1);
}

/**
 * Whether `text` holds the words of `phrase` (already folded) one after another, ignoring case,
 * accents, punctuation and spacing between them.
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  const words: string[] = [];
  forEachWord(text, (word) => void words.push(foldTerm(word)));
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

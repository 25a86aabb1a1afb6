/**
 * Choosing the article among several candidates instead of trusting one extractor: Readability's article, the
 * element the page marks as its article (`<article>`, `itemprop="articleBody"`), and, as the referee when the
 * page publishes it, the JSON-LD `articleBody` (the publisher's own text of the article, written for search
 * engines). The page body without its chrome is the last resort.
 */
import { elementsByTag, elementsByTags, hasDescendant } from '../article/dom';
import { looseText } from '../article/text';
import { textAndLinks } from './boilerplate';

/** One possible article: where it comes from and its content, an element of the page's document. */
export interface Candidate {
  source: 'readability' | 'marked' | 'json-ld' | 'body';
  root: Element;
}

/** Readability found an article worth keeping: some real text, not a cookie banner. */
export const MIN_ARTICLE_CHARS = 140;

/** The words of `text`, for comparing texts as bags of words. */
function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** How well `text` agrees with `reference` as bags of words (F1 of the overlap), 0 to 1. */
export function agreement(text: string, reference: string): number {
  const want = words(reference);
  const got = words(text);
  let overlap = 0;
  let gotTotal = 0;
  let wantTotal = 0;
  for (const n of want.values()) wantTotal += n;
  for (const [w, n] of got) {
    gotTotal += n;
    overlap += Math.min(n, want.get(w) ?? 0);
  }
  return overlap ? (2 * overlap) / (gotTotal + wantTotal) : 0;
}

const PROSE_BLOCKS: ReadonlySet<string> = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'DD']);
const OPENING_BLOCKS = ['p', 'li', 'blockquote', 'pre', 'td'];

/** Text in prose blocks (paragraphs of 80+ characters, mostly not links): how much article a candidate holds. */
export function proseChars(root: Element): number {
  let n = 0;
  for (const p of elementsByTags(root, PROSE_BLOCKS)) {
    if (hasDescendant(p, ['P', 'LI'])) continue;
    const { text, links } = textAndLinks(p);
    if (text >= 80 && links < text * 0.5) n += text;
  }
  return n;
}

/**
 * The first paragraph of 40+ characters in `root` (folded), the opening a good candidate must keep: a `<p>`, or
 * when there is none, a list item, quote, preformatted block or table cell (in that order). A list of other
 * headlines left above the article inside its marked element is not its opening.
 */
export function opening(root: Element): string | null {
  for (const tag of OPENING_BLOCKS) {
    for (const p of elementsByTag(root, tag)) {
      const t = looseText(p.textContent);
      if (t.length >= 40) return t.slice(0, 60);
    }
  }
  return null;
}

/** The share of `reference`'s words that `text` holds, 0 to 1. */
export function coverage(text: string, reference: string): number {
  const want = words(reference);
  const got = words(text);
  let overlap = 0;
  let total = 0;
  for (const [w, n] of want) {
    total += n;
    overlap += Math.min(n, got.get(w) ?? 0);
  }
  return total ? overlap / total : 0;
}

const wordTotal = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The best candidate. Without a reference: Readability's article when it has real text and keeps the marked
 * article's opening (Readability can pick a newsletter box or cookie notice over a short article), else the
 * marked article, else the page body. With the publisher's `articleBody` as reference: when it is the whole
 * article (as long as the candidates), the candidate agreeing with it most, or the reference itself when none
 * agrees; when it is only a teaser, the usual choice as long as it holds the teaser, else the one that does.
 */
export function chooseCandidate(candidates: Candidate[], reference: string | null): Candidate | null {
  const text = (c: Candidate) => c.root.textContent ?? '';
  const usable = candidates.filter((c) => looseText(text(c)).length > 0);
  if (usable.length === 0) return null;
  const dom = usable.filter((c) => c.source !== 'json-ld');
  const fromReference = usable.find((c) => c.source === 'json-ld');
  const usual = usualChoice(dom);
  if (!reference || !fromReference || wordTotal(reference) < 40) return usual ?? fromReference ?? null;
  const refWords = wordTotal(reference);
  const longest = Math.max(0, ...dom.map((c) => wordTotal(text(c))));
  if (refWords >= longest * 0.6) {
    const best = dom.map((c) => ({ c, score: agreement(text(c), reference) })).sort((a, b) => b.score - a.score)[0];
    return best && best.score >= 0.6 ? best.c : fromReference;
  }
  if (usual && coverage(text(usual), reference) >= 0.7) return usual;
  const covering = dom.map((c) => ({ c, score: coverage(text(c), reference) })).sort((a, b) => b.score - a.score)[0];
  return covering && covering.score >= 0.7 ? covering.c : (usual ?? fromReference);
}

function usualChoice(usable: Candidate[]): Candidate | null {
  const text = (c: Candidate) => c.root.textContent ?? '';
  const readability = usable.find((c) => c.source === 'readability');
  const marked = usable.find((c) => c.source === 'marked');
  const markedOpening = marked ? opening(marked.root) : null;
  if (
    readability &&
    looseText(text(readability)).length >= MIN_ARTICLE_CHARS &&
    (!markedOpening || looseText(text(readability)).includes(markedOpening))
  )
    return readability;
  if (marked && markedOpening) return marked;
  return readability ?? usable.find((c) => c.source === 'body') ?? usable[0] ?? null;
}

/**
 * Query evaluation over a {@link CompactIndex}: each typed word becomes a group of terms (itself, its
 * completions, or its typo neighbours), every group must match, and BM25+ scores add up in typed arrays
 * indexed by short id. Work is bounded by the postings read, never by a scan of all documents: the most
 * selective word goes first and later words only touch the documents still in the running.
 */
import type { CompactIndex } from './compactIndex';
import { FIELD, FIELD_COUNT } from './postings';

/** A term a word stands for, and the weight its matches count at (1 for the word itself). */
export interface WeightedTerm {
  id: number;
  weight: number;
}

/** One typed word (or phrase word): a document matches it when it holds any of its terms. */
export interface Group {
  /** Terms whose matches are scored in full (the word, its most widespread completions, typo neighbours). */
  scored: WeightedTerm[];
  /** Further completions: they make a document match (recall is complete) at a token score. */
  rest: number[];
  /**
   * Instead of `rest`: every document with a word of this beginning (a two-letter word's list), read as
   * one list rather than hundreds.
   */
  members?: Int32Array;
  /** Only matches in this field count (`title:` words); -1 for any field. */
  field: number;
  /** Every term id of the group (for phrases and adjacency). */
  all: Set<number>;
  /** The typed word when its completions count too (snippets then mark every word it begins). */
  prefix?: string;
}

/** How far a typed word may expand. */
export interface ExpandOptions {
  prefix: boolean;
  /** Largest edit distance forgiven (0: none). */
  maxDistance: number;
}

/** Completions scored in full, the most widespread first; the others still match. */
export const MAX_SCORED_COMPLETIONS = 12;
/** Typo neighbours searched, the most widespread first. */
export const MAX_FUZZY_TERMS = 6;

/** MiniSearch's weights for prefix and fuzzy matches and its BM25+ parameters (the ranking Gloss had). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** How much a match in each field counts. */
export const BOOSTS: Record<keyof typeof FIELD, number> = {
  title: 3,
  byline: 1,
  site: 1,
  body: 1,
  quote: 2,
  note: 1,
  tags: 2,
};
/** Fields whose match says more than a mention in the body. */
const STRONG = new Set(['title', 'byline', 'quote', 'note', 'tags']);

/** The terms `word` (folded) stands for, within the caps above. */
export function expandWord(index: CompactIndex, word: string, options: ExpandOptions): Group {
  const group: Group = { scored: [], rest: [], field: -1, all: new Set(), prefix: options.prefix ? word : undefined };
  const exact = index.vocab.get(word);
  if (exact !== undefined) group.scored.push({ id: exact, weight: 1 });
  const df = (id: number) => index.lists[id]!.distinct;
  let known = exact !== undefined;
  if (options.prefix) {
    const completions: number[] = [];
    for (const [term, id] of index.vocab.atPrefix(word)) if (term !== word) completions.push(id);
    known ||= completions.length > 0;
    completions.sort((a, b) => df(b) - df(a) || a - b);
    completions.forEach((id, i) => {
      if (i >= MAX_SCORED_COMPLETIONS) return void group.rest.push(id);
      const length = index.terms[id]!.length;
      group.scored.push({ id, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * (length - word.length)) });
    });
  }
  // Typo neighbours only for a word the index does not know, as typed or as a beginning: a known word
  // was most likely typed on purpose, and the fuzzy walk of a large vocabulary is the costliest step.
  if (options.maxDistance > 0 && !known) {
    const neighbours = [...index.vocab.fuzzyGet(word, options.maxDistance)]
      .filter(([, [, distance]]) => distance > 0)
      .sort(([, [a]], [, [b]]) => df(b) - df(a) || a - b)
      .slice(0, MAX_FUZZY_TERMS);
    for (const [term, [id, distance]] of neighbours)
      group.scored.push({ id, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
  }
  for (const t of group.scored) group.all.add(t.id);
  for (const id of group.rest) group.all.add(id);
  return group;
}

/** What {@link Matcher.match} found, valid until its next call. */
export interface Matches {
  /** Short ids of the documents that match every group, in no particular order. */
  ids: number[];
  score: Float64Array;
  /** 0: every word matched outside the site name, one in a strong field; 1: the same in the body; 2: needs the site name. */
  tier: Uint8Array;
}

/** Evaluates groups; keeps its scratch arrays from one query to the next. */
export class Matcher {
  private score = new Float64Array(0);
  private matched = new Uint8Array(0);
  private content = new Uint8Array(0);
  private strong = new Uint8Array(0);
  private tier = new Uint8Array(0);
  private touched: number[] = [];

  constructor(private readonly index: CompactIndex) {}

  /** The documents that match every group (at most 255). */
  match(groups: Group[]): Matches {
    this.reset();
    const index = this.index;
    const order = [...groups].sort((a, b) => cost(index, a) - cost(index, b));
    const total = index.liveCount;
    const avg = Array.from({ length: FIELD_COUNT }, (_, f) => index.averageLength(f));
    const boosts = Object.values(BOOSTS);
    const strongField = Object.keys(BOOSTS).map((f) => (STRONG.has(f) ? 1 : 0));
    const { score, matched, content, strong, touched } = this;
    const { live, fieldLength } = index;
    const site = FIELD.site;
    order.forEach((group, g) => {
      const visit = (id: number, weight: number, full: boolean) => {
        const list = index.lists[id]!;
        const idf = Math.log(1 + (total - list.distinct + 0.5) / (list.distinct + 0.5));
        const { docs, meta, length } = list;
        for (let i = 0; i < length; i++) {
          const doc = docs[i]!;
          const m = matched[doc]!;
          if ((m !== g && m !== g + 1) || !live[doc]) continue;
          const packed = meta[i]!;
          const field = packed >> 5;
          if (group.field >= 0 && field !== group.field) continue;
          if (m === g) {
            matched[doc] = g + 1;
            if (g === 0) touched.push(doc);
          }
          const factor = weight * boosts[field]! * idf;
          if (full) {
            const tf = packed & 31;
            const norm = 1 - B + (B * fieldLength[doc * FIELD_COUNT + field]!) / avg[field]!;
            score[doc]! += factor * (D + (tf * (K + 1)) / (tf + K * norm));
          } else score[doc]! += factor * D;
          if (field !== site && content[doc] === g) content[doc] = g + 1;
          if (strongField[field]) strong[doc] = 1;
        }
      };
      for (const { id, weight } of group.scored) visit(id, weight, true);
      for (const id of group.rest) visit(id, PREFIX_WEIGHT / 2, false);
      if (group.members) {
        // Membership alone, at the token score of a match in the body.
        const docs = group.members;
        const idf = Math.log(1 + (total - docs.length + 0.5) / (docs.length + 0.5));
        const bonus = (PREFIX_WEIGHT / 2) * boosts[FIELD.body]! * idf * D;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          const m = matched[doc]!;
          if ((m !== g && m !== g + 1) || !live[doc]) continue;
          if (m === g) {
            matched[doc] = g + 1;
            if (g === 0) touched.push(doc);
          }
          score[doc]! += bonus;
          if (content[doc] === g) content[doc] = g + 1;
        }
      }
    });
    const need = order.length;
    const ids: number[] = [];
    for (const doc of touched) {
      if (matched[doc] !== need) continue;
      ids.push(doc);
      this.tier[doc] = content[doc] === need ? (strong[doc] ? 0 : 1) : 2;
    }
    return { ids, score, tier: this.tier };
  }

  /** Clears what the last query touched, and sizes the arrays to the index. */
  private reset(): void {
    const size = this.index.size;
    if (this.score.length < size) {
      const capacity = Math.max(size, this.score.length * 2, 1024);
      this.score = new Float64Array(capacity);
      this.matched = new Uint8Array(capacity);
      this.content = new Uint8Array(capacity);
      this.strong = new Uint8Array(capacity);
      this.tier = new Uint8Array(capacity);
      this.touched = [];
      return;
    }
    for (const doc of this.touched) {
      this.score[doc] = 0;
      this.matched[doc] = 0;
      this.content[doc] = 0;
      this.strong[doc] = 0;
      this.tier[doc] = 0;
    }
    this.touched.length = 0;
  }
}

/** The postings a group reads: the cheapest group goes first and bounds the rest. */
function cost(index: CompactIndex, group: Group): number {
  let n = 0;
  for (const { id } of group.scored) n += index.lists[id]!.length;
  for (const id of group.rest) n += index.lists[id]!.length;
  return n + (group.members?.length ?? 0);
}

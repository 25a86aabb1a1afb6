/**
 * Query evaluation over a {@link CompactIndex}: each typed word becomes a group of terms (itself, its
 * completions, or its typo neighbours), every group must match, and BM25+ scores add up in typed arrays
 * indexed by short id. Work is bounded by the postings read, never by a scan of all documents: the most
 * selective word goes first and later words only touch the documents still in the running.
 */
import type { CompactIndex } from './compactIndex';
import { FIELD, FIELD_COUNT, type PostingList } from './postings';

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
  members?: Int32Array[];
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
/** {@link BOOSTS} and {@link STRONG} by field number, for the inner loop. */
const BOOST_OF = Float64Array.from(Object.values(BOOSTS));
const STRONG_FIELD = Uint8Array.from(Object.keys(BOOSTS), (f) => (STRONG.has(f) ? 1 : 0));
const SITE = FIELD.site;
/**
 * A document's state during a query, packed in one 32-bit number so that a posting reads and writes one
 * place (the loops are bound by memory reads): how many groups it matched (bits 0–7), how many of them
 * outside the site name (bits 8–15), and whether one matched in a strong field (bit 16).
 */
const CONTENT_ONE = 0x100;
const STRONG_BIT = 0x10000;
/** What a first-group match in each field sets: matched one group, in content unless the site, strong or not. */
const FIRST_STATE = Int32Array.from(
  STRONG_FIELD,
  (strong, field) => 1 | (field !== SITE ? CONTENT_ONE : 0) | (strong ? STRONG_BIT : 0),
);
const BODY = FIELD.body;
/** A list entry without its own field and count: a match in the body, once. */
const BODY_TOKEN = (FIELD.body << 5) | 1;

/** One evaluation's settings, shared by the inner loop. */
interface Query {
  total: number;
  /** Per field, BM25's length factor: K·B / the field's average length. */
  perLength: Float64Array;
  /** Only this field counts (-1: any). */
  field: number;
  /** The group being read. */
  g: number;
  /** The documents still in the running, ascending (null while reading the first group). */
  candidates: Int32Array | null;
}

/** The terms `word` (folded) stands for, within the caps above. */
export function expandWord(index: CompactIndex, word: string, options: ExpandOptions): Group {
  const group: Group = { scored: [], rest: [], field: -1, all: new Set(), prefix: options.prefix ? word : undefined };
  const exact = index.vocab.get(word);
  if (exact !== undefined) group.scored.push({ id: exact, weight: 1 });
  const df = (id: number) => index.lists[id]!.distinct;
  let known = exact !== undefined;
  if (options.prefix) {
    // Values only: the tree then does not spell out every completion.
    const completions: number[] = [];
    for (const id of index.vocab.atPrefix(word).values()) if (id !== exact) completions.push(id);
    known ||= completions.length > 0;
    for (const id of pickTop(index, completions, group.rest)) {
      const length = index.terms[id]!.length;
      group.scored.push({ id, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * (length - word.length)) });
    }
  }
  // Typo neighbours only for a word the index does not know, as typed or as a beginning: a known word
  // was most likely typed on purpose, and the fuzzy walk of a large vocabulary is the costliest step.
  // The first letter is kept (as search engines' "prefix length" of 1): typos there are rare, and the walk
  // then covers the one branch of the tree under that letter instead of all of them.
  const initial = String.fromCodePoint(word.codePointAt(0) ?? 0);
  if (options.maxDistance > 0 && !known && index.initials.has(initial)) {
    const found = new Map<number, number>();
    for (const [, [id, distance]] of index.vocab
      .atPrefix(initial)
      .fuzzyGet(word.slice(initial.length), options.maxDistance))
      if (distance > 0) found.set(id, distance);
    // Two neighbouring letters typed the wrong way round ("trcue" for "truce") are one slip, not the two
    // edits the tree counts: each such swap after the first letter is looked up as it stands.
    for (const id of swapNeighbours(index, word)) if (!found.has(id)) found.set(id, 1);
    const neighbours = [...found].sort(([a], [b]) => df(b) - df(a) || a - b).slice(0, MAX_FUZZY_TERMS);
    for (const [id, distance] of neighbours) {
      const length = index.terms[id]!.length;
      group.scored.push({ id, weight: (FUZZY_WEIGHT * length) / (length + distance) });
    }
  }
  for (const t of group.scored) group.all.add(t.id);
  for (const id of group.rest) group.all.add(id);
  return group;
}

/** The ids of the known terms `word` becomes when two neighbouring letters after its first are swapped. */
function swapNeighbours(index: CompactIndex, word: string): number[] {
  const chars = [...word];
  const ids: number[] = [];
  for (let i = 1; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const swapped = [...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join('');
    const id = index.vocab.get(swapped);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * The {@link MAX_SCORED_COMPLETIONS} most widespread of `ids` (then the lower id first), in that order,
 * picked in one pass; the others go to `rest` in their order. A two-letter beginning has a thousand
 * completions: sorting them all cost more than the rest of its expansion.
 */
function pickTop(index: CompactIndex, ids: number[], rest: number[]): number[] {
  const lists = index.lists;
  const top: number[] = [];
  const dfs: number[] = [];
  for (const id of ids) {
    const d = lists[id]!.distinct;
    let at = top.length;
    while (at > 0 && (d > dfs[at - 1]! || (d === dfs[at - 1]! && id < top[at - 1]!))) at--;
    if (at >= MAX_SCORED_COMPLETIONS) {
      rest.push(id);
      continue;
    }
    top.splice(at, 0, id);
    dfs.splice(at, 0, d);
    if (top.length > MAX_SCORED_COMPLETIONS) {
      rest.push(top.pop()!);
      dfs.pop();
    }
  }
  return top;
}

/** What {@link Matcher.match} found, valid until its next call. */
export interface Matches {
  /** Short ids of the documents that match every group, in no particular order. */
  ids: Int32Array;
  score: Float64Array;
  /** 0: every word matched outside the site name, one in a strong field; 1: the same in the body; 2: needs the site name. */
  tier: Uint8Array;
}

/** Evaluates groups; keeps its scratch arrays from one query to the next. */
export class Matcher {
  private score = new Float64Array(0);
  /** Per document, packed as described at {@link CONTENT_ONE}. */
  private state = new Int32Array(0);
  private tier = new Uint8Array(0);
  /** The documents the first group matched (`touchedCount` of them). */
  private touched = new Int32Array(0);
  private touchedCount = 0;

  constructor(private readonly index: CompactIndex) {}

  /**
   * The documents that match every group (at most 255) and pass `keep` (filters and phrases: a test of one
   * document, run on the first, most selective group's documents before the other groups are read).
   */
  match(groups: Group[], keep: ((doc: number) => boolean) | null = null): Matches {
    this.reset();
    const index = this.index;
    const order = [...groups].sort((a, b) => cost(index, a) - cost(index, b));
    const q: Query = {
      total: index.liveCount,
      perLength: Float64Array.from({ length: FIELD_COUNT }, (_, f) => (K * B) / index.averageLength(f)),
      field: -1,
      g: 0,
      candidates: null,
    };
    order.forEach((group, g) => {
      q.g = g;
      q.field = group.field;
      // After the first word, only the documents still in the running matter: when they are few, each
      // is looked up in a list (binary search) instead of the list being read through.
      if (g > 0) q.candidates = this.candidates(g);
      if (q.candidates?.length === 0) return;
      for (const { id, weight } of group.scored) this.visitList(q, index.lists[id]!, weight, true);
      for (const id of group.rest) this.visitList(q, index.lists[id]!, PREFIX_WEIGHT / 2, false);
      // Membership alone, at the token score of a match in the body.
      const members = group.members;
      const count = members ? membersCount(members) : 0;
      for (const part of members ?? []) this.visit(q, part, null, part.length, count, PREFIX_WEIGHT / 2, false);
      // The first word's documents that fail `keep` leave the running (matched 0 is never a later
      // group's), so the later, costlier words are read for the survivors only.
      if (g === 0 && keep) {
        const { state, touched, touchedCount } = this;
        for (let i = 0; i < touchedCount; i++) if (!keep(touched[i]!)) state[touched[i]!] = 0;
      }
    });
    const need = order.length;
    const { state, tier, touched, touchedCount } = this;
    let n = 0;
    for (let i = 0; i < touchedCount; i++) if ((state[touched[i]!]! & 0xff) === need) n++;
    const ids = new Int32Array(n);
    n = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const s = state[doc]!;
      if ((s & 0xff) !== need) continue;
      ids[n++] = doc;
      tier[doc] = ((s >> 8) & 0xff) === need ? (s & STRONG_BIT ? 0 : 1) : 2;
    }
    return { ids, score: this.score, tier };
  }

  /** The documents that matched the first `g` groups, ascending. */
  private candidates(g: number): Int32Array {
    const { state, touched, touchedCount } = this;
    let n = 0;
    for (let i = 0; i < touchedCount; i++) if ((state[touched[i]!]! & 0xff) === g) n++;
    const out = new Int32Array(n);
    n = 0;
    for (let i = 0; i < touchedCount; i++) if ((state[touched[i]!]! & 0xff) === g) out[n++] = touched[i]!;
    return out.sort();
  }

  /** {@link visit} for a term's postings and their tail (postings added after a load). */
  private visitList(q: Query, list: PostingList, weight: number, full: boolean): void {
    this.visit(q, list.docs, list.meta, list.length, list.distinct, weight, full);
    const tail = list.tail;
    if (tail) this.visit(q, tail.docs, tail.meta, tail.length, list.distinct, weight, full);
  }

  /**
   * Adds one list's matches to the documents in the running: `meta` packs each posting's field and count
   * (null for a list of documents only, counted as body matches at the token score). This is the inner
   * loop of every query: it reads the per-document arrays through locals and calls nothing per posting.
   */
  private visit(
    q: Query,
    docs: Int32Array,
    meta: Uint8Array | null,
    length: number,
    distinct: number,
    weight: number,
    full: boolean,
  ): void {
    const { candidates } = q;
    const factor = weight * Math.log(1 + (q.total - distinct + 0.5) / (distinct + 0.5));
    if (q.g === 0 && q.field < 0) return this.visitFirst(docs, meta, length, factor, full, q.perLength);
    const { state, score, touched } = this;
    const { live, fieldLength } = this.index;
    const perLength = q.perLength;
    const only = q.field;
    const g = q.g;
    const next = g + 1;
    // Probe (each candidate looked up by binary search, from where the last one was found) when the
    // documents still in the running are few; else read the list through.
    const probe = candidates !== null && candidates.length * 16 < length;
    let c = 0;
    let i = 0;
    for (;;) {
      if (probe) {
        if (i >= length) return;
        if (i === 0 || docs[i] !== docs[i - 1]) {
          // The next candidate at or after position i.
          if (c >= candidates.length) return;
          const want = candidates[c++]!;
          let lo = i;
          let hi = length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (docs[mid]! < want) lo = mid + 1;
            else hi = mid;
          }
          i = lo;
          if (i >= length || docs[i] !== want) continue;
        }
      } else if (i >= length) return;
      const doc = docs[i]!;
      const packed = meta === null ? BODY_TOKEN : meta[i]!;
      i++;
      // Documents out of the running are skipped here.
      const s = state[doc]!;
      const m = s & 0xff;
      if ((m !== g && m !== next) || live[doc] === 0) continue;
      const field = packed >> 5;
      if (only >= 0 && field !== only) continue;
      let changed = s;
      if (m === g) {
        changed++;
        if (g === 0) touched[this.touchedCount++] = doc;
      }
      const f = factor * BOOST_OF[field]!;
      score[doc]! += full ? bm25(f, packed & 31, perLength[field]!, fieldLength[doc * FIELD_COUNT + field]!) : f * D;
      if (field !== SITE && ((s >> 8) & 0xff) === g) changed += CONTENT_ONE;
      if (STRONG_FIELD[field] === 1) changed |= STRONG_BIT;
      state[doc] = changed;
    }
  }

  /**
   * {@link visit} for the first group read with no field restriction, the bulk of a short beginning's
   * work (tens of thousands of postings): every live document it names joins the running, so the loop
   * needs no test of the running and no binary search, and a list of documents alone (no field or count,
   * a two-letter beginning's) has a loop of its own.
   */
  private visitFirst(
    docs: Int32Array,
    meta: Uint8Array | null,
    length: number,
    factor: number,
    full: boolean,
    perLength: Float64Array,
  ): void {
    const { state, score, touched } = this;
    const { live, fieldLength } = this.index;
    let count = this.touchedCount;
    if (meta === null) {
      const add = factor * BOOST_OF[BODY]! * D;
      const body = FIRST_STATE[BODY]!;
      for (let i = 0; i < length; i++) {
        const doc = docs[i]!;
        if (live[doc] === 0) continue;
        const s = state[doc]!;
        if (s === 0) touched[count++] = doc;
        state[doc] = s | body;
        score[doc]! += add;
      }
      this.touchedCount = count;
      return;
    }
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!;
      if (live[doc] === 0) continue;
      const packed = meta[i]!;
      const field = packed >> 5;
      const s = state[doc]!;
      if (s === 0) touched[count++] = doc;
      state[doc] = s | FIRST_STATE[field]!;
      const f = factor * BOOST_OF[field]!;
      score[doc]! += full ? bm25(f, packed & 31, perLength[field]!, fieldLength[doc * FIELD_COUNT + field]!) : f * D;
    }
    this.touchedCount = count;
  }

  /** Clears what the last query touched, and sizes the arrays to the index. */
  private reset(): void {
    const size = this.index.size;
    if (this.score.length < size) {
      const capacity = Math.max(size, this.score.length * 2, 1024);
      this.score = new Float64Array(capacity);
      this.state = new Int32Array(capacity);
      this.tier = new Uint8Array(capacity);
      this.touched = new Int32Array(capacity);
      this.touchedCount = 0;
      return;
    }
    const { score, state, tier, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = touched[i]!;
      score[doc] = 0;
      state[doc] = 0;
      tier[doc] = 0;
    }
    this.touchedCount = 0;
  }
}

/**
 * BM25+ of `tf` matches in a field of `length` words (`perLength`: the field's K·B ÷ average length),
 * times `f` (the term's rarity, weight and field boost). Small enough to be inlined in the loops.
 */
function bm25(f: number, tf: number, perLength: number, length: number): number {
  return f * (D + (tf * (K + 1)) / (tf + (K * (1 - B) + perLength * length)));
}

/** The postings a group reads: the cheapest group goes first and bounds the rest. */
function cost(index: CompactIndex, group: Group): number {
  let n = 0;
  for (const { id } of group.scored) n += index.lists[id]!.total;
  for (const id of group.rest) n += index.lists[id]!.total;
  return n + (group.members ? membersCount(group.members) : 0);
}

function membersCount(parts: Int32Array[]): number {
  let n = 0;
  for (const part of parts) n += part.length;
  return n;
}

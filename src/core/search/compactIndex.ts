/**
 * Gloss's own inverted index. Terms live in MiniSearch's radix tree (`minisearch/SearchableMap`, a public
 * export: prefix and typo lookups) mapping each term to a number; postings are typed arrays
 * ({@link PostingList}); each document keeps its words in order as varints (for phrases and the "words
 * side by side" bonus); filters have their own postings (facets: site and author tokens, tags,
 * collections, kinds, months). Removing a document only marks it dead; the dead postings are left out
 * when the index is saved, so the next load is compact again.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { FIELD_COUNT, FIELDS, IntList, PostingList, pushVarint, type FieldName } from './postings';
import { foldTerm, tokenize } from './terms';
import { mayHaveHashed, pairBytes, runHash, writePairFilter } from './wordPairs';

/** What a document is: an article, a highlight or a notebook page. */
export const KINDS = ['article', 'highlight', 'page'] as const;
export type DocKindName = (typeof KINDS)[number];

/** The JSON-able data a result is made from (titles, dates, quote, note…); the index does not read it. */
export type DocInfo = Record<string, string | number | string[] | null>;

/** A document to index. */
export interface NewDoc {
  key: string;
  kind: number;
  /** Text of each indexed field. */
  fields: Partial<Record<FieldName, string>>;
  /** The fields whose words are kept in order, one after the other, for phrases. */
  sequence: FieldName[];
  /** Facet keys the document is found under by filters (see `filters.ts`). */
  facets: string[];
  /** Its date as YYYYMMDD (published, else clipped; a page's last change), 0 if none. */
  day: number;
  info: DocInfo;
}

/**
 * A batch of saved documents as read back (typed-array views into the file, used in place): per document
 * its key, kind, day, field lengths ({@link FIELD_COUNT} each), its words in order (followed by their pair
 * filter) and its info as JSON text, one after the other in `words` and `infos`. Their postings and
 * facets are saved apart.
 */
export interface SavedDocs {
  keys: unknown[];
  kind: Uint8Array;
  day: Int32Array;
  fieldLength: Uint16Array;
  wordsLength: Int32Array;
  words: Uint8Array;
  infoLength: Int32Array;
  infos: Uint8Array;
}

/** A phrase step with more words than this is not looked up word by word (every word is read instead). */
const MAX_ANCHOR_TERMS = 16;

/**
 * A three-letter beginning gets a list of its documents once this many words begin with it: read as
 * separate lists, its completions cost a query hundreds of lists and several postings per document.
 */
export const LISTED_BEGINNING_COMPLETIONS = 64;

/** Separates fields in a document's word sequence (term ids are stored plus one). */
const SEQUENCE_GAP = 0;

export class CompactIndex {
  readonly vocab = new SearchableMap<number>();
  readonly terms: string[] = [];
  /** Term → id as a hash map too: indexing looks up every word, faster here than in the tree. */
  private readonly ids = new Map<string, number>();
  /** The first letters of the terms (typo neighbours are looked for under the typed word's first letter). */
  readonly initials = new Set<string>();
  readonly lists: PostingList[] = [];
  readonly facets = new SearchableMap<IntList>();
  /**
   * The documents holding a word that begins with each two letters, and with each three letters that
   * begin {@link LISTED_BEGINNING_COMPLETIONS} words or more: such a beginning has hundreds of
   * completions, and this one list says which documents match it without reading all of theirs.
   */
  readonly beginnings = new Map<string, IntList>();
  /** How many terms begin with each three letters (counted from the terms when first needed). */
  private completionCounts: Map<string, number> | null = null;
  /** Three-letter beginnings that have just reached {@link LISTED_BEGINNING_COMPLETIONS} terms, listed at the end of the `add` that made them. */
  private toList: string[] = [];
  /** Per short id. */
  keys: string[] = [];
  /** Per short id, what a result is made from ({@link info}); undefined while a loaded one's is still in the file. */
  private infos: Array<DocInfo | undefined> = [];
  /**
   * Per short id of a loaded document, where its info's JSON is: `infoLength[id]` bytes from `infoAt[id]`
   * in `infoStore[id]` (the file's chunk). It is parsed when a result first shows the document, so a
   * load makes no object per document for it.
   */
  private infoStore: Array<Uint8Array | undefined> = [];
  private infoAt = new Int32Array(64);
  private infoLength = new Int32Array(64);
  /**
   * Per short id, where its words in order are: `wordsLength[id]` bytes from `wordsAt[id]` in
   * `wordStore[id]`, followed by their pair filter (`wordPairs.ts`, {@link pairBytes} long). Loaded
   * documents share the file's chunks (no object per document); a document added later has its own.
   */
  private wordStore: Array<Uint8Array | undefined> = [];
  private wordsAt = new Int32Array(64);
  private wordsLength = new Int32Array(64);
  kind = new Uint8Array(64);
  day = new Int32Array(64);
  live = new Uint8Array(64);
  fieldLength = new Uint16Array(64 * FIELD_COUNT);
  readonly byKey = new Map<string, number>();
  readonly fieldTotal = new Float64Array(FIELD_COUNT);
  liveCount = 0;
  /** Goes up with every document added or removed (what caches of expansions are checked against). */
  version = 0;

  /** Short ids handed out so far (the size of per-document arrays). */
  get size(): number {
    return this.keys.length;
  }

  /** Average length of a field over live documents (BM25's length normalisation). */
  averageLength(field: number): number {
    return this.liveCount ? Math.max(1, this.fieldTotal[field]! / this.liveCount) : 1;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  shortId(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** The id of a term, creating it when `create`. */
  termId(term: string, create = false): number | undefined {
    let id = this.ids.get(term);
    if (id === undefined && create) {
      if (term.length > 3) this.countCompletion(term.slice(0, 3));
      id = this.terms.length;
      this.terms.push(term);
      this.lists.push(new PostingList());
      this.vocab.set(term, id);
      this.ids.set(term, id);
      this.initials.add(String.fromCodePoint(term.codePointAt(0) ?? 0));
    }
    return id;
  }

  /** Counts a new term of a three-letter beginning; from {@link LISTED_BEGINNING_COMPLETIONS} on, the beginning is to be listed. */
  private countCompletion(three: string): void {
    const n = countOne((this.completionCounts ??= this.countCompletions()), three);
    if (n >= LISTED_BEGINNING_COMPLETIONS && !this.beginnings.has(three) && !this.toList.includes(three))
      this.toList.push(three);
  }

  /** The terms of more than three letters per three-letter beginning (once after a load: the lists came with the file). */
  private countCompletions(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const term of this.terms) if (term.length > 3) countOne(counts, term.slice(0, 3));
    return counts;
  }

  /** Lists the documents of every term that begins with `three` (ascending, each once): a new beginnings list. */
  private listBeginning(three: string): void {
    const seen = new Uint8Array(this.size);
    let count = 0;
    for (const t of this.vocab.atPrefix(three).values())
      for (const part of this.lists[t]!.parts())
        for (let i = 0; i < part.length; i++) {
          const doc = part.docs[i]!;
          if (seen[doc] === 0) count += seen[doc] = 1;
        }
    const docs = new Int32Array(count);
    for (let doc = 0, n = 0; n < count; doc++) if (seen[doc] === 1) docs[n++] = doc;
    this.beginnings.set(three, new IntList(docs, count));
  }

  /** Indexes a document (replacing one with the same key); returns its short id. */
  add(doc: NewDoc): number {
    this.remove(doc.key);
    this.version++;
    const id = this.size;
    this.grow(id + 1);
    this.keys.push(doc.key);
    this.infos.push(doc.info);
    this.infoStore[id] = undefined;
    this.kind[id] = doc.kind;
    this.day[id] = doc.day;
    this.live[id] = 1;
    this.liveCount++;
    this.byKey.set(doc.key, id);
    const seq: number[] = [];
    /** The sequence's term ids, -1 between fields (for the pair filter). */
    const runs: number[] = [];
    const beginnings = new Set<string>();
    for (let f = 0; f < FIELD_COUNT; f++) {
      const field = FIELDS[f]!;
      const text = doc.fields[field];
      if (!text) continue;
      const keep = doc.sequence.includes(field);
      if (keep && seq.length) {
        seq.push(SEQUENCE_GAP);
        runs.push(-1);
      }
      const counts = new Map<number, number>();
      let length = 0;
      for (const token of tokenize(text)) {
        const term = foldTerm(token);
        if (!term) continue;
        const t = this.termId(term, true)!;
        if (!counts.has(t) && term.length >= 2) {
          beginnings.add(term.slice(0, 2));
          const three = term.length >= 3 ? term.slice(0, 3) : null;
          if (three && this.beginnings.has(three)) beginnings.add(three);
        }
        counts.set(t, (counts.get(t) ?? 0) + 1);
        length++;
        if (!keep) continue;
        pushVarint(seq, t + 1);
        runs.push(t);
      }
      for (const [t, tf] of counts) this.lists[t]!.push(id, f, tf);
      this.fieldLength[id * FIELD_COUNT + f] = Math.min(length, 0xffff);
      this.fieldTotal[f]! += length;
    }
    if (seq.length) {
      const store = new Uint8Array(seq.length + pairBytes(seq.length));
      store.set(seq);
      writePairFilter(runs, store, seq.length, pairBytes(seq.length));
      this.setWords(id, store, 0, seq.length);
    } else this.setWords(id, undefined, 0, 0);
    for (const facet of doc.facets) this.facetList(facet).push(id);
    for (const b of beginnings) this.beginningList(b).push(id);
    // Listed from the postings, this document's included.
    for (const three of this.toList.splice(0)) this.listBeginning(three);
    return id;
  }

  /** Removes a document; false if there was none with this key. */
  remove(key: string): boolean {
    const id = this.byKey.get(key);
    if (id === undefined) return false;
    this.version++;
    this.byKey.delete(key);
    this.live[id] = 0;
    this.liveCount--;
    for (let f = 0; f < FIELD_COUNT; f++) this.fieldTotal[f]! -= this.fieldLength[id * FIELD_COUNT + f]!;
    this.setWords(id, undefined, 0, 0);
    this.infos[id] = {};
    this.infoStore[id] = undefined;
    return true;
  }

  /** Drops the spare capacity of growing arrays (after a bulk build). */
  trim(): void {
    for (const list of this.lists) list.trim();
    for (const [, docs] of this.facets) docs.trim();
    for (const docs of this.beginnings.values()) docs.trim();
  }

  /** The list of documents under a facet key (created empty). */
  facetList(key: string): IntList {
    return this.facets.fetch(key, () => new IntList(new Int32Array(0)));
  }

  /** The list of documents with a word beginning with `two` letters (created empty). */
  beginningList(two: string): IntList {
    let list = this.beginnings.get(two);
    if (!list) this.beginnings.set(two, (list = new IntList(new Int32Array(0))));
    return list;
  }

  /**
   * A test of whether a document's words hold `phrase` side by side in one field: each step is the set of
   * term ids the word may be (the word itself, or its completions for a word still being typed). When a
   * step is one term (the rarest such is chosen), its bytes are found with `Buffer.indexOf` (native
   * speed) and only the words around each find are decoded; otherwise every word is decoded.
   */
  phraseTest(phrase: ReadonlyArray<ReadonlySet<number>>): (id: number) => boolean {
    const search = this.sequenceTest(phrase);
    // Two or three steps side by side that are one known word each: a pair or triple every match must
    // have, checked first in the document's pair filter (a few memory reads) so that most candidates are
    // never searched. Triples first: they rule out the most.
    const one = phrase.map((step) => (step.size === 1 ? step.values().next().value! : -2));
    if (one.includes(-1)) return search;
    // Their hashes, computed once for all the documents checked: triples first, then pairs.
    const triples: number[] = [];
    const pairs: number[] = [];
    for (let k = 0; k + 1 < one.length; k++) {
      const [a, b, c = -2] = [one[k]!, one[k + 1]!, one[k + 2]];
      if (a < 0 || b < 0) continue;
      pairs.push(runHash(a, b));
      if (c >= 0) triples.push(runHash(a, b, c));
    }
    if (pairs.length === 0) return search;
    const hashes = Int32Array.from([...triples, ...pairs]);
    return (id) => {
      const bits = this.wordStore[id];
      const length = this.wordsLength[id]!;
      if (!bits || length === 0) return false;
      const at = this.wordsAt[id]! + length;
      const bytes = pairBytes(length);
      for (let i = 0; i < hashes.length; i++) if (!mayHaveHashed(bits, at, bytes, hashes[i]!)) return false;
      return search(id);
    };
  }

  /** {@link phraseTest} without the pair filter: the document's word sequence searched. */
  private sequenceTest(phrase: ReadonlyArray<ReadonlySet<number>>): (id: number) => boolean {
    const n = phrase.length;
    // The anchor: the step whose words occur least, if it has few enough words to look each one up.
    let anchor = -1;
    let best = Infinity;
    phrase.forEach((step, j) => {
      if (step.size > MAX_ANCHOR_TERMS) return;
      let df = 0;
      for (const t of step) df += this.lists[t]?.distinct ?? 0;
      if (df < best) [anchor, best] = [j, df];
    });
    if (anchor < 0) return (id) => this.scanPhrase(id, phrase);
    // The anchor's words as byte patterns, found by a native search (`Buffer.indexOf`); when every step is
    // one known word the pattern runs on to the phrase's end, so a find is the rarest word with what
    // follows it, and only the words before it are decoded.
    const single = phrase.every((step) => step.size === 1 && !step.has(-1));
    const after = single ? n : anchor + 1;
    const patterns = [...phrase[anchor]!]
      .filter((t) => t >= 0)
      .map((t) => {
        const bytes: number[] = [];
        pushVarint(bytes, t + 1);
        for (let k = anchor + 1; k < after; k++) for (const u of phrase[k]!) pushVarint(bytes, u + 1);
        return Buffer.from(bytes);
      });
    const around = (seq: Uint8Array, at: number, length: number): boolean => {
      let pos = at + length;
      for (let k = after; k < n; k++) {
        if (pos >= seq.length || !phrase[k]!.has(readVarint(seq, pos) - 1)) return false;
        pos = varintEnd;
      }
      let start = at;
      for (let k = anchor - 1; k >= 0; k--) {
        if (start === 0) return false;
        let s = start - 1;
        while (s > 0 && seq[s - 1]! >= 0x80) s--;
        if (!phrase[k]!.has(readVarint(seq, s) - 1)) return false;
        start = s;
      }
      return true;
    };
    return (id) => {
      const seq = this.sequence(id);
      if (!seq) return false;
      for (const pattern of patterns) {
        for (let at = seq.indexOf(pattern); at >= 0; at = seq.indexOf(pattern, at + 1)) {
          // A find counts only at the start of a word (every byte of a varint but its last is ≥ 0x80).
          if (at > 0 && seq[at - 1]! >= 0x80) continue;
          if (around(seq, at, pattern.length)) return true;
        }
      }
      return false;
    };
  }

  /** {@link phraseTest} the slow way: every word of the document decoded and compared. */
  private scanPhrase(id: number, phrase: ReadonlyArray<ReadonlySet<number>>): boolean {
    const seq = this.sequence(id);
    const n = phrase.length;
    if (!seq || n === 0) return n === 0;
    // A ring of the last n term ids read, compared at each position.
    const last = new Int32Array(n).fill(-1);
    let count = 0;
    for (let i = 0; i < seq.length;) {
      const value = readVarint(seq, i);
      i = varintEnd;
      last[count % n] = value - 1;
      count++;
      if (count < n) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = phrase[j]!.has(last[(count - n + j) % n]!);
      if (ok) return true;
    }
    return false;
  }

  /** A document's words in order (varints of term id + 1, 0 between fields) as a Buffer view; null if none. */
  sequence(id: number): Buffer | null {
    const store = this.wordStore[id];
    const length = this.wordsLength[id]!;
    return store && length ? Buffer.from(store.buffer, store.byteOffset + this.wordsAt[id]!, length) : null;
  }

  /** A document's words in order followed by their pair filter, as saved (empty if none). */
  wordsWithPairs(id: number): Uint8Array {
    const store = this.wordStore[id];
    const length = this.wordsLength[id]!;
    if (!store || length === 0) return new Uint8Array(0);
    const at = this.wordsAt[id]!;
    return store.subarray(at, at + length + pairBytes(length));
  }

  /** The length in bytes of a document's word sequence (0 if none). */
  sequenceLength(id: number): number {
    return this.wordsLength[id]!;
  }

  private setWords(id: number, store: Uint8Array | undefined, at: number, length: number): void {
    this.wordStore[id] = store;
    this.wordsAt[id] = at;
    this.wordsLength[id] = length;
  }

  /** What a result shows of a document (a loaded one's is parsed from the file the first time, then kept). */
  info(id: number): DocInfo {
    let info = this.infos[id];
    if (info === undefined) {
      const store = this.infoStore[id];
      info = store ? parseInfo(store, this.infoAt[id]!, this.infoLength[id]!) : {};
      this.infos[id] = info;
      this.infoStore[id] = undefined;
    }
    return info;
  }

  /** A document's info as JSON text in UTF-8, as saved (a loaded one's is not parsed). */
  infoBytes(id: number): Uint8Array {
    const store = this.infoStore[id];
    if (!store) return Buffer.from(JSON.stringify(this.infos[id] ?? {}));
    const at = this.infoAt[id]!;
    return store.subarray(at, at + this.infoLength[id]!);
  }

  /**
   * Restores a batch of saved documents whose postings and facets come separately ({@link restoreTerm});
   * their words and infos stay in the file's chunks. Throws if the batch's parts do not fit together.
   */
  restoreDocs(docs: SavedDocs): void {
    const { keys, kind, day, fieldLength, wordsLength, words, infoLength, infos } = docs;
    this.grow(this.size + keys.length);
    let wordsAt = 0;
    let infoAt = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (typeof key !== 'string') throw new Error('a document key is not text');
      const length = wordsLength[i]!;
      const next = wordsAt + length + pairBytes(length);
      if (length < 0 || next > words.length) throw new Error('a word sequence is cut off');
      const info = infoLength[i]!;
      if (info < 0 || infoAt + info > infos.length) throw new Error("a document's data is cut off");
      const id = this.keys.length;
      this.keys.push(key);
      this.infos.push(undefined);
      this.infoStore[id] = infos;
      this.infoAt[id] = infoAt;
      this.infoLength[id] = info;
      this.setWords(id, length ? words : undefined, wordsAt, length);
      this.kind[id] = kind[i]!;
      this.day[id] = day[i]!;
      this.live[id] = 1;
      this.liveCount++;
      this.byKey.set(key, id);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const n = fieldLength[i * FIELD_COUNT + f]!;
        this.fieldLength[id * FIELD_COUNT + f] = n;
        this.fieldTotal[f]! += n;
      }
      wordsAt = next;
      infoAt += info;
    }
    if (infoAt !== infos.length) throw new Error("a batch's document data has the wrong size");
  }

  /**
   * Restores a term with its postings (views into the loaded file: they are copied when they grow) and
   * the number of distinct documents they name.
   */
  restoreTerm(term: string, docs: Int32Array, meta: Uint8Array, distinct: number): void {
    const id = this.terms.length;
    this.terms.push(term);
    const list = new PostingList(docs, meta, docs.length, distinct);
    list.owned = false;
    this.lists.push(list);
    this.vocab.set(term, id);
    this.ids.set(term, id);
    this.initials.add(String.fromCodePoint(term.codePointAt(0) ?? 0));
  }

  /** Makes the per-document arrays hold `size` documents without growing (before a load of as many). */
  reserve(size: number): void {
    this.grow(size);
  }

  private grow(size: number): void {
    if (size <= this.kind.length) return;
    const capacity = Math.max(size, this.kind.length * 2);
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    const day = new Int32Array(capacity);
    day.set(this.day);
    const live = new Uint8Array(capacity);
    live.set(this.live);
    const lengths = new Uint16Array(capacity * FIELD_COUNT);
    lengths.set(this.fieldLength);
    const wordsAt = new Int32Array(capacity);
    wordsAt.set(this.wordsAt);
    const wordsLength = new Int32Array(capacity);
    wordsLength.set(this.wordsLength);
    const infoAt = new Int32Array(capacity);
    infoAt.set(this.infoAt);
    const infoLength = new Int32Array(capacity);
    infoLength.set(this.infoLength);
    this.wordsAt = wordsAt;
    this.wordsLength = wordsLength;
    this.infoAt = infoAt;
    this.infoLength = infoLength;
    this.kind = kind;
    this.day = day;
    this.live = live;
    this.fieldLength = lengths;
  }
}

/** Adds one to `key`'s count in `counts`; returns the new count. */
function countOne(counts: Map<string, number>, key: string): number {
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}

/** A saved info's JSON parsed; a damaged one (found only now: infos are not read at load) gives `{}`. */
function parseInfo(store: Uint8Array, at: number, length: number): DocInfo {
  try {
    const value: unknown = JSON.parse(Buffer.from(store.buffer, store.byteOffset + at, length).toString());
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as DocInfo) : {};
  } catch {
    return {};
  }
}

/** Where the varint {@link readVarint} read last ends (a module variable: no tuple per word read). */
let varintEnd = 0;

/** The varint at `at`; {@link varintEnd} tells where the next one starts. */
function readVarint(seq: Uint8Array, at: number): number {
  let value = 0;
  let scale = 1;
  let byte: number;
  do {
    byte = seq[at++]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80 && at < seq.length);
  varintEnd = at;
  return value;
}

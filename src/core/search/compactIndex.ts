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

/** A saved document: key, kind, day, field lengths, facets, info. */
export type DocRow = [string, number, number, number[], string[], DocInfo];

/** Separates fields in a document's word sequence (term ids are stored plus one). */
const SEQUENCE_GAP = 0;

export class CompactIndex {
  readonly vocab = new SearchableMap<number>();
  readonly terms: string[] = [];
  readonly lists: PostingList[] = [];
  readonly facets = new SearchableMap<IntList>();
  /** Per short id. */
  keys: string[] = [];
  infos: DocInfo[] = [];
  docFacets: string[][] = [];
  sequences: Array<Uint8Array | null> = [];
  kind = new Uint8Array(64);
  day = new Int32Array(64);
  live = new Uint8Array(64);
  fieldLength = new Uint16Array(64 * FIELD_COUNT);
  readonly byKey = new Map<string, number>();
  readonly fieldTotal = new Float64Array(FIELD_COUNT);
  liveCount = 0;

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
    let id = this.vocab.get(term);
    if (id === undefined && create) {
      id = this.terms.length;
      this.terms.push(term);
      this.lists.push(new PostingList());
      this.vocab.set(term, id);
    }
    return id;
  }

  /** Indexes a document (replacing one with the same key); returns its short id. */
  add(doc: NewDoc): number {
    this.remove(doc.key);
    const id = this.size;
    this.grow(id + 1);
    this.keys.push(doc.key);
    this.infos.push(doc.info);
    this.docFacets.push(doc.facets);
    this.kind[id] = doc.kind;
    this.day[id] = doc.day;
    this.live[id] = 1;
    this.liveCount++;
    this.byKey.set(doc.key, id);
    const seq: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const field = FIELDS[f]!;
      const text = doc.fields[field];
      if (!text) continue;
      const keep = doc.sequence.includes(field);
      if (keep && seq.length) seq.push(SEQUENCE_GAP);
      const counts = new Map<number, number>();
      let length = 0;
      for (const token of tokenize(text)) {
        const term = foldTerm(token);
        if (!term) continue;
        const t = this.termId(term, true)!;
        counts.set(t, (counts.get(t) ?? 0) + 1);
        length++;
        if (keep) pushVarint(seq, t + 1);
      }
      for (const [t, tf] of counts) this.lists[t]!.push(id, f, tf);
      this.fieldLength[id * FIELD_COUNT + f] = Math.min(length, 0xffff);
      this.fieldTotal[f]! += length;
    }
    this.sequences.push(seq.length ? Uint8Array.from(seq) : null);
    for (const facet of doc.facets) this.facets.fetch(facet, () => new IntList()).push(id);
    return id;
  }

  /** Removes a document; false if there was none with this key. */
  remove(key: string): boolean {
    const id = this.byKey.get(key);
    if (id === undefined) return false;
    this.byKey.delete(key);
    this.live[id] = 0;
    this.liveCount--;
    for (let f = 0; f < FIELD_COUNT; f++) this.fieldTotal[f]! -= this.fieldLength[id * FIELD_COUNT + f]!;
    this.sequences[id] = null;
    this.infos[id] = {};
    return true;
  }

  /** Drops the spare capacity of growing arrays (after a bulk build). */
  trim(): void {
    for (const list of this.lists) list.trim();
    for (const [, docs] of this.facets) docs.trim();
  }

  /**
   * Whether a document's words hold `phrase` side by side in one field: each step is the set of term
   * ids the word may be (the word itself, or its completions for a word still being typed).
   */
  hasPhrase(id: number, phrase: ReadonlyArray<ReadonlySet<number>>): boolean {
    const seq = this.sequences[id];
    if (!seq || phrase.length === 0) return phrase.length === 0;
    // A ring of the last phrase.length term ids read, compared at each position.
    const n = phrase.length;
    const last = new Int32Array(n).fill(-1);
    let count = 0;
    for (let i = 0; i < seq.length;) {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = seq[i++]!;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      last[count % n] = value - 1;
      count++;
      if (count < n) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = phrase[j]!.has(last[(count - n + j) % n]!);
      if (ok) return true;
    }
    return false;
  }

  /** A saved document row (with its facets and field lengths). */
  docRow(id: number): DocRow {
    const lengths = Array.from(this.fieldLength.subarray(id * FIELD_COUNT, (id + 1) * FIELD_COUNT));
    return [this.keys[id]!, this.kind[id]!, this.day[id]!, lengths, this.docFacets[id]!, this.infos[id]!];
  }

  /** Restores a saved document whose postings come separately ({@link restoreTerm}). */
  restoreDoc([key, kind, day, lengths, facets, info]: DocRow, sequence: Uint8Array | null): number {
    const id = this.size;
    this.grow(id + 1);
    this.keys.push(key);
    this.infos.push(info);
    this.docFacets.push(facets);
    this.sequences.push(sequence);
    this.kind[id] = kind;
    this.day[id] = day;
    this.live[id] = 1;
    this.liveCount++;
    this.byKey.set(key, id);
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLength[id * FIELD_COUNT + f] = lengths[f] ?? 0;
      this.fieldTotal[f]! += lengths[f] ?? 0;
    }
    for (const facet of facets) this.facets.fetch(facet, () => new IntList()).push(id);
    return id;
  }

  /** Restores a term with its postings (views into the loaded file: they are copied when they grow). */
  restoreTerm(term: string, docs: Int32Array, meta: Uint8Array): void {
    const id = this.terms.length;
    this.terms.push(term);
    this.lists.push(new PostingList(docs, meta, docs.length));
    this.vocab.set(term, id);
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
    this.kind = kind;
    this.day = day;
    this.live = live;
    this.fieldLength = lengths;
  }
}

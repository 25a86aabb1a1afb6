/**
 * Gloss's own query evaluation over MiniSearch's inverted index. MiniSearch scores every term a short
 * prefix or typo expands to and builds an object per matching document (a second per keystroke on a
 * 10k-article archive); here each typed word expands to a capped set of terms, chosen by document
 * frequency, and scores accumulate in typed arrays indexed by MiniSearch's short document ids. The
 * scoring itself is MiniSearch's BM25+ with its field boosts and prefix/fuzzy weights.
 *
 * The class extends MiniSearch only to read its `protected` index fields; documents are added,
 * replaced, discarded and vacuumed by MiniSearch itself.
 */
import MiniSearch, { type Options } from 'minisearch';

/** One term a typed word stands for, with the weight its matches count at (1 for the word itself). */
export interface TermWeight {
  term: string;
  weight: number;
}

/** A typed word (or a phrase word): a document matches it when it holds any of its terms. */
export interface WordGroup {
  terms: TermWeight[];
  /** A document must match every required group; optional groups only add to the score. */
  required: boolean;
}

/** The documents that match, as parallel data indexed by short id. */
export interface Matches {
  /** Short ids of the matching documents, in no particular order. */
  ids: number[];
  /** Final score per short id (BM25 summed over terms and fields, times the number of groups matched). */
  score: Float64Array;
  /** 1 where a document matched in a field that outranks body text. */
  strong: Uint8Array;
}

/** How far a typed word may expand. */
export interface ExpandOptions {
  prefix: boolean;
  /** Largest edit distance forgiven (0: none). */
  maxDistance: number;
}

/** At most this many completions of a prefix are searched, the most widespread first… */
export const MAX_PREFIX_TERMS = 12;
/** …and at most this many typo neighbours. */
export const MAX_FUZZY_TERMS = 6;
/**
 * The postings (document × field entries) one word's expansions may add to score; this bounds a keystroke's
 * work on any archive size. The word itself and its first expansion are always searched.
 */
export const MAX_EXPANSION_POSTINGS = 60_000;

/** MiniSearch's default weights for prefix and fuzzy matches, and its BM25+ parameters. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** fieldId → short document id → term frequency, as MiniSearch keeps it per term. */
export type FieldTermData = Map<number, Map<number, number>>;

/** MiniSearch's bookkeeping that {@link TermIndex.add} reuses (plain methods, `private` in its typings only). */
interface MiniSearchHelpers {
  addDocumentId(id: unknown): number;
  saveStoredFields(shortId: number, document: unknown): void;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

interface Expansion extends TermWeight {
  postings: number;
}

function postingsOf(data: FieldTermData): number {
  let n = 0;
  for (const docs of data.values()) n += docs.size;
  return n;
}

/** The index-wide numbers a saved index starts with. */
export interface IndexHead {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
}

/** One document as saved: short id, id, field lengths (by field id), stored fields. */
export type DocRow = [number, string, number[], Record<string, unknown> | null];

/**
 * One term's documents in one field as saved: `[term, fieldId, ...postings]`. Postings go by ascending short
 * id, each as the gap from the previous one (from -1, so gaps are ≥ 1); a term frequency above 1 is
 * written as the negated gap followed by the frequency. Most terms occur once in a document, so this
 * is about three bytes a posting instead of MiniSearch's ten.
 */
export type TermRow = [string, number, ...number[]];

/**
 * The index to save a piece at a time (see `indexFile.ts`). The terms are walked lazily, so the saver
 * must stop as soon as the index changes (its caller counts changes; {@link vacuuming} tells of the rest).
 */
export interface IndexSnapshot {
  head: IndexHead;
  docs: number[];
  terms: Iterable<[string, FieldTermData]>;
}

export class TermIndex<T> extends MiniSearch<T> {
  /** An index with `head`'s numbers and no documents yet: {@link addDocRow} and {@link addTermRow} fill it. */
  static fromHead<D>(head: IndexHead, options: Options<D>): TermIndex<D> {
    const index = new TermIndex<D>(options);
    const fields = options.fields;
    if (fields.length !== Object.keys(head.fieldIds).length || fields.some((f) => head.fieldIds[f] === undefined)) {
      throw new Error('The saved index has other fields.');
    }
    index._documentCount = head.documentCount;
    index._nextId = head.nextId;
    index._fieldIds = head.fieldIds;
    index._avgFieldLength = head.averageFieldLength;
    return index;
  }

  /** The index's numbers and live documents as they are now, and its terms to walk. */
  snapshot(): IndexSnapshot {
    return {
      head: {
        documentCount: this._documentCount,
        nextId: this._nextId,
        fieldIds: this._fieldIds,
        averageFieldLength: [...this._avgFieldLength],
      },
      docs: [...this._documentIds.keys()],
      terms: this._index,
    };
  }

  /** Whether MiniSearch is sweeping out discarded documents (which changes the term tree). */
  get vacuuming(): boolean {
    return this.isVacuuming;
  }

  /** A live document's saved row, or null once it was discarded. */
  docRow(shortId: number): DocRow | null {
    const id = this._documentIds.get(shortId) as string | undefined;
    if (id === undefined) return null;
    return [shortId, id, this._fieldLength.get(shortId) ?? [], this._storedFields.get(shortId) ?? null];
  }

  /** The saved rows of one term (one per field), leaving out discarded documents. */
  termRows(term: string, data: FieldTermData): TermRow[] {
    const rows: TermRow[] = [];
    for (const [fieldId, docs] of data) {
      let ids = [...docs.keys()].filter((id) => this._documentIds.has(id));
      if (ids.length === 0) continue;
      if (ids.some((id, i) => i > 0 && id < ids[i - 1]!)) ids = ids.sort((a, b) => a - b);
      const row: TermRow = [term, fieldId];
      let previous = -1;
      for (const id of ids) {
        const tf = docs.get(id)!;
        if (tf === 1) row.push(id - previous);
        else row.push(previous - id, tf);
        previous = id;
      }
      rows.push(row);
    }
    return rows;
  }

  /**
   * MiniSearch's `add`, except that each distinct term of a field touches the index once with its count,
   * rather than once per occurrence: an article of 2,000 words has about 800 distinct ones, and this is
   * what an incremental update costs. Field lengths, stored fields and postings come out the same.
   */
  override add(document: T): void {
    // MiniSearch's own helpers for ids, stored fields and field lengths (private in its typings).
    const own = this as unknown as MiniSearchHelpers;
    const { extractField, stringifyField, tokenize, processTerm, fields, idField } = this._options;
    const id: unknown = extractField(document, idField);
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${String(id)}`);
    const shortId = own.addDocumentId(id);
    own.saveStoredFields(shortId, document);
    for (const field of fields) {
      const value: unknown = extractField(document, field);
      if (value == null) continue;
      const tokens = tokenize(stringifyField(value, field), field);
      const fieldId = this._fieldIds[field]!;
      own.addFieldLength(shortId, fieldId, this._documentCount - 1, new Set(tokens).size);
      const counts = new Map<string, number>();
      const count = (term: string) => void counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const token of tokens) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) processed.forEach(count);
        else if (processed) count(processed);
      }
      for (const [term, tf] of counts) {
        const data = this._index.fetch(term, () => new Map());
        let docs = data.get(fieldId);
        if (!docs) data.set(fieldId, (docs = new Map()));
        docs.set(shortId, (docs.get(shortId) ?? 0) + tf);
      }
    }
  }

  /** Restores a document saved by {@link docRow}. */
  addDocRow([shortId, id, lengths, stored]: DocRow): void {
    this._documentIds.set(shortId, id);
    this._idToShortId.set(id, shortId);
    this._fieldLength.set(shortId, lengths);
    if (stored) this._storedFields.set(shortId, stored);
  }

  /** Restores a term's postings saved by {@link termRows}. */
  addTermRow(row: TermRow): void {
    const docs = new Map<number, number>();
    let previous = -1;
    for (let i = 2; i < row.length; i++) {
      const gap = row[i] as number;
      if (!Number.isInteger(gap) || gap === 0) throw new Error(`The postings of “${row[0]}” are damaged.`);
      if (gap > 0) docs.set((previous += gap), 1);
      else docs.set((previous -= gap), row[++i] as number);
    }
    this._index.fetch(row[0], () => new Map()).set(row[1], docs);
  }

  /**
   * The terms `word` (already folded) stands for: itself, then its completions and (if it is neither a
   * word nor the beginning of one in the index) its typo neighbours, the most widespread first, within {@link MAX_PREFIX_TERMS},
   * {@link MAX_FUZZY_TERMS} and {@link MAX_EXPANSION_POSTINGS}. Weights follow MiniSearch's: a
   * completion counts less the more letters it adds, a neighbour less the more edits it needs.
   */
  expand(word: string, options: ExpandOptions): TermWeight[] {
    const out: TermWeight[] = [{ term: word, weight: 1 }];
    const taken = new Set([word]);
    const prefixes: Expansion[] = [];
    if (options.prefix) {
      for (const [term, data] of this._index.atPrefix(word)) {
        if (term === word) continue;
        const added = term.length - word.length;
        prefixes.push({
          term,
          weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * added),
          postings: postingsOf(data),
        });
      }
    }
    const neighbours: Expansion[] = [];
    // Typo neighbours only for a word the index does not know, as typed or as a beginning: a known word
    // was most likely typed on purpose, and the fuzzy walk of a large vocabulary is the costliest step.
    const known = prefixes.length > 0 || this._index.has(word);
    if (options.maxDistance > 0 && !known) {
      for (const [term, [data, distance]] of this._index.fuzzyGet(word, options.maxDistance)) {
        if (distance === 0 || (options.prefix && term.startsWith(word))) continue;
        neighbours.push({
          term,
          weight: (FUZZY_WEIGHT * term.length) / (term.length + distance),
          postings: postingsOf(data),
        });
      }
    }
    let budget = MAX_EXPANSION_POSTINGS;
    for (const [list, max] of [
      [prefixes, MAX_PREFIX_TERMS],
      [neighbours, MAX_FUZZY_TERMS],
    ] as const) {
      list.sort((a, b) => b.postings - a.postings || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
      let n = 0;
      for (const e of list) {
        if (n >= max) break;
        if (taken.has(e.term) || (e.postings > budget && out.length > 1)) continue;
        taken.add(e.term);
        out.push({ term: e.term, weight: e.weight });
        budget -= e.postings;
        n++;
      }
    }
    return out;
  }

  /**
   * Scores the documents that match every required group, in the fields given with their boosts.
   * Documents discarded but not yet vacuumed are skipped, as MiniSearch does.
   */
  match(groups: WordGroup[], boosts: Record<string, number>, strongFields: ReadonlySet<string>): Matches {
    const size = this._nextId;
    const score = new Float64Array(size);
    const strong = new Uint8Array(size);
    const matched = new Uint16Array(size);
    const requiredMatched = new Uint16Array(size);
    const lastGroup = new Int32Array(size).fill(-1);
    const fields = Object.entries(boosts).map(([name, boost]) => ({
      id: this._fieldIds[name]!,
      boost,
      strong: strongFields.has(name) ? 1 : 0,
    }));
    const live = this._documentIds;
    const lengths = this._fieldLength;
    const total = this._documentCount;
    let required = 0;
    groups.forEach((group, g) => {
      if (group.required) required++;
      for (const { term, weight } of group.terms) {
        const data = this._index.get(term);
        if (!data) continue;
        for (const field of fields) {
          const docs = data.get(field.id);
          if (!docs) continue;
          const idf = Math.log(1 + (total - docs.size + 0.5) / (docs.size + 0.5));
          const avgLength = this._avgFieldLength[field.id]!;
          const factor = weight * field.boost * idf;
          for (const [doc, tf] of docs) {
            if (!live.has(doc)) continue;
            const length = lengths.get(doc)![field.id]!;
            score[doc]! +=
              factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
            if (field.strong) strong[doc] = 1;
            if (lastGroup[doc] !== g) {
              lastGroup[doc] = g;
              matched[doc]!++;
              if (group.required) requiredMatched[doc]!++;
            }
          }
        }
      }
    });
    const ids: number[] = [];
    for (let doc = 0; doc < size; doc++) {
      if (matched[doc]! > 0 && requiredMatched[doc] === required) {
        ids.push(doc);
        // MiniSearch multiplies by the number of query terms a document matched; so do we, per typed word.
        score[doc]! *= matched[doc]!;
      }
    }
    return { ids, score, strong };
  }

  /** Which of `terms` a document holds in `field` (to mark them in its snippet). */
  termsIn(shortId: number, terms: Iterable<string>, field: string): Set<string> {
    const fieldId = this._fieldIds[field];
    const found = new Set<string>();
    if (fieldId === undefined) return found;
    for (const term of terms) if (this._index.get(term)?.get(fieldId)?.has(shortId)) found.add(term);
    return found;
  }

  /** Short ids of every document in the index. */
  liveIds(): number[] {
    return [...this._documentIds.keys()];
  }

  /** The external id of a short id (undefined once discarded). */
  idOf(shortId: number): string | undefined {
    return this._documentIds.get(shortId) as string | undefined;
  }

  /** The stored fields of a short id. */
  storedOf(shortId: number): Record<string, unknown> | undefined {
    return this._storedFields.get(shortId);
  }
}

/**
 * Posting lists in typed arrays: for each term, the documents (by short id, ascending) that hold it, with
 * the field and the count of each occurrence packed in one byte. Lists grow by doubling while documents
 * are added and are exact-size views into one buffer after a load, so a large archive costs about five
 * bytes a posting and no JavaScript object per posting.
 */

/** The fields a document's words are indexed in; a posting names its field by this position (3 bits). */
export const FIELDS = ['title', 'byline', 'site', 'body', 'quote', 'note', 'tags'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const FIELD = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<FieldName, number>;

/** Counts above this are stored as this (BM25 saturates long before). */
export const MAX_TF = 31;

/** A growable list of 32-bit integers. */
export class IntList {
  constructor(
    public items: Int32Array = new Int32Array(4),
    public length = 0,
  ) {}

  /** Entries added after a load (see {@link owned}). */
  tail: IntList | null = null;
  /**
   * False for a view into a loaded file: new entries then go to {@link tail}, so the first change after a
   * load does not copy every list it touches (a document joins hundreds of beginnings lists).
   */
  owned = true;

  /** Entries in all, with the tail's. */
  get total(): number {
    return this.length + (this.tail?.length ?? 0);
  }

  push(value: number): void {
    if (!this.owned) return (this.tail ??= new IntList()).push(value);
    if (this.length === this.items.length) {
      const grown = new Int32Array(Math.max(4, this.items.length * 2));
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** The values as exact-size arrays, the list's then its tail's, in order (views: do not keep them across pushes). */
  views(): Int32Array[] {
    const head = this.items.subarray(0, this.length);
    return this.tail ? [head, ...this.tail.views()] : [head];
  }

  /** Drops unused capacity. */
  trim(): void {
    this.tail?.trim();
    if (this.owned && this.items.length > this.length) this.items = this.items.slice(0, this.length);
  }
}

/** One term's postings: `docs[i]` holds the term in field `meta[i] >> 5`, `meta[i] & 31` times. */
export class PostingList {
  constructor(
    public docs: Int32Array = new Int32Array(2),
    public meta: Uint8Array = new Uint8Array(2),
    public length = 0,
    /** Distinct documents in the list, live or not (what the term's rarity is measured by, as in MiniSearch). */
    public distinct = 0,
  ) {}

  /**
   * Postings added after a load: a loaded list is a view into the file, and copying it to make room for one
   * more document would make an update cost the size of every list it touches.
   */
  tail: PostingList | null = null;
  /** False for a view into a loaded file: new postings then go to {@link tail}. */
  owned = true;

  /** Postings in all, with the tail's. */
  get total(): number {
    return this.length + (this.tail?.length ?? 0);
  }

  /** The list and its tail (what readers go through, in ascending document order). */
  parts(): PostingList[] {
    return this.tail ? [this, this.tail] : [this];
  }

  /** Adds an occurrence; documents must come in ascending order (a new document always has the highest id). */
  push(doc: number, field: number, tf: number): void {
    if (!this.owned) {
      const tail = (this.tail ??= new PostingList());
      const lastDoc = tail.length ? tail.docs[tail.length - 1] : this.length ? this.docs[this.length - 1] : -1;
      if (lastDoc !== doc) this.distinct++;
      tail.push(doc, field, tf);
      return;
    }
    if (this.length === this.docs.length) {
      const size = Math.max(2, this.docs.length * 2);
      const docs = new Int32Array(size);
      docs.set(this.docs);
      const meta = new Uint8Array(size);
      meta.set(this.meta);
      this.docs = docs;
      this.meta = meta;
    }
    if (this.length === 0 || this.docs[this.length - 1] !== doc) this.distinct++;
    this.docs[this.length] = doc;
    this.meta[this.length] = (field << 5) | Math.min(tf, MAX_TF);
    this.length++;
  }

  /** Drops unused capacity. */
  trim(): void {
    this.tail?.trim();
    if (this.owned && this.docs.length > this.length) {
      this.docs = this.docs.slice(0, this.length);
      this.meta = this.meta.slice(0, this.length);
    }
  }
}

/** Appends `value` as an unsigned LEB128 varint. */
export function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
}

/**
 * The saved search index, `<library>/index/search.idx`: a row of chunks, each an 8-byte head (length,
 * type) and a payload padded to 4 bytes. JSON chunks hold the header, the clips' fingerprints, each batch
 * of documents' keys and each batch of terms; binary chunks hold each batch of terms' postings and each
 * batch of documents' kinds, days, field lengths and word sequences (each followed by its word-pair
 * filter), which are used in place (typed-array views into the file) rather than decoded; a batch's infos
 * (what results show) stay JSON texts until a result needs one. An end chunk closes the file, so a cut-off
 * file is never trusted. Read while it is used, a chunk at a time with turns for the event loop in between
 * (`chunkReader.ts`); a file that does not fit is rebuilt instead.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { writeFileAtomic } from '../library/atomicWrite';
import { SCHEMA_VERSION } from '../library/schemas';
import { ChunkReader, type Chunk } from './chunkReader';
import { CompactIndex } from './compactIndex';
import { FIELD_COUNT, type IntList } from './postings';
import { noteClipOf, SearchIndex, type ClipHighlights, type SearchIndexOptions } from './searchIndex';

/**
 * The version of the index's shape and text rules (fields, tokenizer, folding, file layout). Bump it
 * whenever they change: an index made by other rules would silently miss words, so it is rebuilt instead.
 */
export const INDEX_FORMAT = 11;
const KIND = 'gloss-search-index';
/** Documents a chunk. */
const DOCS_PER_CHUNK = 100;
/** Terms a chunk at most (their postings follow in one binary chunk)… */
const TERMS_PER_CHUNK = 500;
/** …and postings (or list entries) a chunk at most, so that reading one chunk is a short pause. */
const POSTINGS_PER_CHUNK = 1 << 14;
/** Documents reserved room for at most, whatever a (damaged) header says. */
const MAX_RESERVED = 1 << 22;
/** Longest run of reading (ms) before the event loop gets a turn. */
const SLICE_MS = 4;

const JSON_CHUNK = 1;
const POSTINGS_CHUNK = 2;
const DOCS_CHUNK = 3;
const LISTS_CHUNK = 4;
/** A batch's infos: JSON texts one after the other, left unparsed by a load. */
const INFOS_CHUNK = 5;

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Where the parts of a documents chunk of `n` documents start: word-sequence lengths, info lengths and
 * days (int32 each), then the field lengths (uint16, {@link FIELD_COUNT} a document) and the kinds
 * (uint8), each padded to 4 bytes, then the word sequences, each followed by its pair filter.
 */
function docsLayout(n: number) {
  const fieldLengths = 12 * n;
  const kinds = fieldLengths + pad4(n * FIELD_COUNT * 2);
  return { fieldLengths, kinds, words: kinds + pad4(n) };
}

/** A save that gave up because the index changed while it was being written; the next save writes it. */
export class IndexChangedError extends Error {
  constructor() {
    super('The search index changed while it was being saved.');
  }
}

/** What the first chunk says about the file. */
export interface IndexFileHeader {
  kind: typeof KIND;
  format: number;
  /** The library's file schema version (`meta.json` and friends). */
  schema: number;
  documentCount: number;
  termCount: number;
  savedAt: string;
}

/** The saved index, read back and checked. */
export type ReadIndexFile =
  { ok: true; index: SearchIndex; fingerprints: Map<string, string> } | { ok: false; problem: string };

/** Where a library keeps its saved search index. */
export function indexFilePath(libraryPath: string): string {
  return path.join(libraryPath, 'index', 'search.idx');
}

/** Where Gloss kept it before (a JSON-lines file, rebuilt and then removed). */
const legacyPath = (file: string) => path.join(path.dirname(file), 'search.json');

function chunk(type: number, payload: Uint8Array): Uint8Array {
  const padded = (payload.length + 3) & ~3;
  const out = new Uint8Array(8 + padded);
  const head = new DataView(out.buffer);
  head.setUint32(0, payload.length, true);
  head.setUint32(4, type, true);
  out.set(payload, 8);
  return out;
}

const jsonChunk = (value: unknown) => chunk(JSON_CHUNK, Buffer.from(JSON.stringify(value)));
const bytesOf = (a: Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Named lists of documents (beginnings, facets) as chunk pairs: the names in JSON, then the lists'
 * lengths and entries (renumbered, dead documents left out), at most POSTINGS_PER_CHUNK entries a pair.
 */
function* listChunks(
  name: string,
  lists: ReadonlyArray<readonly [string, IntList]>,
  renumber: Int32Array,
): Generator<Uint8Array> {
  for (let at = 0; at < lists.length;) {
    let end = at;
    for (let entries = 0; end < lists.length && entries < POSTINGS_PER_CHUNK; end++) entries += lists[end]![1].length;
    const batch = lists.slice(at, end);
    at = end;
    yield jsonChunk({ [name]: batch.map(([key]) => key) });
    const counts = new Int32Array(batch.length);
    const docs: number[] = [];
    batch.forEach(([, list], i) => {
      for (const view of list.views())
        for (const doc of view) if (renumber[doc]! >= 0) counts[i] = docs.push(renumber[doc]!) && counts[i]! + 1;
    });
    yield chunk(LISTS_CHUNK, Buffer.concat([bytesOf(counts), bytesOf(Int32Array.from(docs))]));
  }
}

/**
 * Saves `index` with the fingerprints of its clips, atomically, a chunk at a time; returns the size
 * written in bytes. Dead documents are left out and short ids renumbered, so the file is compact.
 * Throws {@link IndexChangedError} (and leaves the old file) if the index changes before it is written out.
 */
export async function writeIndexFile(
  file: string,
  search: SearchIndex,
  fingerprints: ReadonlyMap<string, string>,
): Promise<number> {
  const version = search.version;
  const index = search.index;
  const renumber = new Int32Array(index.size).fill(-1);
  const live: number[] = [];
  for (let doc = 0; doc < index.size; doc++) if (index.live[doc]) renumber[doc] = live.push(doc) - 1;
  // Every term is kept, even one whose documents are all gone: the word sequences name terms by number.
  const terms = Array.from(index.terms, (_, t) => t);
  const header: IndexFileHeader = {
    kind: KIND,
    format: INDEX_FORMAT,
    schema: SCHEMA_VERSION,
    documentCount: live.length,
    termCount: terms.length,
    savedAt: new Date().toISOString(),
  };
  let bytes = 0;
  const out = (data: Uint8Array) => {
    if (search.version !== version) throw new IndexChangedError();
    bytes += data.length;
    return data;
  };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield out(jsonChunk({ header }));
    yield out(jsonChunk({ fingerprints: Object.fromEntries(fingerprints) }));
    for (let at = 0; at < live.length; at += DOCS_PER_CHUNK) {
      const batch = live.slice(at, at + DOCS_PER_CHUNK);
      yield out(jsonChunk({ docs: batch.map((doc) => index.keys[doc]) }));
      const n = batch.length;
      const layout = docsLayout(n);
      const head = new Uint8Array(layout.words);
      const ints = new Int32Array(head.buffer, 0, 3 * n);
      const fieldLengths = new Uint16Array(head.buffer, layout.fieldLengths, n * FIELD_COUNT);
      const infos = batch.map((doc) => index.infoBytes(doc));
      batch.forEach((doc, i) => {
        ints[i] = index.sequenceLength(doc);
        ints[n + i] = infos[i]!.length;
        ints[2 * n + i] = index.day[doc]!;
        fieldLengths.set(index.fieldLength.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT), i * FIELD_COUNT);
        head[layout.kinds + i] = index.kind[doc]!;
      });
      // Each sequence is followed by its pair filter, whose size follows from the sequence's.
      yield out(chunk(DOCS_CHUNK, Buffer.concat([head, ...batch.map((doc) => index.wordsWithPairs(doc))])));
      yield out(chunk(INFOS_CHUNK, Buffer.concat(infos)));
    }
    for (let at = 0; at < terms.length;) {
      // A batch ends at TERMS_PER_CHUNK terms or POSTINGS_PER_CHUNK postings (one common word may fill it).
      let end = at;
      for (let postings = 0; end < terms.length && end - at < TERMS_PER_CHUNK && postings < POSTINGS_PER_CHUNK; end++)
        postings += index.lists[terms[end]!]!.total;
      const batch = terms.slice(at, end);
      at = end;
      yield out(jsonChunk({ terms: batch.map((t) => index.terms[t]) }));
      const counts = new Int32Array(batch.length);
      const docs: number[] = [];
      const meta: number[] = [];
      batch.forEach((t, i) => {
        for (const part of index.lists[t]!.parts())
          for (let j = 0; j < part.length; j++) {
            const doc = renumber[part.docs[j]!]!;
            if (doc < 0) continue;
            docs.push(doc);
            meta.push(part.meta[j]!);
            counts[i]!++;
          }
      });
      yield out(
        chunk(POSTINGS_CHUNK, Buffer.concat([bytesOf(counts), bytesOf(Int32Array.from(docs)), Uint8Array.from(meta)])),
      );
    }
    for (const [name, lists] of [
      ['beginnings', [...index.beginnings]],
      ['facets', [...index.facets]],
    ] as const)
      for (const part of listChunks(name, lists, renumber)) yield out(part);
    yield out(jsonChunk({ end: { docs: live.length, terms: terms.length } }));
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, chunks());
  await fs.rm(legacyPath(file), { force: true });
  return bytes;
}

/**
 * Reads a saved index, a chunk at a time. Never throws: a missing, unparseable, foreign, outdated,
 * cut-off or inconsistent file comes back as `{ ok: false, problem }` in words.
 */
export async function readIndexFile(file: string, options: SearchIndexOptions = {}): Promise<ReadIndexFile> {
  let reader: ChunkReader;
  try {
    reader = await ChunkReader.open(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { ok: false, problem: `The saved search index could not be read: ${(error as Error).message}` };
    const legacy = await fs.stat(legacyPath(file)).then(
      () => true,
      () => false,
    );
    return {
      ok: false,
      problem: legacy
        ? 'The saved search index was made by another version of Gloss.'
        : 'There is no saved search index yet.',
    };
  }
  try {
    return await readChunks(reader, options);
  } catch (error) {
    return { ok: false, problem: `The saved search index is damaged: ${(error as Error).message}` };
  } finally {
    await reader.close().catch(() => undefined);
  }
}

/** Reads the chunks of a saved index into a {@link SearchIndex} (throws on a damaged file). */
async function readChunks(reader: ChunkReader, options: SearchIndexOptions): Promise<ReadIndexFile> {
  const next = () => reader.next();
  const json = (c: Chunk | null): Record<string, unknown> => {
    if (!c || c.type !== JSON_CHUNK) throw new Error('a chunk is not of the expected kind');
    const value: unknown = JSON.parse(Buffer.from(c.payload.buffer, c.payload.byteOffset, c.payload.length).toString());
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('a chunk is not an object');
    return value as Record<string, unknown>;
  };
  const ints = (bytes: Uint8Array, from: number, count: number) =>
    new Int32Array(bytes.buffer, bytes.byteOffset + from, count);
  const header = json(await next())['header'] as Partial<IndexFileHeader> | undefined;
  if (header?.kind !== KIND || header.format !== INDEX_FORMAT || header.schema !== SCHEMA_VERSION) {
    return { ok: false, problem: 'The saved search index was made by another version of Gloss.' };
  }
  const fingerprints = json(await next())['fingerprints'] as Record<string, string> | undefined;
  if (!fingerprints) return { ok: false, problem: 'The saved search index is incomplete.' };
  const index = new CompactIndex();
  // Its per-document arrays made once at their size: each new buffer while loading makes the collector work.
  if (Number.isSafeInteger(header.documentCount)) index.reserve(Math.min(header.documentCount!, MAX_RESERVED));
  const clips: ClipHighlights = new Map();
  let ended: { docs: number; terms: number } | null = null;
  let slice = performance.now();
  for (let c = await next(); c; c = await next()) {
    const value = json(c);
    if (Array.isArray(value['docs'])) {
      const keys = value['docs'] as unknown[];
      const docs = await next();
      const infos = await next();
      const n = keys.length;
      const layout = docsLayout(n);
      if (docs?.type !== DOCS_CHUNK || infos?.type !== INFOS_CHUNK || docs.payload.length < layout.words)
        throw new Error('a document batch is incomplete');
      const p = docs.payload;
      index.restoreDocs({
        keys,
        wordsLength: ints(p, 0, n),
        infoLength: ints(p, 4 * n, n),
        day: ints(p, 8 * n, n),
        fieldLength: new Uint16Array(p.buffer, p.byteOffset + layout.fieldLengths, n * FIELD_COUNT),
        kind: p.subarray(layout.kinds, layout.kinds + n),
        words: p.subarray(layout.words),
        infos: infos.payload,
      });
      for (const key of keys as string[]) noteClipOf(clips, key);
    } else if (Array.isArray(value['terms'])) {
      const terms = value['terms'] as unknown[];
      const postings = await next();
      if (postings?.type !== POSTINGS_CHUNK) throw new Error('a term batch has no postings');
      const p = postings.payload;
      const counts = ints(p, 0, terms.length);
      let total = 0;
      for (const n of counts) total += n;
      if (p.length !== terms.length * 4 + total * 5) throw new Error('a postings batch has the wrong size');
      const docs = ints(p, terms.length * 4, total);
      const meta = p.subarray(terms.length * 4 + total * 4);
      const size = index.size;
      let from = 0;
      terms.forEach((term, i) => {
        if (typeof term !== 'string') throw new Error('a term is not text');
        const n = counts[i]!;
        const distinct = distinctDocs(docs, from, from + n, size);
        if (distinct < 0) throw new Error('a posting names no document');
        index.restoreTerm(term, docs.subarray(from, from + n), meta.subarray(from, from + n), distinct);
        from += n;
      });
    } else if (Array.isArray(value['beginnings']) || Array.isArray(value['facets'])) {
      const facets = Array.isArray(value['facets']);
      const keys = (facets ? value['facets'] : value['beginnings']) as unknown[];
      const lists = await next();
      if (lists?.type !== LISTS_CHUNK || lists.payload.length < keys.length * 4)
        throw new Error('a batch of lists has no entries');
      const counts = ints(lists.payload, 0, keys.length);
      let total = 0;
      for (const n of counts) total += n;
      if (lists.payload.length !== (keys.length + total) * 4) throw new Error('a batch of lists has the wrong size');
      const docs = ints(lists.payload, keys.length * 4, total);
      const size = index.size;
      if (!allDocs(docs, size)) throw new Error('a list names no document');
      let from = 0;
      keys.forEach((key, i) => {
        if (typeof key !== 'string') throw new Error('a list name is not text');
        const list = facets ? index.facetList(key) : index.beginningList(key);
        list.items = docs.subarray(from, from + counts[i]!);
        list.length = counts[i]!;
        list.owned = false;
        from += counts[i]!;
      });
    } else if (value['end']) ended = value['end'] as { docs: number; terms: number };
    else throw new Error('a chunk is of an unknown kind');
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
  }
  if (!ended) return { ok: false, problem: 'The saved search index is cut off.' };
  if (
    index.size !== header.documentCount ||
    ended.docs !== index.size ||
    index.terms.length !== header.termCount ||
    ended.terms !== index.terms.length
  ) {
    return { ok: false, problem: 'The saved search index does not hold the documents its header names.' };
  }
  return {
    ok: true,
    index: new SearchIndex(options, index, clips),
    fingerprints: new Map(Object.entries(fingerprints)),
  };
}

/**
 * One pass over the postings `docs[from..to)`: the number of distinct documents they name, or -1 unless
 * they name known documents (below `size`) in order. A function of its own: its loop reads locals only
 * (in the reading closure it ran several times slower, for ~50 M postings at 50k).
 */
function distinctDocs(docs: Int32Array, from: number, to: number, size: number): number {
  if (to > from && docs[from]! < 0) return -1;
  let distinct = 0;
  let last = -1;
  for (let j = from; j < to; j++) {
    const doc = docs[j]!;
    if (doc < last || doc >= size) return -1;
    if (doc !== last) distinct++;
    last = doc;
  }
  return distinct;
}

/** Whether every entry of a list names a known document (from 0 to `size` - 1). */
function allDocs(docs: Int32Array, size: number): boolean {
  for (let j = 0; j < docs.length; j++) if (docs[j]! < 0 || docs[j]! >= size) return false;
  return true;
}

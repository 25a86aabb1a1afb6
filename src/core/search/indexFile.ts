/**
 * The saved search index, `<library>/index/search.json`: one JSON value a line — a header that says
 * what made it, the fingerprints of the clips it holds, the clip list, the index's numbers, then its
 * documents and terms in batches, and an end line (a cut-off file is never trusted). Written and read
 * a batch at a time with turns for the event loop in between, so saving or loading a large archive's
 * index never holds up the main process for long; a file that does not fit is rebuilt instead.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { writeFileAtomic } from '../library/atomicWrite';
import { SCHEMA_VERSION } from '../library/schemas';
import { SearchIndex, type SearchIndexOptions } from './searchIndex';
import type { DocRow, IndexHead, TermRow } from './termIndex';

/**
 * The version of the index's shape and text rules (fields, tokenizer, folding, file layout). Bump it
 * whenever they change: an index made by other rules would silently miss words, so it is rebuilt instead.
 */
export const INDEX_FORMAT = 5;
const KIND = 'gloss-search-index';
/** Documents a line. */
const DOCS_PER_LINE = 500;
/** Numbers (postings) a line of terms holds, about. */
const POSTINGS_PER_LINE = 20_000;
/** Longest run of reading (ms) before the event loop gets a turn. */
const SLICE_MS = 8;

/** A save that gave up because the index changed while it was being written; the next save writes it. */
export class IndexChangedError extends Error {
  constructor() {
    super('The search index changed while it was being saved.');
  }
}

/** What the first key of the file says about it. */
export interface IndexFileHeader {
  kind: typeof KIND;
  format: number;
  /** The library's file schema version (`meta.json` and friends). */
  schema: number;
  documentCount: number;
  clipCount: number;
  savedAt: string;
}

/** The saved index, read back and checked. */
export type ReadIndexFile =
  { ok: true; index: SearchIndex; fingerprints: Map<string, string> } | { ok: false; problem: string };

/** Where a library keeps its saved search index. */
export function indexFilePath(libraryPath: string): string {
  return path.join(libraryPath, 'index', 'search.json');
}

/**
 * Saves `index` with the fingerprints of its clips, atomically, a batch of rows at a time; returns the
 * size written in bytes. Throws {@link IndexChangedError} (and leaves the old file) if the index changes
 * before it is written out.
 */
export async function writeIndexFile(
  file: string,
  index: SearchIndex,
  fingerprints: ReadonlyMap<string, string>,
): Promise<number> {
  const version = index.version;
  const snap = index.snapshot();
  const header: IndexFileHeader = {
    kind: KIND,
    format: INDEX_FORMAT,
    schema: SCHEMA_VERSION,
    documentCount: snap.head.documentCount,
    clipCount: Object.keys(snap.clips).length,
    savedAt: new Date().toISOString(),
  };
  let bytes = 0;
  const line = (value: object) => {
    if (index.version !== version) throw new IndexChangedError();
    const text = JSON.stringify(value) + '\n';
    bytes += Buffer.byteLength(text);
    return text;
  };
  async function* lines(): AsyncGenerator<string> {
    yield line({ header });
    yield line({ fingerprints: Object.fromEntries(fingerprints) });
    yield line({ clips: snap.clips });
    yield line({ head: snap.head });
    let docs: DocRow[] = [];
    let docCount = 0;
    for (const shortId of snap.docs) {
      const row = snap.docRow(shortId);
      if (!row) throw new IndexChangedError();
      docs.push(row);
      docCount++;
      if (docs.length >= DOCS_PER_LINE) {
        yield line({ docs });
        docs = [];
      }
    }
    if (docs.length) yield line({ docs });
    let terms: TermRow[] = [];
    let size = 0;
    let rowCount = 0;
    for (const [term, data] of snap.terms) {
      for (const row of snap.termRows(term, data)) {
        terms.push(row);
        rowCount++;
        size += row.length;
      }
      if (size >= POSTINGS_PER_LINE) {
        yield line({ terms });
        terms = [];
        size = 0;
      }
    }
    if (terms.length) yield line({ terms });
    yield line({ end: { docs: docCount, termRows: rowCount } });
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, lines());
  return bytes;
}

/**
 * Reads a saved index, a batch at a time. Never throws: a missing, unparseable, foreign, outdated,
 * cut-off or inconsistent file comes back as `{ ok: false, problem }` in words.
 */
export async function readIndexFile(file: string, options: SearchIndexOptions = {}): Promise<ReadIndexFile> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      problem: missing
        ? 'There is no saved search index yet.'
        : `The saved search index could not be read: ${(error as Error).message}`,
    };
  }
  let at = 0;
  /** The next line's value, or null at the end of the file. */
  const next = (): Record<string, unknown> | null => {
    if (at >= raw.length) return null;
    const end = raw.indexOf('\n', at);
    const text = raw.slice(at, end < 0 ? raw.length : end);
    at = end < 0 ? raw.length : end + 1;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a line is not an object');
    return value as Record<string, unknown>;
  };
  try {
    const header = next()?.['header'] as Partial<IndexFileHeader> | undefined;
    if (header?.kind !== KIND || header.format !== INDEX_FORMAT || header.schema !== SCHEMA_VERSION) {
      return { ok: false, problem: 'The saved search index was made by another version of Gloss.' };
    }
    const fingerprints = next()?.['fingerprints'] as Record<string, string> | undefined;
    const clips = next()?.['clips'] as Record<string, string[]> | undefined;
    const head = next()?.['head'] as IndexHead | undefined;
    if (!fingerprints || !clips || !head) return { ok: false, problem: 'The saved search index is incomplete.' };
    const index = SearchIndex.restore(head, clips, options);
    let ended = false;
    let slice = performance.now();
    for (let value = next(); value; value = next()) {
      if (Array.isArray(value['docs'])) for (const row of value['docs'] as DocRow[]) index.restoreDoc(checkDocRow(row));
      else if (Array.isArray(value['terms']))
        for (const row of value['terms'] as TermRow[]) index.restoreTerm(checkTermRow(row));
      else if (value['end']) ended = true;
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
    }
    if (!ended) return { ok: false, problem: 'The saved search index is cut off.' };
    index.checkRestored();
    if (index.documentCount !== header.documentCount || index.clipIds().length !== header.clipCount) {
      return { ok: false, problem: 'The saved search index does not hold the documents its header names.' };
    }
    return { ok: true, index, fingerprints: new Map(Object.entries(fingerprints)) };
  } catch (error) {
    return { ok: false, problem: `The saved search index is damaged: ${(error as Error).message}` };
  }
}

function checkDocRow(row: DocRow): DocRow {
  if (!Array.isArray(row) || !Number.isInteger(row[0]) || typeof row[1] !== 'string' || !Array.isArray(row[2]))
    throw new Error('a document row is malformed');
  return row;
}

function checkTermRow(row: TermRow): TermRow {
  if (!Array.isArray(row) || typeof row[0] !== 'string' || !Number.isInteger(row[1]))
    throw new Error('a term row is malformed');
  return row;
}

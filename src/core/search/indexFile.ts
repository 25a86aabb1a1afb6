/**
 * The saved search index, `<library>/index/search.json`: a header that says what made it, the
 * fingerprints of the clips it holds, and the MiniSearch index. A file that does not fit is never
 * trusted: the caller rebuilds instead.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../library/atomicWrite';
import { SCHEMA_VERSION } from '../library/schemas';
import { SearchIndex, type SavedIndex, type SearchIndexOptions } from './searchIndex';

/**
 * The version of the index's shape and text rules (fields, tokenizer, folding). Bump it whenever they
 * change: an index made by other rules would silently miss words, so it is rebuilt instead.
 */
export const INDEX_FORMAT = 3;
const KIND = 'gloss-search-index';

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
  | { ok: true; index: SearchIndex; fingerprints: Map<string, string> }
  | { ok: false; problem: string };

/** Where a library keeps its saved search index. */
export function indexFilePath(libraryPath: string): string {
  return path.join(libraryPath, 'index', 'search.json');
}

/** Saves `index` with the fingerprints of its clips, atomically; returns the size written in bytes. */
export async function writeIndexFile(file: string, index: SearchIndex, fingerprints: ReadonlyMap<string, string>): Promise<number> {
  const saved = index.toJSON();
  const header: IndexFileHeader = {
    kind: KIND,
    format: INDEX_FORMAT,
    schema: SCHEMA_VERSION,
    documentCount: saved.mini.documentCount,
    clipCount: Object.keys(saved.clips).length,
    savedAt: new Date().toISOString(),
  };
  const data = JSON.stringify({ header, fingerprints: Object.fromEntries(fingerprints), index: saved });
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
  return Buffer.byteLength(data);
}

/**
 * Reads a saved index. Never throws: a missing, unparseable, foreign, outdated or inconsistent file
 * comes back as `{ ok: false, problem }` in words.
 */
export async function readIndexFile(file: string, options: SearchIndexOptions = {}): Promise<ReadIndexFile> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, problem: missing ? 'There is no saved search index yet.' : `The saved search index could not be read: ${(error as Error).message}` };
  }
  try {
    const data = JSON.parse(raw) as { header?: Partial<IndexFileHeader>; fingerprints?: Record<string, string>; index?: SavedIndex };
    const header = data.header;
    if (header?.kind !== KIND || header.format !== INDEX_FORMAT || header.schema !== SCHEMA_VERSION) {
      return { ok: false, problem: 'The saved search index was made by another version of Gloss.' };
    }
    if (!data.index || !data.fingerprints) return { ok: false, problem: 'The saved search index is incomplete.' };
    const index = await SearchIndex.load(data.index, options);
    if (index.documentCount !== header.documentCount || index.clipIds().length !== header.clipCount) {
      return { ok: false, problem: 'The saved search index does not hold the documents its header names.' };
    }
    return { ok: true, index, fingerprints: new Map(Object.entries(data.fingerprints)) };
  } catch (error) {
    return { ok: false, problem: `The saved search index is damaged: ${(error as Error).message}` };
  }
}

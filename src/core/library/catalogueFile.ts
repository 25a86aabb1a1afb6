/**
 * The catalogue file, `<library>/index/catalogue.json`: what the store last knew of every clip (metadata,
 * highlights, conflicted copies) with each clip's stamp (clipStamp.ts), so the next start reads only the
 * clips whose stamp changed instead of 2 small files per clip. A cache, never the record: a clip is taken
 * from it only when its folder and files stat as they did when it was read, and a missing, damaged or
 * outdated file is ignored (the library is read from its files and the catalogue written again).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ClipMeta, Highlight, LibraryConflict } from '../model';
import { writeFileAtomic } from './atomicWrite';
import type { ClipStamp } from './clipStamp';
import type { LibraryState } from './libraryState';
import { ID_PATTERN, SCHEMA_VERSION } from './fileFormat';

/** The version of the catalogue file's shape: bump it whenever it changes, and older files are rebuilt. */
export const CATALOGUE_FORMAT = 1;
const KIND = 'gloss-catalogue';
/** Clips serialised between two turns of the event loop when saving. */
const CLIPS_PER_PIECE = 500;

/** One clip as the catalogue remembers it. */
export interface SavedClip {
  id: string;
  stamp: ClipStamp;
  meta: ClipMeta;
  highlights: Highlight[];
  conflicts?: LibraryConflict[];
}

/** What a list of clips needs of a catalogue entry: its id, stamp and metadata, without its highlights. */
export type CatalogueRow = Pick<SavedClip, 'id' | 'stamp' | 'meta'>;

export type ReadCatalogue = { ok: true; clips: Map<string, SavedClip> } | { ok: false; problem: string };

/** Where a library keeps its catalogue (beside the search index). */
export function catalogueFilePath(root: string): string {
  return path.join(root, 'index', 'catalogue.json');
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isStamp(x: unknown): x is ClipStamp {
  return isObject(x) && typeof x.dir === 'number' && typeof x.meta === 'string' && typeof x.annotations === 'string';
}

/** Whether an entry's id, stamp and metadata have the catalogue's shape (the part of a row a list needs). */
function isSavedRow(x: unknown): x is CatalogueRow {
  if (!isObject(x) || typeof x.id !== 'string' || !ID_PATTERN.test(x.id) || !isStamp(x.stamp)) return false;
  const { meta } = x;
  return isObject(meta) && meta.id === x.id && typeof meta.title === 'string' && typeof meta.clippedAt === 'string';
}

/**
 * Whether an entry has the catalogue's shape. The metadata and highlights were validated when they were read
 * from the clip's files; this catches a file that is not one Gloss wrote (hand edits, another program).
 */
function isSavedClip(x: unknown): x is SavedClip {
  if (!isSavedRow(x)) return false;
  const { highlights, conflicts } = x as Record<string, unknown>;
  return (
    Array.isArray(highlights) &&
    highlights.every((h) => isObject(h) && h.clipId === x.id && typeof h.id === 'string') &&
    (conflicts === undefined || (Array.isArray(conflicts) && conflicts.every((c) => isObject(c) && c.clipId === x.id)))
  );
}

/** Why the catalogue's head (everything but its clips) is not one this build reads, or null when it is. */
function headProblem(value: unknown): string | null {
  if (!isObject(value) || value.kind !== KIND) return 'The catalogue is not a Gloss catalogue.';
  if (value.format !== CATALOGUE_FORMAT || value.schema !== SCHEMA_VERSION)
    return 'The catalogue was made by another version of Gloss.';
  return null;
}

/** Reads the library's catalogue; any doubt about the file as a whole gives a `problem` instead. */
export async function readCatalogueFile(root: string): Promise<ReadCatalogue> {
  let raw: string;
  try {
    raw = await fs.readFile(catalogueFilePath(root), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, problem: missing ? 'There is no catalogue yet.' : `The catalogue could not be read: ${error}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'The catalogue is damaged (not whole JSON).' };
  }
  const problem = headProblem(value);
  if (problem) return { ok: false, problem };
  const { clips: list, count } = value as Record<string, unknown>;
  if (!Array.isArray(list) || list.length !== count || !list.every(isSavedClip))
    return { ok: false, problem: 'The catalogue is damaged (an entry is not as Gloss writes it).' };
  return { ok: true, clips: new Map(list.map((c) => [c.id, c])) };
}

/** How each row's highlights begin: the writer puts them right after the metadata (see {@link writeCatalogueFile}). */
const HIGHLIGHTS_KEY = Buffer.from(',"highlights":');
const NEWLINE = 0x0a;

/**
 * Reads only the id, stamp and metadata of each clip in the library's catalogue, without parsing the
 * highlights (most of the file): what `gloss list` needs. It relies on the layout {@link writeCatalogueFile}
 * writes (the head on the first line, then one clip a line whose `highlights` follow its `meta`); a file
 * laid out otherwise gives a `problem`, as a damaged one does.
 */
export async function readCatalogueRows(
  root: string,
): Promise<{ ok: true; rows: Map<string, CatalogueRow> } | { ok: false; problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(catalogueFilePath(root));
  } catch (error) {
    return { ok: false, problem: `The catalogue could not be read: ${error}` };
  }
  const damaged = { ok: false, problem: 'The catalogue is damaged (an entry is not as Gloss writes it).' } as const;
  const rows = new Map<string, CatalogueRow>();
  let count: unknown;
  let closed = false;
  try {
    const headEnd = bytes.indexOf(NEWLINE);
    if (headEnd < 0) return damaged;
    const head = JSON.parse(`${bytes.toString('utf8', 0, headEnd)}]}`) as Record<string, unknown>;
    const problem = headProblem(head);
    if (problem) return { ok: false, problem };
    count = head.count;
    for (let at = headEnd + 1; at < bytes.length;) {
      const next = bytes.indexOf(NEWLINE, at);
      const end = next < 0 ? bytes.length : next;
      const start = bytes.toString('latin1', at, Math.min(end, at + 2));
      if (start.startsWith('{') && !closed) {
        const cut = bytes.indexOf(HIGHLIGHTS_KEY, at);
        if (cut < 0 || cut > end) return damaged;
        const row: unknown = JSON.parse(`${bytes.toString('utf8', at, cut)}}`);
        if (!isSavedRow(row)) return damaged;
        rows.set(row.id, { id: row.id, stamp: row.stamp, meta: row.meta });
      } else if (start === ']}') closed = true;
      else if (start !== '') return damaged;
      at = end + 1;
    }
  } catch {
    return damaged;
  }
  return closed && rows.size === count ? { ok: true, rows } : damaged;
}

/** The catalogue's text a piece at a time, with a turn of the event loop between pieces. */
async function* catalogueText(clips: SavedClip[]): AsyncGenerator<string> {
  const head = { kind: KIND, format: CATALOGUE_FORMAT, schema: SCHEMA_VERSION, savedAt: new Date().toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"count":${clips.length},"clips":[\n`;
  for (let at = 0; at < clips.length; at += CLIPS_PER_PIECE) {
    const piece = clips.slice(at, at + CLIPS_PER_PIECE).map((c) => JSON.stringify(c));
    yield `${at ? ',\n' : ''}${piece.join(',\n')}`;
    await nextTurn();
  }
  yield '\n]}\n';
}

/**
 * Saves what `state` knows of every clip with a known stamp, atomically, one clip a line with its highlights
 * after its metadata (so {@link readCatalogueRows} can read a list without them) (clips changed by Gloss since they
 * were last stamped are left out, and read again at the next start). Returns how many clips it holds.
 */
export async function writeCatalogueFile(state: LibraryState): Promise<number> {
  const clips: SavedClip[] = [];
  for (const [id, meta] of state.metas) {
    const stamp = state.stamps.get(id);
    if (!stamp || stamp.dir < 0) continue;
    const conflicts = state.conflicts.filter((c) => c.clipId === id);
    clips.push({
      id,
      stamp,
      meta,
      highlights: [...(state.highlights.get(id) ?? [])],
      ...(conflicts.length && { conflicts }),
    });
  }
  const file = catalogueFilePath(state.root);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, catalogueText(clips));
  return clips.length;
}

/**
 * The catalogue of a library, two files beside its search index: `index/catalogue.json`, each clip's stamp
 * (clipStamp.ts) and the few fields of its metadata a list of clips shows (`gloss list` reads this file alone:
 * ~1/10 of the bytes), and `index/catalogue-details.json`, the rest of each clip's metadata, its highlights and
 * conflicted copies. Together they let the next start read only the clips whose stamp changed instead of 2
 * small files per clip. A cache, never the record: a clip is taken from them only when its folder and files
 * stat as they did when it was read, and a missing, damaged or outdated file — or two files from different
 * saves — is ignored (the library is read from its files and the catalogue written again).
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ClipMeta, Highlight, LibraryConflict } from '../model';
import { writeFileAtomic } from './atomicWrite';
import type { ClipStamp } from './clipStamp';
import type { LibraryState } from './libraryState';
import { ID_PATTERN, SCHEMA_VERSION } from './fileFormat';

/** The version of the catalogue files' shape: bump it whenever it changes, and older files are rebuilt. */
export const CATALOGUE_FORMAT = 2;
const KIND = 'gloss-catalogue';
const DETAILS_KIND = 'gloss-catalogue-details';
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

/** The fields of a clip's metadata a list of clips shows and sorts by: all that `catalogue.json` holds of it. */
const LIST_FIELDS = ['id', 'title', 'site', 'byline', 'published', 'url', 'words', 'clippedAt'] as const;
export type ListedMeta = Pick<ClipMeta, (typeof LIST_FIELDS)[number]>;

/** A clip in `catalogue.json`. */
export interface CatalogueRow {
  id: string;
  stamp: ClipStamp;
  meta: ListedMeta;
}

/** A clip in `catalogue-details.json`: the rest of its metadata, its highlights and conflicted copies. */
interface DetailsEntry {
  id: string;
  meta: Partial<ClipMeta>;
  highlights: Highlight[];
  conflicts?: LibraryConflict[];
}

type Problem = { ok: false; problem: string };
export type ReadCatalogue = { ok: true; clips: Map<string, SavedClip> } | Problem;
export type ReadCatalogueRows = { ok: true; rows: Map<string, CatalogueRow>; generation: string } | Problem;

/** Where a library keeps the catalogue's rows (beside the search index). */
export function catalogueFilePath(root: string): string {
  return path.join(root, 'index', 'catalogue.json');
}

/** Where a library keeps the rest of its catalogue, saved with {@link catalogueFilePath}'s file. */
export function catalogueDetailsPath(root: string): string {
  return path.join(root, 'index', 'catalogue-details.json');
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isStamp(x: unknown): x is ClipStamp {
  return isObject(x) && typeof x.dir === 'number' && typeof x.meta === 'string' && typeof x.annotations === 'string';
}

/**
 * Whether a row has the catalogue's shape. The metadata was validated when it was read from the clip's files;
 * this catches a file that is not one Gloss wrote (hand edits, another program).
 */
function isSavedRow(x: unknown): x is CatalogueRow {
  if (!isObject(x) || typeof x.id !== 'string' || !ID_PATTERN.test(x.id) || !isStamp(x.stamp)) return false;
  const { meta } = x;
  return (
    isObject(meta) &&
    meta.id === x.id &&
    typeof meta.title === 'string' &&
    typeof meta.clippedAt === 'string' &&
    Object.keys(meta).every((key) => (LIST_FIELDS as readonly string[]).includes(key))
  );
}

/** Whether a highlight's `target` has the shape Gloss writes (a source and a list of selector objects). */
function hasTarget(target: unknown): boolean {
  return isObject(target) && Array.isArray(target.selector) && target.selector.every(isObject);
}

/** Whether an entry of the details file has its shape: its highlights and conflicts belong to its clip. */
function isDetailsEntry(x: unknown): x is DetailsEntry {
  if (!isObject(x) || typeof x.id !== 'string' || !isObject(x.meta) || !Array.isArray(x.highlights)) return false;
  const { id, meta, highlights, conflicts } = x;
  return (
    Object.keys(meta).every((key) => !(LIST_FIELDS as readonly string[]).includes(key)) &&
    highlights.every((h) => isObject(h) && h.clipId === id && typeof h.id === 'string' && hasTarget(h.target)) &&
    (conflicts === undefined || (Array.isArray(conflicts) && conflicts.every((c) => isObject(c) && c.clipId === id)))
  );
}

/** The problem given when a library has no catalogue yet (not worth a warning). */
export const NO_CATALOGUE = 'There is no catalogue yet.';
const DAMAGED = 'The catalogue is damaged (an entry is not as Gloss writes it).';

/**
 * One catalogue file's entries once its head (`kind`, `format`, library `schema`, the save's `generation`) and
 * `count` are checked; any doubt gives a `problem`.
 */
async function readEntries(
  file: string,
  kind: string,
): Promise<{ ok: true; entries: unknown[]; generation: string } | Problem> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && kind === KIND) return { ok: false, problem: NO_CATALOGUE };
    return {
      ok: false,
      problem: missing ? `The catalogue has no ${path.basename(file)}.` : `The catalogue could not be read: ${error}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'The catalogue is damaged (not whole JSON).' };
  }
  const problem = headProblem(value, kind);
  if (problem) return { ok: false, problem };
  const { clips, count, generation } = value as Record<string, unknown>;
  if (!Array.isArray(clips) || clips.length !== count) return { ok: false, problem: DAMAGED };
  return { ok: true, entries: clips, generation: generation as string };
}

/** Why a catalogue file's head (all but its clips) is not one this build reads, or null when it is. */
function headProblem(value: unknown, kind: string): string | null {
  if (!isObject(value) || value.kind !== kind) return 'The catalogue is not a Gloss catalogue.';
  if (value.format !== CATALOGUE_FORMAT || value.schema !== SCHEMA_VERSION)
    return 'The catalogue was made by another version of Gloss.';
  return typeof value.generation === 'string' && typeof value.count === 'number' ? null : DAMAGED;
}

/**
 * Reads `catalogue.json` alone: each clip's id, stamp and the metadata a list shows (`gloss list`). Any doubt
 * about the file gives a `problem`.
 */
export async function readCatalogueRows(root: string): Promise<ReadCatalogueRows> {
  const read = await readEntries(catalogueFilePath(root), KIND);
  if (!read.ok) return read;
  if (!read.entries.every(isSavedRow)) return { ok: false, problem: DAMAGED };
  return { ok: true, rows: new Map(read.entries.map((r) => [r.id, r])), generation: read.generation };
}

/**
 * Reads the library's catalogue: both files, which must come from the same save (the same `generation`) and
 * hold the same clips; any doubt about either gives a `problem` instead.
 */
export async function readCatalogueFile(root: string): Promise<ReadCatalogue> {
  const saved = await readCatalogueRows(root);
  if (!saved.ok) return saved;
  const read = await readEntries(catalogueDetailsPath(root), DETAILS_KIND);
  if (!read.ok) return read;
  if (read.generation !== saved.generation)
    return { ok: false, problem: "The catalogue's two files come from different saves (one was cut off)." };
  const clips = new Map<string, SavedClip>();
  for (const entry of read.entries) {
    const row = isDetailsEntry(entry) ? saved.rows.get(entry.id) : undefined;
    if (!row || clips.has(row.id)) return { ok: false, problem: DAMAGED };
    const { meta, highlights, conflicts } = entry as DetailsEntry;
    const whole = { ...row.meta, ...meta, id: row.id } as ClipMeta;
    clips.set(row.id, {
      id: row.id,
      stamp: row.stamp,
      meta: whole,
      highlights: shareStrings(whole, highlights),
      ...(conflicts && { conflicts }),
    });
  }
  if (clips.size !== saved.rows.size) return { ok: false, problem: DAMAGED };
  return { ok: true, clips };
}

/**
 * `highlights` with the strings they repeat made one: JSON.parse gives each highlight its own copy of its clip's
 * id, its page address, its dates and its selectors' type names, which at 50k highlights is ~12 MB of a start's
 * heap (a quarter of what the highlights hold). Changes the parsed objects in place.
 */
function shareStrings(meta: ClipMeta, highlights: Highlight[]): Highlight[] {
  for (const h of highlights) {
    h.clipId = meta.id;
    if (h.updatedAt === h.createdAt) h.updatedAt = h.createdAt;
    const { target } = h;
    if (target.source === meta.url && meta.url !== null) target.source = meta.url;
    for (const selector of target.selector) {
      if (selector.type === QUOTE) selector.type = QUOTE;
      else if (selector.type === POSITION) selector.type = POSITION;
    }
  }
  return highlights;
}

const QUOTE = 'TextQuoteSelector';
const POSITION = 'TextPositionSelector';

/** `meta` cut in two: the fields a list shows (for `catalogue.json`) and the rest (for the details file). */
function splitMeta(meta: ClipMeta): { listed: ListedMeta; rest: Partial<ClipMeta> } {
  const listed: Record<string, unknown> = {};
  const rest: Record<string, unknown> = { ...meta };
  for (const key of LIST_FIELDS) {
    if (key in rest) listed[key] = rest[key];
    delete rest[key];
  }
  return { listed: listed as ListedMeta, rest };
}

/** A catalogue file's text a piece at a time (its head line, then one entry a line), yielding between pieces. */
async function* catalogueText<T>(head: object, items: T[], entry: (item: T) => object): AsyncGenerator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"count":${items.length},"clips":[\n`;
  for (let at = 0; at < items.length; at += CLIPS_PER_PIECE) {
    const piece = items.slice(at, at + CLIPS_PER_PIECE).map((item) => JSON.stringify(entry(item)));
    yield `${at ? ',\n' : ''}${piece.join(',\n')}`;
    await nextTurn();
  }
  yield '\n]}\n';
}

/**
 * Saves what `state` knows of every clip with a known stamp (clips changed by Gloss since they were last
 * stamped are left out, and read again at the next start), atomically: the details file first, then the
 * rows file, both marked with one new `generation`, so a save cut off between the two leaves files that do not
 * match (ignored, the library read from its files). Returns how many clips the catalogue holds.
 */
export async function writeCatalogueFile(state: LibraryState): Promise<number> {
  const clips: Array<{ row: CatalogueRow; details: DetailsEntry }> = [];
  for (const [id, meta] of state.metas) {
    const stamp = state.stamps.get(id);
    if (!stamp || stamp.dir < 0) continue;
    const conflicts = state.conflicts.filter((c) => c.clipId === id);
    const { listed, rest } = splitMeta(meta);
    clips.push({
      row: { id, stamp, meta: listed },
      details: {
        id,
        meta: rest,
        highlights: [...(state.highlights.get(id) ?? [])],
        ...(conflicts.length && { conflicts }),
      },
    });
  }
  const file = catalogueFilePath(state.root);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const head = { format: CATALOGUE_FORMAT, schema: SCHEMA_VERSION, generation: randomUUID() };
  await writeFileAtomic(
    catalogueDetailsPath(state.root),
    catalogueText({ kind: DETAILS_KIND, ...head }, clips, (c) => c.details),
  );
  await writeFileAtomic(
    file,
    catalogueText({ kind: KIND, ...head, savedAt: new Date().toISOString() }, clips, (c) => c.row),
  );
  return clips.length;
}

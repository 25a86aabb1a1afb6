/**
 * Exporting from a library: which clips (some by id, one collection, or all) and which notebook pages
 * go with them, then {@link exportToDisk}. The CLI's `gloss export` and the app's export both call this.
 */
import type { GlossApi } from '../api';
import { GlossError } from '../errors';
import type { ClipSummary } from '../model';
import { quoteBlocks } from '../notebook/lexicalJson';
import type { NotebookPage } from '../notebook/types';
import { countNames } from '../annotate/tags';
import { exportToDisk, type ExportResult, type ExportToDiskOptions } from './folder';

/** What a library export reads: the clips and pages of a library, and its folder (for the clips' images). */
export interface ExportSource extends Pick<GlossApi, 'listClips' | 'getClip' | 'listPages' | 'getPage'> {
  readonly libraryPath: string;
}

/** Which clips to export: `ids`, or the clips of `collection`, or (neither given) the whole library. */
export interface ClipSelection {
  ids?: string[];
  /** A collection's name, matched ignoring case. */
  collection?: string;
}

export type ExportLibraryOptions = ClipSelection &
  Omit<ExportToDiskOptions, 'ids' | 'getClip' | 'pages' | 'libraryPath'>;

/** What was exported: the files, and how many clips and notebook pages they hold. */
export interface ExportLibraryResult extends ExportResult {
  clips: number;
  pages: number;
}

/**
 * The clips of `collection` among `clips` (name compared ignoring case).
 *
 * @throws GlossError `not-found` naming the collections the library has, when none is called so
 */
export function clipsInCollection(clips: readonly ClipSummary[], collection: string): ClipSummary[] {
  const wanted = collection.trim().toLocaleLowerCase();
  const chosen = clips.filter((c) => c.collections.some((name) => name.toLocaleLowerCase() === wanted));
  if (chosen.length) return chosen;
  const known = countNames(clips.map((c) => c.collections)).map((entry) => `“${entry.name}”`);
  const listing = known.length
    ? `The library's collections: ${known.join(', ')}.`
    : 'The library has no collections yet.';
  throw new GlossError('not-found', `No collection is called “${collection}”. ${listing}`);
}

/**
 * The clip ids a selection names, in library order (newest first) or as given.
 *
 * @throws GlossError `invalid-input` when both ids and a collection are given, `not-found` for an
 *   unknown id or collection (before anything is written)
 */
export async function selectClips(service: ExportSource, selection: ClipSelection): Promise<string[]> {
  const clips = await service.listClips();
  if (selection.ids && selection.collection !== undefined)
    throw new GlossError('invalid-input', 'Export either clips by id or a collection, not both.');
  if (selection.collection !== undefined) return clipsInCollection(clips, selection.collection).map((c) => c.id);
  if (!selection.ids) return clips.map((c) => c.id);
  const known = new Set(clips.map((c) => c.id));
  const unknown = selection.ids.find((id) => !known.has(id));
  if (unknown) await service.getClip(unknown);
  return selection.ids;
}

/**
 * The notebook pages that go with an export: every page for the whole library, the pages quoting any
 * of the chosen clips for a collection, none for clips chosen by id.
 */
async function pagesFor(
  service: ExportSource,
  selection: ClipSelection,
  ids: readonly string[],
): Promise<NotebookPage[]> {
  if (selection.ids) return [];
  const pages = await Promise.all((await service.listPages()).map((p) => service.getPage(p.id)));
  if (selection.collection === undefined) return pages;
  const chosen = new Set(ids);
  return pages.filter((page) => quoteBlocks(page.doc).some((q) => chosen.has(q.clipId)));
}

/**
 * Exports the selected clips from the library behind `service`; in Markdown with their images and the
 * notebook pages that go with them (see {@link pagesFor}), their quotes linked to the clip files.
 */
export async function exportLibrary(
  service: ExportSource,
  options: ExportLibraryOptions,
): Promise<ExportLibraryResult> {
  const { ids: wanted, collection, ...rest } = options;
  const selection = { ids: wanted, collection };
  const ids = await selectClips(service, selection);
  const pages = options.format === 'md' ? await pagesFor(service, selection, ids) : [];
  const result = await exportToDisk({
    ...rest,
    ids,
    pages,
    libraryPath: service.libraryPath,
    getClip: (id) => service.getClip(id),
  });
  return { ...result, clips: ids.length, pages: pages.length };
}

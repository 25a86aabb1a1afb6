/**
 * Exporting clips to disk: Markdown as one file per clip into a folder (an Obsidian vault can take
 * the folder as it is) with their images in `images/` and notebook pages in `Notebook/`, linking to
 * the quoted highlights; every other format as one file holding all the clips.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ioError } from '../library/checks';
import { writeFileAtomic } from '../library/atomicWrite';
import type { ClipDocument } from '../model';
import { quoteBlocks } from '../notebook/lexicalJson';
import type { NotebookPage } from '../notebook/types';
import { FileNamer } from './fileNames';
import { exportManyFile, type ExportFormat } from './formats';
import { copyClipImages } from './imageFiles';
import { WriteQueue } from './writeQueue';
import { clipMarkdown } from './markdown';
import { clipMarkdownInWorker, holdMarkdownWorker } from './markdownInWorker';
import { exportedPageMarkdown, NOTEBOOK_FOLDER, type ExportedClips } from './pages';

/** Progress of a long export: `done` of `total` clips and pages, and the one just written. */
export interface ExportProgress {
  done: number;
  total: number;
  title: string;
}

export interface ExportToDiskOptions {
  /** The clips to export, by id. */
  ids: string[];
  format: ExportFormat;
  /** A folder for Markdown (created if needed), else the file to write. */
  out: string;
  /** Reads one clip (the service's `getClip`). */
  getClip: (id: string) => Promise<ClipDocument>;
  onProgress?: (progress: ExportProgress) => void;
  /** Markdown only: notebook pages to write into `Notebook/`, their quotes linked to the exported clips. */
  pages?: NotebookPage[];
  /** Markdown only: the library the clips are in, to copy their downloaded images into `images/`. */
  libraryPath?: string;
  /** Stops between clips; the files already written are complete (each is written atomically). */
  signal?: AbortSignal;
  /**
   * Markdown only: convert in the worker thread (markdownInWorker.ts). By default exports of
   * {@link WORKER_FROM} clips or more do, smaller ones convert in-thread and spare the worker's start.
   */
  inWorker?: boolean;
}

/** From this many clips a Markdown export converts in the worker thread by default. */
export const WORKER_FROM = 100;

/** Clips read (and queued for conversion) ahead of the one being written: their reads overlap the disk waits. */
const READ_AHEAD = 4;

/** A clip an export left out, and why (it could not be read or converted). */
export interface SkippedClip {
  id: string;
  title: string | null;
  reason: string;
}

/** What an export wrote, as absolute paths, and the clips it had to leave out. */
export interface ExportResult {
  files: string[];
  skipped: SkippedClip[];
}

async function writeText(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text).catch((e) => {
    throw ioError(`Could not write ${file}`, e);
  });
}

/** One clip read and, for Markdown, converted; or why it could not be (a damaged or hostile clip). */
type Converted = { document: ClipDocument; markdown: string | null } | { error: unknown };

/** Reads one clip and, for Markdown, converts it with `toMarkdown`; never throws (see {@link Converted}). */
async function convertClip(
  getClip: (id: string) => Promise<ClipDocument>,
  id: string,
  toMarkdown: ((document: ClipDocument) => string | Promise<string>) | null,
): Promise<Converted> {
  try {
    const document = await getClip(id);
    return { document, markdown: toMarkdown ? await toMarkdown(document) : null };
  } catch (error) {
    return { error };
  }
}

/**
 * Writes the clips to disk in `format`. Each file is written atomically; Markdown names come from one
 * {@link FileNamer} for clips and pages alike, so they are unique (a page's link to a clip names one
 * file) and never step outside the folder.
 */
export async function exportToDisk(options: ExportToDiskOptions): Promise<ExportResult> {
  const { ids, format, getClip, onProgress, libraryPath } = options;
  const pages = format === 'md' ? (options.pages ?? []) : [];
  const out = path.resolve(options.out);
  const total = ids.length + pages.length;
  const documents: ClipDocument[] = [];
  const files: string[] = [];
  const namer = new FileNamer();
  const exported = new Map<string, { stem: string; highlightIds: Set<string> }>() satisfies ExportedClips;
  // Only the clips the pages quote need their file and highlights remembered (for the pages' links).
  const quoted = new Set(pages.flatMap((page) => quoteBlocks(page.doc).map((quote) => quote.clipId)));
  const skipped: SkippedClip[] = [];
  if (format === 'md')
    await fs.mkdir(out, { recursive: true }).catch((e) => {
      throw ioError(`Could not create the folder ${out}`, e);
    });
  const writes = new WriteQueue();
  const inWorker = format === 'md' && (options.inWorker ?? ids.length >= WORKER_FROM);
  const release = inWorker ? holdMarkdownWorker() : null;
  const toMarkdown = format !== 'md' ? null : inWorker ? clipMarkdownInWorker : clipMarkdown;
  // The next clips are read (and queued for the worker) while this one converts: the main thread's reads and
  // the worker's conversions overlap.
  const ahead: Promise<Converted>[] = [];
  let queued = 0;
  try {
    for (const [index, id] of ids.entries()) {
      options.signal?.throwIfAborted();
      // This clip and the READ_AHEAD after it are under way.
      while (ahead.length <= READ_AHEAD && queued < ids.length)
        ahead.push(convertClip(getClip, ids[queued++]!, toMarkdown));
      const current = ahead.shift()!;
      // One clip that cannot be read or converted is reported and left out, never the end of the whole
      // export; a file that cannot be written still stops it (the disk is full or the folder is gone).
      const converted = await current;
      if ('error' in converted) {
        const { error } = converted;
        skipped.push({ id, title: null, reason: error instanceof Error ? error.message : String(error) });
      } else if (format === 'md') {
        const { document, markdown } = converted;
        const name = namer.name(document.meta.title, document.meta.id, 'md');
        files.push(path.join(out, name));
        await writes.add(async () => {
          await writeText(path.join(out, name), markdown!);
          if (libraryPath) files.push(...(await copyClipImages(libraryPath, id, document.html, out)));
        });
        if (quoted.has(id))
          exported.set(id, {
            stem: name.slice(0, -'.md'.length),
            highlightIds: new Set(document.highlights.map((h) => h.id)),
          });
      } else {
        documents.push(converted.document);
      }
      onProgress?.({ done: index + 1, total, title: 'error' in converted ? id : converted.document.meta.title });
    }
    // Every clip file is complete before the pages that link to them are written (or a cancel returns).
    await writes.drain();
  } finally {
    await writes.settle();
    release?.();
  }
  if (pages.length)
    await fs.mkdir(path.join(out, NOTEBOOK_FOLDER), { recursive: true }).catch((e) => {
      throw ioError(`Could not create the folder ${out}`, e);
    });
  for (const [index, page] of pages.entries()) {
    options.signal?.throwIfAborted();
    const file = path.join(out, NOTEBOOK_FOLDER, namer.name(page.title || 'Untitled', page.id, 'md'));
    await writeText(file, exportedPageMarkdown(page, exported));
    files.push(file);
    onProgress?.({ done: ids.length + index + 1, total, title: page.title });
  }
  if (format !== 'md') {
    options.signal?.throwIfAborted();
    const content = exportManyFile(documents, format).content;
    await fs
      .mkdir(path.dirname(out), { recursive: true })
      .then(() => writeFileAtomic(out, content))
      .catch((e) => {
        throw ioError(`Could not write ${out}`, e);
      });
    files.push(out);
  }
  return { files, skipped };
}

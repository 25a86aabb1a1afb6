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
import type { NotebookPage } from '../notebook/types';
import { FileNamer } from './fileNames';
import { exportManyFile, type ExportFormat } from './formats';
import { copyClipImages } from './imageFiles';
import { WriteQueue } from './writeQueue';
import { clipMarkdown } from './markdown';
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
}

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

/** Reads one clip and, for Markdown, converts it (either may fail for a damaged or hostile clip). */
async function convertClip(
  getClip: (id: string) => Promise<ClipDocument>,
  id: string,
  format: ExportFormat,
): Promise<{ document: ClipDocument; markdown: string | null }> {
  const document = await getClip(id);
  return { document, markdown: format === 'md' ? clipMarkdown(document) : null };
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
  const skipped: SkippedClip[] = [];
  if (format === 'md')
    await fs.mkdir(out, { recursive: true }).catch((e) => {
      throw ioError(`Could not create the folder ${out}`, e);
    });
  const writes = new WriteQueue();
  try {
    for (const [index, id] of ids.entries()) {
      options.signal?.throwIfAborted();
      // One clip that cannot be read or converted is reported and left out, never the end of the whole
      // export; a file that cannot be written still stops it (the disk is full or the folder is gone).
      const converted = await convertClip(getClip, id, format).catch((error: unknown) => {
        skipped.push({ id, title: null, reason: error instanceof Error ? error.message : String(error) });
        return null;
      });
      if (converted && format === 'md') {
        const { document, markdown } = converted;
        const name = namer.name(document.meta.title, document.meta.id, 'md');
        files.push(path.join(out, name));
        await writes.add(async () => {
          await writeText(path.join(out, name), markdown!);
          if (libraryPath) files.push(...(await copyClipImages(libraryPath, id, document.html, out)));
        });
        exported.set(id, {
          stem: name.slice(0, -'.md'.length),
          highlightIds: new Set(document.highlights.map((h) => h.id)),
        });
      } else if (converted) {
        documents.push(converted.document);
      }
      onProgress?.({ done: index + 1, total, title: converted?.document.meta.title ?? id });
    }
    // Every clip file is complete before the pages that link to them are written (or a cancel returns).
    await writes.drain();
  } finally {
    await writes.settle();
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
    await fs.mkdir(path.dirname(out), { recursive: true });
    await writeFileAtomic(out, exportManyFile(documents, format).content).catch((e) => {
      throw ioError(`Could not write ${out}`, e);
    });
    files.push(out);
  }
  return { files, skipped };
}

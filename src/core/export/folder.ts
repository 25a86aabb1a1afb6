/**
 * Exporting clips to disk: Markdown as one file per clip into a folder (an Obsidian vault can take
 * the folder as it is), every other format as one file holding all the clips.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ioError } from '../library/checks';
import { writeFileAtomic } from '../library/atomicWrite';
import type { ClipDocument } from '../model';
import { FileNamer } from './fileNames';
import { exportManyFile, type ExportFormat } from './formats';
import { clipMarkdown } from './markdown';

/** Progress of a long export: `done` of `total` clips, and the one just written. */
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
}

/** What an export wrote, as absolute paths. */
export interface ExportResult {
  files: string[];
}

/**
 * Writes the clips to disk in `format`. Each file is written atomically; Markdown names are unique
 * within the folder and never step outside it (see {@link FileNamer}).
 */
export async function exportToDisk(options: ExportToDiskOptions): Promise<ExportResult> {
  const { ids, format, getClip, onProgress } = options;
  const out = path.resolve(options.out);
  const documents: ClipDocument[] = [];
  const files: string[] = [];
  const namer = new FileNamer();
  if (format === 'md') await fs.mkdir(out, { recursive: true }).catch((e) => { throw ioError(`Could not create the folder ${out}`, e); });
  for (const [index, id] of ids.entries()) {
    const document = await getClip(id);
    if (format === 'md') {
      const file = path.join(out, namer.name(document.meta.title, document.meta.id, 'md'));
      await writeFileAtomic(file, clipMarkdown(document)).catch((e) => { throw ioError(`Could not write ${file}`, e); });
      files.push(file);
    } else {
      documents.push(document);
    }
    onProgress?.({ done: index + 1, total: ids.length, title: document.meta.title });
  }
  if (format !== 'md') {
    await fs.mkdir(path.dirname(out), { recursive: true });
    await writeFileAtomic(out, exportManyFile(documents, format).content).catch((e) => { throw ioError(`Could not write ${out}`, e); });
    files.push(out);
  }
  return { files };
}

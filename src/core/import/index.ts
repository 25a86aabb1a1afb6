/**
 * Imports by source: reads another tool's export (or a folder) and runs it into the library.
 * The CLI's `gloss import` and, later, the app's import dialog call {@link importFrom}.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import { readFolder } from './folder';
import { readOmnivoreFolder } from './omnivore';
import { readImportFile } from './importFiles';
import { readPocketCsv, readPocketHtml } from './pocket';
import { readReadwiseCsv } from './readwise';
import { runImport, type RunImportOptions } from './run';
import type { ImportEntry, ImportReport, ImportTarget, SkippedEntry } from './types';

export const IMPORT_SOURCES = ['readwise', 'omnivore', 'pocket', 'folder'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export type { ImportReport, ImportProgress } from './types';

async function kindOf(target: string): Promise<'file' | 'folder'> {
  const info = await fs.stat(target).catch(() => null);
  if (!info) throw new GlossError('not-found', `No such file or folder: ${target}`);
  return info.isDirectory() ? 'folder' : 'file';
}

/** Reads the export at `target` into entries, plus the files that are not part of it. */
async function readSource(
  source: ImportSource,
  target: string,
): Promise<{ entries: ImportEntry[]; skipped: SkippedEntry[] }> {
  const kind = await kindOf(target);
  const name = path.basename(target);
  const needs = (wanted: 'file' | 'folder', what: string) => {
    if (kind !== wanted)
      throw new GlossError('invalid-input', `${target} is a ${kind}; a ${source} import takes ${what}.`);
  };
  switch (source) {
    case 'readwise':
      needs('file', 'the CSV file Readwise exports');
      return { entries: readReadwiseCsv(await readImportFile(target, name), name), skipped: [] };
    case 'pocket': {
      needs('file', 'ril_export.html or the CSV file Pocket exports');
      const text = await readImportFile(target, name);
      const entries = /^\s*</.test(text) ? readPocketHtml(text, name) : readPocketCsv(text, name);
      return { entries, skipped: [] };
    }
    case 'omnivore':
      needs('folder', 'the unzipped export folder');
      return readOmnivoreFolder(target);
    case 'folder': {
      needs('folder', 'a folder of .html, .md, .txt and .pdf files');
      return readFolder(target);
    }
  }
}

/**
 * Imports the export at `target` (a file or folder, per `source`) into the library behind `service`.
 * Pages are fetched one after another with progress; the report counts what was imported, merged
 * and skipped (with reasons).
 */
export async function importFrom(
  service: ImportTarget,
  source: ImportSource,
  target: string,
  options: RunImportOptions = {},
): Promise<ImportReport> {
  const { entries, skipped } = await readSource(source, target);
  const report = await runImport(service, entries, options);
  report.skipped.unshift(...skipped);
  return report;
}

/**
 * Plain folders of saved pages and notes: every .html/.htm file is clipped as a page, every
 * .md/.markdown/.txt file as text, in sub-folders too. Other files are listed as skipped.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportEntry } from './types';

const HTML = new Set(['.html', '.htm', '.xhtml']);
const TEXT = new Set(['.md', '.markdown', '.txt']);

/** The entries of a folder (recursively, hidden files ignored), sorted by path; `ignored` lists other files. */
export async function readFolder(dir: string): Promise<{ entries: ImportEntry[]; ignored: string[] }> {
  const entries: ImportEntry[] = [];
  const ignored: string[] = [];
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    const relative = path.relative(dir, file);
    if (!HTML.has(ext) && !TEXT.has(ext)) {
      ignored.push(relative);
      continue;
    }
    const value = await fs.readFile(file, 'utf8');
    // A text file's name is its title when it has one of its own; HTML pages carry theirs.
    const title = TEXT.has(ext) ? path.basename(file, path.extname(file)) : null;
    entries.push({
      source: relative,
      title,
      url: null,
      content: { kind: HTML.has(ext) ? 'html' : 'text', value },
      highlights: [],
    });
  }
  return { entries, ignored };
}

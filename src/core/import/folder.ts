/**
 * Plain folders of saved pages and notes: every .html/.htm file is clipped as a page, every
 * .md/.markdown/.txt file as text, in sub-folders too. Other files are listed as skipped. A Markdown
 * file's front matter gives the clip's details, and a folder Gloss exported comes back with its
 * highlights and notes (glossMarkdown.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseMarkdownFile } from './glossMarkdown';
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
    if (HTML.has(ext)) {
      entries.push({ source: relative, title: null, url: null, content: { kind: 'html', value }, highlights: [] });
      continue;
    }
    // A text file's name is its title when it has none of its own in front matter.
    const parts = parseMarkdownFile(value);
    const { site, published, tags, collections } = parts;
    entries.push({
      source: relative,
      title: parts.title ?? path.basename(file, path.extname(file)),
      url: parts.url,
      byline: parts.byline,
      details: { site, published, tags, collections },
      content: { kind: 'text', value: parts.body },
      highlights: parts.highlights,
    });
  }
  return { entries, ignored };
}

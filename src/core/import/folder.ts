/**
 * Plain folders of saved pages, notes and papers: every .html/.htm file is clipped as a page, every
 * .md/.markdown/.txt file as text, every .pdf as a PDF clip, in sub-folders too. Other files are listed as
 * skipped. A Markdown file's front matter gives the clip's details, and a folder Gloss exported comes back
 * with its highlights and notes (glossMarkdown.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseMarkdownFile } from './glossMarkdown';
import { GlossError } from '../errors';
import { decodeHtml } from '../clipper/charset';
import { readImportBytes, readImportFile } from './importFiles';
import type { ImportEntry, SkippedEntry } from './types';

const HTML = new Set(['.html', '.htm', '.xhtml']);
const TEXT = new Set(['.md', '.markdown', '.txt']);

/**
 * The entries of a folder (recursively, hidden files ignored), sorted by path; `skipped` lists the other
 * files, symbolic links and files too large to import, each with its reason.
 */
export async function readFolder(dir: string): Promise<{ entries: ImportEntry[]; skipped: SkippedEntry[] }> {
  const entries: ImportEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const found = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.'),
  );
  const links = new Set(found.filter((e) => e.isSymbolicLink()).map((e) => path.join(e.parentPath, e.name)));
  const files = found.map((e) => path.join(e.parentPath, e.name)).sort();
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    const relative = path.relative(dir, file);
    const skip = (reason: string) => skipped.push({ source: relative, title: null, reason });
    if (links.has(file)) {
      skip('A symbolic link; imports read only files inside the folder.');
      continue;
    }
    if (ext === '.pdf') {
      // Read when its turn comes, so a folder of papers is never all in memory at once.
      entries.push({ source: relative, title: null, url: null, content: { kind: 'pdf', file }, highlights: [] });
      continue;
    }
    if (!HTML.has(ext) && !TEXT.has(ext)) {
      skip('Not an .html, .md, .txt or .pdf file.');
      continue;
    }
    let value: string;
    try {
      // A saved page keeps its own encoding: read as a browser opens the file (byte order mark, <meta charset>).
      value = HTML.has(ext)
        ? decodeHtml(await readImportBytes(file, relative, dir), null)
        : await readImportFile(file, relative, dir);
    } catch (error) {
      if (!(error instanceof GlossError)) throw error;
      skip(error.message);
      continue;
    }
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
  return { entries, skipped };
}

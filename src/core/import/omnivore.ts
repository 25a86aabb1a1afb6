/**
 * Omnivore's export: a folder (the unzipped export) with `metadata_<from>_to_<to>.json` files, each
 * an array of saved items ({ id, slug, title, author, url, savedAt, publishedAt, labels,
 * highlights: [{ quote, annotation, … }] }), and the articles as Markdown in `content/<slug>.md`.
 * Items with content are clipped from it; items without are fetched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GlossError } from '../errors';
import { readImportFile } from './importFiles';
import type { ImportEntry, SkippedEntry } from './types';

const itemSchema = z
  .object({
    id: z.string().optional(),
    slug: z.string().optional(),
    title: z.string().nullish(),
    author: z.string().nullish(),
    url: z.string().nullish(),
    savedAt: z.string().nullish(),
    highlights: z
      .array(
        z
          .object({
            quote: z.string().nullish(),
            annotation: z.string().nullish(),
            createdAt: z.string().nullish(),
            updatedAt: z.string().nullish(),
          })
          .passthrough(),
      )
      .nullish(),
  })
  .passthrough();

const METADATA = /^metadata_.*\.json$/i;

/** A slug is used as a file name: only a plain name inside `content/` is ever read. */
function contentFile(dir: string, slug: string | undefined): string | null {
  if (!slug || !/^[^/\\]+$/.test(slug) || slug === '.' || slug === '..') return null;
  return path.join(dir, 'content', `${slug}.md`);
}

/**
 * An item's Markdown content, or null when it has none; a symbolic link (which could point anywhere on the
 * disk) or a file too large is refused and reported, and the item is fetched from its address instead.
 */
async function readContent(dir: string, file: string, skipped: SkippedEntry[], title: string | null) {
  const label = path.relative(dir, file);
  try {
    return await readImportFile(file, label, dir);
  } catch (error) {
    if (error instanceof GlossError && error.code === 'invalid-input')
      skipped.push({ source: label, title, reason: `${error.message} The item is fetched from its address.` });
    else if (!(error instanceof GlossError)) throw error;
    return null;
  }
}

/**
 * Reads an unzipped Omnivore export folder into entries, in file order; `skipped` names content files
 * that were refused (symbolic links, files too large).
 *
 * @throws GlossError `invalid-input` when the folder holds no metadata file or one is not valid JSON
 */
export async function readOmnivoreFolder(dir: string): Promise<{ entries: ImportEntry[]; skipped: SkippedEntry[] }> {
  const skipped: SkippedEntry[] = [];
  const names = (await fs.readdir(dir))
    .filter((n) => METADATA.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (!names.length)
    throw new GlossError('invalid-input', `${dir} is not an Omnivore export: it has no metadata_*.json file.`);
  const entries: ImportEntry[] = [];
  for (const name of names) {
    let items: unknown;
    try {
      items = JSON.parse(await readImportFile(path.join(dir, name), name, dir));
    } catch (error) {
      if (error instanceof GlossError) throw error;
      throw new GlossError(
        'invalid-input',
        `${name} in the Omnivore export is not valid JSON: ${(error as Error).message}`,
      );
    }
    if (!Array.isArray(items))
      throw new GlossError('invalid-input', `${name} in the Omnivore export is not a list of saved items.`);
    for (const [index, raw] of items.entries()) {
      const source = `${name}: item ${index + 1}`;
      const parsed = itemSchema.safeParse(raw);
      if (!parsed.success) {
        entries.push({ source, title: null, url: null, highlights: [] });
        continue;
      }
      const item = parsed.data;
      const file = contentFile(dir, item.slug);
      const markdown = file ? await readContent(dir, file, skipped, item.title?.trim() || null) : null;
      entries.push({
        source,
        title: item.title?.trim() || null,
        url: item.url ?? null,
        byline: item.author?.trim() || null,
        ...(markdown?.trim() && { content: { kind: 'text' as const, value: markdown } }),
        highlights: (item.highlights ?? [])
          .filter((h) => h.quote?.trim())
          .map((h) => ({ quote: h.quote!, note: h.annotation ?? '', createdAt: h.createdAt ?? null })),
      });
    }
  }
  return { entries, skipped };
}

/**
 * Listing and emptying the library's trash. Deleting moves things into `<library>/trash/<stamp>-<name>`
 * (library/trash.ts, the page store, conflicts, unfinished clips); this module reads those entries for the
 * Trash view and erases them when the person asks to (one entry, or all), the only place Gloss erases.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import { ioError } from '../library/checks';
import { TRASH_DIR } from '../library/clipFiles';
import { ID_PATTERN } from '../library/schemas';
import type { TrashItem } from './types';

/** `2024-05-17T09-30-00-000Z-<rest>`: the stamp `fileStamp` writes, then what was trashed. */
const ENTRY = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(.+)$/;

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** What one entry of the trash is; `null` for a name Gloss did not make. */
async function describeEntry(dir: string, name: string): Promise<TrashItem | null> {
  const match = ENTRY.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms, rest] = match as unknown as [string, string, string, string, string, string, string];
  const deletedAt = `${day}T${h}:${m}:${s}.${ms}Z`;
  const full = path.join(dir, name);
  const stat = await fs.lstat(full).catch(() => null);
  if (!stat) return null;
  const base = { id: name, deletedAt, site: null, highlightCount: 0 };
  if (stat.isDirectory()) {
    const meta = await readJson(path.join(full, 'meta.json'));
    if (meta && ID_PATTERN.test(rest)) {
      const annotations = await readJson(path.join(full, 'annotations.json'));
      const highlights = annotations?.['highlights'];
      return {
        ...base,
        kind: 'clip',
        itemId: rest,
        title: text(meta['title']) ?? 'Untitled clip',
        site: text(meta['site']),
        highlightCount: Array.isArray(highlights) ? highlights.length : 0,
      };
    }
    const page = await readJson(path.join(full, 'page.json'));
    const pageId = /^page-(.+)$/.exec(rest)?.[1];
    if (page && pageId) return { ...base, kind: 'page', itemId: pageId, title: text(page['title']) ?? 'Untitled page' };
  }
  const unfinished = rest.endsWith('-unfinished');
  return {
    ...base,
    kind: 'file',
    itemId: rest,
    title: unfinished ? 'A clip whose saving was interrupted' : `A set-aside copy (${rest})`,
  };
}

/** Every entry of the trash, newest first. */
export async function listTrashEntries(root: string): Promise<TrashItem[]> {
  const dir = path.join(root, TRASH_DIR);
  const names = await fs.readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw ioError('Could not read the trash', e);
  });
  const items = await Promise.all(names.map((n) => describeEntry(dir, n)));
  return items
    .filter((i): i is TrashItem => i !== null)
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.id.localeCompare(b.id));
}

/**
 * Erases one entry of the trash (`id`, as listed) or, without one, everything in it. Returns how many
 * entries went. `not-found` for an entry the trash does not hold.
 */
export async function purgeTrashEntries(root: string, id?: string): Promise<number> {
  const dir = path.join(root, TRASH_DIR);
  const names =
    id === undefined ? await fs.readdir(dir).catch(() => [] as string[]) : [id].filter((n) => ENTRY.test(n));
  if (id !== undefined) {
    // The name is checked against the listing, so nothing outside the trash can be named.
    const present = names.length === 1 && (await fs.lstat(path.join(dir, id)).catch(() => null)) !== null;
    if (!present || id.includes('/') || id.includes('\\') || id.startsWith('.'))
      throw new GlossError('not-found', 'That item is no longer in the trash.');
  }
  for (const name of names) {
    await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch((e) => {
      throw ioError('Could not erase an item of the trash', e);
    });
  }
  return names.length;
}

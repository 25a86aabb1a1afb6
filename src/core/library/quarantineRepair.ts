/**
 * The way back from quarantine for a whole clip folder (set aside because its `meta.json` was damaged or
 * missing): "Repair" rebuilds `meta.json` from what can still be read — the damaged file's readable fields,
 * the saved search index, the highlights and the article — and keeps the damaged file beside it; "Restore
 * as is" moves a folder whose `meta.json` the person fixed by hand back after checking it again. Nothing is
 * deleted either way. The store reads the clip back in afterwards (`LibraryStore.reinstate`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import type { ClipMeta, ClipRepairPlan, RepairSource } from '../model';
import { writeFileAtomic } from './atomicWrite';
import { CLIPS_DIR, LinkedFileError, readFileNoFollow } from './clipFiles';
import { QUARANTINE_DIR, quarantinedClipId } from './quarantine';
import { checkJsonFile, clipMetaSchema, metaFileSchema, metaFileText } from './schemas';

/**
 * File `name` of a quarantined clip folder as text, or null when it cannot be read; a link is refused with its
 * reason (`LinkedFileError`), never followed: its target is not the clip's.
 */
async function readOwnText(dir: string, name: string): Promise<string | null> {
  return readFileNoFollow(path.join(dir, name), name).then(
    (bytes) => bytes.toString('utf8'),
    (error: unknown) => {
      if (error instanceof LinkedFileError) throw error;
      return null;
    },
  );
}

/** What the repair needs from outside the library folder: the article's canonical text and its word count. */
export interface RepairTools {
  textOf: (html: string) => string;
  countWords: (text: string) => number;
}

/** The details of a clip the saved search index keeps (`SearchIndex.addClip`'s info). */
export type IndexedClipInfo = Partial<Record<'title' | 'site' | 'published' | 'clippedAt', unknown>>;

const FIELDS = Object.keys(clipMetaSchema.shape) as Array<keyof ClipMeta>;

/** The folder of quarantined clip `quarantinedAs` (relative to `root`), checked to be one: never a path elsewhere. */
export async function quarantinedClipFolder(root: string, quarantinedAs: string): Promise<{ dir: string; id: string }> {
  const id = quarantinedClipId(quarantinedAs);
  if (!id || quarantinedAs.includes('\\'))
    throw new GlossError('invalid-input', `"${quarantinedAs.slice(0, 200)}" is not a clip folder in the quarantine.`);
  const dir = path.join(root, QUARANTINE_DIR, quarantinedAs.slice(QUARANTINE_DIR.length + 1));
  const info = await fs.lstat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new GlossError('not-found', `The quarantined clip "${quarantinedAs.slice(0, 200)}" is no longer there.`);
  return { dir, id };
}

/**
 * The fields of a damaged `meta.json` that still read as valid values, each checked on its own: all of a
 * file that parses but has the wrong shape, or the `"name": value` pairs a regular expression finds in one
 * that does not parse (cut off, a stray character). `id` and `schema` are never taken from it.
 */
export function salvageMetaFields(raw: string): Partial<ClipMeta> {
  let found: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) found = parsed as Record<string, unknown>;
  } catch {
    const pair = /"([A-Za-z]+)"\s*:\s*("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?|null|true|false|\[[^[\]{}]*\])/g;
    for (const m of raw.matchAll(pair)) {
      try {
        if (!(m[1]! in found)) found[m[1]!] = JSON.parse(m[2]!);
      } catch {
        // A value cut off in the middle: not readable.
      }
    }
  }
  const fields: Partial<Record<keyof ClipMeta, unknown>> = {};
  for (const key of FIELDS) {
    if (key === 'id' || !(key in found)) continue;
    const checked = clipMetaSchema.shape[key].safeParse(found[key]);
    if (checked.success && checked.data !== undefined) fields[key] = checked.data;
  }
  return fields as Partial<ClipMeta>;
}

/** The article's first heading, as plain text. */
function headingOf(html: string, textOf: RepairTools['textOf']): string | null {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = m ? textOf(m[1]!).replace(/\s+/g, ' ').trim() : '';
  return text || null;
}

/** A day-stamped clip id (`20240517-…`) as the start of that day, or null. */
function dayOfId(id: string): string | null {
  const m = /^(\d{4})(\d\d)(\d\d)-/.exec(id);
  if (!m) return null;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** What the clip's `annotations.json` says about it: how many highlights, the page's address, the first date. */
async function readHighlightsHints(dir: string): Promise<{ count: number; url: string | null; first: string | null }> {
  const raw = await readOwnText(dir, 'annotations.json').catch(() => null);
  let list: unknown[] = [];
  try {
    const parsed = raw === null ? null : (JSON.parse(raw) as { highlights?: unknown });
    if (Array.isArray(parsed?.highlights)) list = parsed.highlights;
  } catch {
    // A damaged highlights file tells nothing; the clip's own check reports it once it is back.
  }
  let url: string | null = null;
  let first: string | null = null;
  for (const h of list as Array<{ createdAt?: unknown; target?: { source?: unknown } }>) {
    const source = h?.target?.source;
    if (!url && typeof source === 'string' && /^https?:\/\//i.test(source)) url = source;
    const at = h?.createdAt;
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && (!first || at < first)) first = at;
  }
  return { count: list.length, url, first };
}

/** A name beside `file` that is not taken: `meta.json.damaged`, then `meta.json.damaged-2`… */
async function freeName(dir: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!(await fs.lstat(path.join(dir, name)).catch(() => null))) return name;
  }
}

/**
 * What "Repair" would write for quarantined clip `quarantinedAs`: each detail from the first source that has
 * it — the damaged `meta.json`, the catalogue file (`catalogued`), the saved search index (`indexed`), the
 * highlights, the article — with defaults
 * for the rest. Fails if the article itself is missing (there would be nothing to show).
 */
export async function planClipRepair(
  root: string,
  quarantinedAs: string,
  tools: RepairTools,
  indexed: IndexedClipInfo | null,
  catalogued: Partial<ClipMeta> | null = null,
): Promise<ClipRepairPlan> {
  const { dir, id } = await quarantinedClipFolder(root, quarantinedAs);
  const html = await readOwnText(dir, 'article.html');
  if (html === null)
    throw new GlossError(
      'corrupt-file',
      'The clip’s article.html is missing too, so there is nothing to rebuild it from; restore it from a backup.',
    );
  const raw = await readOwnText(dir, 'meta.json');
  const salvaged = raw === null ? {} : salvageMetaFields(raw);
  const text = tools.textOf(html);
  const hints = await readHighlightsHints(dir);

  const sources: ClipRepairPlan['sources'] = {};
  const meta: Record<string, unknown> = { id };
  sources.id = 'clip id';
  /** Takes the first candidate that fits the field's schema. */
  const pick = (key: keyof ClipMeta, candidates: Array<[RepairSource, unknown]>) => {
    if (key in meta) return;
    for (const [source, value] of candidates) {
      if (value === undefined || value === null || value === '') continue;
      if (!clipMetaSchema.shape[key].safeParse(value).success) continue;
      meta[key] = value;
      sources[key] = source;
      return;
    }
  };
  for (const key of FIELDS) if (key !== 'id' && key in salvaged) pick(key, [['meta.json', salvaged[key]]]);
  // What the store last knew of the clip (catalogue file, written before the damage was found).
  for (const key of FIELDS)
    if (key !== 'id' && catalogued && key in catalogued) pick(key, [['catalogue', catalogued[key]]]);
  const firstLine = text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  pick('title', [
    ['search index', indexed?.title],
    ['article', headingOf(html, tools.textOf)],
    ['article', firstLine?.slice(0, 200)],
    ['default', 'Recovered clip'],
  ]);
  pick('site', [['search index', indexed?.site]]);
  pick('published', [['search index', indexed?.published]]);
  pick('url', [['highlights', hints.url]]);
  pick('clippedAt', [
    ['search index', indexed?.clippedAt],
    ['highlights', hints.first],
    ['clip id', dayOfId(id)],
    ['default', (await fs.stat(path.join(dir, 'article.html'))).mtime.toISOString()],
  ]);
  pick('words', [['article', tools.countWords(text)]]);
  pick('excerpt', [['article', text.replace(/\s+/g, ' ').trim().slice(0, 300) || null]]);
  pick('origin', [
    ['default', meta['url'] ? 'url' : 'text'],
    ['default', 'text'],
  ]);
  for (const key of ['byline', 'site', 'published', 'url', 'lang', 'excerpt'] as const)
    if (!(key in meta)) meta[key] = null;
  // A PDF's details describe a file that must be there.
  if (meta['pdf'] && !(await fs.lstat(path.join(dir, 'original.pdf')).catch(() => null))) {
    delete meta['pdf'];
    delete sources.pdf;
  }
  const checked = clipMetaSchema.safeParse(meta);
  if (!checked.success) throw new GlossError('internal', `The rebuilt details do not fit: ${checked.error.message}`);
  return {
    quarantinedAs,
    clipId: id,
    meta: checked.data,
    sources,
    keptAs: raw === null ? null : `${CLIPS_DIR}/${id}/${await freeName(dir, 'meta.json.damaged')}`,
    highlights: hints.count,
  };
}

/**
 * Writes `plan`'s details as the quarantined folder's `meta.json` (the damaged one renamed beside it to
 * `plan.keptAs`) and moves the folder back to `clips/<id>`. Refuses if a clip with that id is in the library.
 */
export async function applyClipRepair(root: string, plan: ClipRepairPlan): Promise<void> {
  const { dir, id } = await quarantinedClipFolder(root, plan.quarantinedAs);
  const target = await freeClipFolder(root, id);
  if (plan.keptAs) await fs.rename(path.join(dir, 'meta.json'), path.join(dir, path.basename(plan.keptAs)));
  await writeFileAtomic(path.join(dir, 'meta.json'), metaFileText(plan.meta));
  await fs.rename(dir, target);
}

/**
 * Moves quarantined clip `quarantinedAs` back as it is, once its `meta.json` reads again (fixed by hand).
 * Fails with what is still wrong, leaving the folder in the quarantine.
 */
export async function restoreQuarantinedClip(root: string, quarantinedAs: string): Promise<void> {
  const { dir, id } = await quarantinedClipFolder(root, quarantinedAs);
  const raw = await readOwnText(dir, 'meta.json');
  const still = (why: string) =>
    new GlossError('corrupt-file', `The clip is still damaged: ${why} Fix the file, or choose Repair.`);
  if (raw === null) throw still('meta.json is missing.');
  const checked = checkJsonFile('meta.json', raw, metaFileSchema);
  if (!checked.ok) throw still(checked.reason);
  if (checked.value.id !== id) throw still(`meta.json names clip "${checked.value.id}" but the folder is "${id}".`);
  if (!(await fs.lstat(path.join(dir, 'article.html')).catch(() => null))) throw still('article.html is missing.');
  await fs.rename(dir, await freeClipFolder(root, id));
}

/** `clips/<id>`, which must not exist yet. */
async function freeClipFolder(root: string, id: string): Promise<string> {
  const target = path.join(root, CLIPS_DIR, id);
  if (await fs.lstat(target).catch(() => null))
    throw new GlossError('duplicate', `A clip with id "${id}" is already in the library, so this one cannot go back.`);
  return target;
}

/**
 * Clip stamps: what `stat` says about a clip's folder and its two small files, so a library can tell at
 * start which clips changed since it last read them without reading them (see catalogueFile.ts).
 *
 * A stamp is taken *before* the files it vouches for are read, or right after Gloss wrote them itself,
 * so it may be older than what it describes (the clip is then read again: safe), never newer.
 */
import { promises as fs, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { clipDir, clipFile } from './clipFiles';

/**
 * Size and modification time of a file (`-` when it is missing). The folder's modification time changes
 * when any file in it is added, removed or replaced by a rename (how Gloss and sync tools write); a file's
 * changes when it is written in place (an editor, a script).
 */
export interface ClipStamp {
  /** The clip folder's mtime (ms), or -1 when unknown (the clip is read again next time). */
  dir: number;
  /** `meta.json`'s `size:mtimeMs`. */
  meta: string;
  /** `annotations.json`'s `size:mtimeMs`, or `-`. */
  annotations: string;
}

const MISSING = '-';

const fileMark = (s: Stats | undefined) => (s ? `${s.size}:${s.mtimeMs}` : MISSING);

/** Whether two stamps describe the same files (an unknown folder time matches nothing). */
export function sameStamp(a: ClipStamp, b: ClipStamp): boolean {
  return a.dir >= 0 && a.dir === b.dir && a.meta === b.meta && a.annotations === b.annotations;
}

async function statOrNull(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The clip's stamp now; throws on errors other than a missing file (the clip is then read, and reported). */
export async function clipStamp(root: string, id: string): Promise<ClipStamp> {
  const [dir, meta, annotations] = await Promise.all([
    statOrNull(clipDir(root, id)),
    statOrNull(clipFile(root, id, 'meta.json')),
    statOrNull(clipFile(root, id, 'annotations.json')),
  ]);
  return { dir: dir?.mtimeMs ?? -1, meta: fileMark(meta), annotations: fileMark(annotations) };
}

/**
 * The same, synchronously: at start thousands of clips are checked in a row, and a synchronous `stat` costs
 * a fraction of a promise round trip through the thread pool. `null` when the folder cannot be read.
 */
export function clipStampNow(root: string, id: string): ClipStamp | null {
  try {
    const dir = statSync(clipDir(root, id), { throwIfNoEntry: false });
    if (!dir) return null;
    return {
      dir: dir.mtimeMs,
      meta: fileMark(statSync(clipFile(root, id, 'meta.json'), { throwIfNoEntry: false })),
      annotations: fileMark(statSync(clipFile(root, id, 'annotations.json'), { throwIfNoEntry: false })),
    };
  } catch {
    return null;
  }
}

/** The stamp of a file just written by Gloss (`size:mtimeMs`), for the part of a stamp it replaces. */
export async function fileMarkOf(file: string): Promise<string> {
  return fileMark(await statOrNull(file));
}

/** The folder's mtime now (-1 when it cannot be read). */
export async function dirMarkOf(dir: string): Promise<number> {
  return (await statOrNull(dir).catch(() => undefined))?.mtimeMs ?? -1;
}

/**
 * Whether the clip's folder and `meta.json` stat as in `saved`: what a list of clips shows (its metadata)
 * is then as saved, whatever its highlights are. Any doubt (unknown folder time, an error) says no.
 */
export function metaAsStamped(root: string, id: string, saved: ClipStamp): boolean {
  if (saved.dir < 0) return false;
  try {
    // One path.join for both (a list checks every clip: joins were a tenth of `gloss list` at 10k).
    const folder = clipDir(root, id);
    const dir = statSync(folder, { throwIfNoEntry: false });
    if (dir?.mtimeMs !== saved.dir) return false;
    return fileMark(statSync(`${folder}${path.sep}meta.json`, { throwIfNoEntry: false })) === saved.meta;
  } catch {
    return false;
  }
}

/**
 * The library's trash: deleting a clip moves its folder to `<library>/trash/<stamp>-<id>`, and restoring
 * brings the newest such copy back. Nothing is ever erased.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';
import { ioError } from './checks';
import { clipDir, TRASH_DIR } from './clipFiles';
import { fileStamp } from './quarantine';

/** Moves the folder of clip `id` into the trash under a time-stamped name. */
export async function moveClipToTrash(root: string, id: string, at: Date = new Date()): Promise<void> {
  const trash = path.join(root, TRASH_DIR);
  await fs.mkdir(trash, { recursive: true });
  await fs.rename(clipDir(root, id), path.join(trash, `${fileStamp(at)}-${id}`)).catch((e) => {
    throw ioError('Could not move the clip to the trash', e);
  });
}

/** Moves the most recently trashed copy of clip `id` back into the clips folder; `not-found` if there is none. */
export async function takeClipFromTrash(root: string, id: string): Promise<void> {
  const trash = path.join(root, TRASH_DIR);
  const names = (await fs.readdir(trash).catch(() => [] as string[])).filter((n) => n.endsWith(`Z-${id}`)).sort();
  const newest = names.at(-1);
  if (!newest) throw new GlossError('not-found', `Clip "${id}" is not in the trash.`);
  await fs.rename(path.join(trash, newest), clipDir(root, id)).catch((e) => {
    throw ioError('Could not move the clip back from the trash', e);
  });
}

/**
 * Clips whose saving was cut off (a crash, a kill, a power cut). A new clip's folder holds a marker
 * file from the moment it is made until its `meta.json` is written, so opening the library can tell an
 * unfinished clip (never acknowledged to anyone) from a finished clip that lost its `meta.json` (damage,
 * which is quarantined and reported).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The marker's name; a dot file, so file managers hide it. */
export const CREATING_MARKER = '.gloss-creating';

/** The marker's content: a note for a person who finds one. */
export const CREATING_NOTE = 'Gloss was saving this clip. If this file is still here, saving was interrupted.\n';

/** Whether `clipDir` is a clip that was still being saved when it was cut off. */
export async function isUnfinished(clipDir: string): Promise<boolean> {
  try {
    await fs.lstat(path.join(clipDir, CREATING_MARKER));
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves an unfinished clip folder into `trashDir` in one rename (never half-deleted, nothing ever lost)
 * as `<stamp>-<id>-unfinished`, a name the trash's restore does not take for a deleted clip.
 */
export async function moveUnfinishedToTrash(clipDir: string, trashDir: string, stamp: string): Promise<void> {
  await fs.mkdir(trashDir, { recursive: true });
  await fs.rename(clipDir, path.join(trashDir, `${stamp}-${path.basename(clipDir)}-unfinished`));
}

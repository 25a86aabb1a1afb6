/**
 * Clip folders on disk: where `<library>/clips/<id>/<file>` lives, reading one of its files, and making a
 * fresh folder for a new clip. The layout's folder names live here so every module agrees on them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ioError } from '../errors';
import { newClipId } from './ids';

/** The folder under the library that holds one folder per clip. */
export const CLIPS_DIR = 'clips';
/** The folder under the library where deleted clips and set-aside copies go; nothing is erased. */
export const TRASH_DIR = 'trash';

/** The files of a clip that other parts of the app may address by name. */
export type ClipFileName = 'meta.json' | 'article.html' | 'article.txt' | 'annotations.json';

/** Absolute path of a clip's folder in the library at `root`. */
export function clipDir(root: string, id: string): string {
  return path.join(root, CLIPS_DIR, id);
}

/** Absolute path of file `name` in a clip's folder. */
export function clipFile(root: string, id: string, name: string): string {
  return path.join(root, CLIPS_DIR, id, name);
}

/** Reads a file of a clip; `null` if it does not exist, an `io` error for any other failure. */
export async function readClipFile(root: string, id: string, name: string): Promise<string | null> {
  try {
    return await fs.readFile(clipFile(root, id, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(`Could not read ${name} of clip "${id}"`, error);
  }
}

/** Creates a fresh, empty clip folder and returns its id; mkdir without `recursive` fails on a taken id, so ids never collide. */
export async function makeClipFolder(root: string, now: Date): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const id = newClipId(now);
    try {
      await fs.mkdir(clipDir(root, id));
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5)
        throw ioError('Could not create the clip folder', error);
    }
  }
}

/**
 * Clip folders on disk: where `<library>/clips/<id>/<file>` lives, reading one of its files, and making a
 * fresh folder for a new clip. The layout's folder names live here so every module agrees on them.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError, ioError } from '../errors';
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

/**
 * Opening with `O_NOFOLLOW` refuses a link in the same call that opens the file (Linux, macOS); where Node has no
 * such flag (Windows) an `lstat` before the read asks the same question.
 */
const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW;

/** Why a clip file that is a symbolic link is not read: the library's files must be its own. */
export function linkReason(name: string): string {
  return `${name} is a link to a file outside the clip; Gloss does not follow links in the library.`;
}

/** A clip file that is a symbolic link: never read, it is set aside as damaged (see {@link readClipFile}). */
export class LinkedFileError extends GlossError {
  constructor(name: string) {
    super('corrupt-file', linkReason(name));
  }
}

/**
 * The bytes of `file` (named `name` in messages), never through a symbolic link: a link throws a
 * {@link LinkedFileError} (a synced library could otherwise make Gloss read any file on the computer); other
 * errors (e.g. `ENOENT`) are thrown as they come. The one place clip files are opened for reading.
 */
export async function readFileNoFollow(file: string, name: string): Promise<Buffer> {
  try {
    if (NO_FOLLOW === undefined) {
      if ((await fs.lstat(file)).isSymbolicLink()) throw new LinkedFileError(name);
      return await fs.readFile(file);
    }
    return await fs.readFile(file, { flag: constants.O_RDONLY | NO_FOLLOW });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // What open(2) answers for a link under O_NOFOLLOW (EMLINK on the BSDs).
    if (code === 'ELOOP' || code === 'EMLINK') throw new LinkedFileError(name);
    throw error;
  }
}

/** The bytes of file `name` in a clip's folder (see {@link readFileNoFollow}). */
export function readClipBytes(root: string, id: string, name: string): Promise<Buffer> {
  return readFileNoFollow(clipFile(root, id, name), name);
}

/**
 * Reads a text file of a clip (see {@link readClipBytes}); `null` if it does not exist, a {@link LinkedFileError}
 * if it is a link, an `io` error for any other failure.
 */
export async function readClipFile(root: string, id: string, name: string): Promise<string | null> {
  try {
    return (await readClipBytes(root, id, name)).toString('utf8');
  } catch (error) {
    if (error instanceof LinkedFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(`Could not read ${name} of clip "${id}"`, error);
  }
}

/** {@link readClipFile}, with a link given back as its {@link LinkedFileError} for the caller to set the file aside. */
export async function readClipFileOrLink(
  root: string,
  id: string,
  name: string,
): Promise<string | null | LinkedFileError> {
  return readClipFile(root, id, name).catch((error: unknown) => {
    if (error instanceof LinkedFileError) return error;
    throw error;
  });
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

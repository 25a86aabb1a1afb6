/**
 * Moving the library safely: copy every file to the new folder, verify each copy (size and SHA-256)
 * against the original, copy again what changed meanwhile, and only then switch Gloss to the copy.
 * The old folder is never touched; any failure or cancel removes the partial copy and leaves Gloss
 * on the library it had.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { GlossError } from '../errors';
import { TEMP_FILE } from '../library/atomicWrite';
import { ioError } from '../library/checks';

export interface MoveProgress {
  done: number;
  total: number;
  label: string;
}

export interface MoveOptions {
  onProgress?: (progress: MoveProgress) => void;
  signal?: AbortSignal;
}

/** What was copied. */
export interface MoveResult {
  files: number;
  bytes: number;
}

/** Copy passes before giving up on a library that keeps changing under the move. */
const MAX_PASSES = 4;

type Stamp = { size: number; mtimeMs: number };

const within = (parent: string, child: string) =>
  child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * Throws unless `to` can take the library at `from`: an absolute path outside it (and not holding it),
 * that is missing or an empty folder. Returns whether the folder must be created.
 */
export async function checkMoveTarget(from: string, to: string): Promise<{ exists: boolean }> {
  if (!path.isAbsolute(to)) throw new GlossError('invalid-input', `Choose a full folder path, not “${to}”.`);
  const source = path.resolve(from);
  const target = path.resolve(to);
  if (within(source, target))
    throw new GlossError('invalid-input', 'The new folder cannot be inside the library itself.');
  if (within(target, source))
    throw new GlossError('invalid-input', 'The new folder cannot hold the library’s current folder.');
  const info = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw ioError(`Could not read ${target}`, error);
  });
  if (!info) return { exists: false };
  if (!info.isDirectory()) throw new GlossError('invalid-input', `${target} is a file; choose an empty folder.`);
  const entries = await fs.readdir(target);
  if (entries.length)
    throw new GlossError(
      'invalid-input',
      `${target} is not empty (${entries.length} item${entries.length === 1 ? '' : 's'}); choose an empty or new folder.`,
    );
  return { exists: true };
}

/** The library's files (relative, platform separators) with size and mtime, and its folders; temp files are left out. */
async function scan(root: string): Promise<{ files: Map<string, Stamp>; dirs: string[] }> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, Stamp>();
  const dirs: string[] = [];
  for (const entry of entries) {
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) dirs.push(rel);
    else if (entry.isFile() && !TEMP_FILE.test(entry.name)) {
      const info = await fs.stat(path.join(root, rel)).catch(() => null);
      if (info) files.set(rel, { size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return { files, dirs: dirs.sort() };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

const same = (a: Stamp | undefined, b: Stamp | undefined) => !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Copies every file of `source` into `target` and verifies it, pass after pass until nothing changed meanwhile. */
async function copyVerified(source: string, target: string, { signal, onProgress }: MoveOptions): Promise<MoveResult> {
  const copied = new Map<string, Stamp>();
  let bytes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    signal?.throwIfAborted();
    const now = await scan(source);
    const changed = [...now.files].filter(([rel, stamp]) => !same(copied.get(rel), stamp));
    const gone = [...copied.keys()].filter((rel) => !now.files.has(rel));
    if (pass > 0 && !changed.length && !gone.length) return { files: copied.size, bytes };
    for (const dir of now.dirs) await fs.mkdir(path.join(target, dir), { recursive: true });
    for (const rel of gone) {
      await fs.rm(path.join(target, rel), { force: true });
      copied.delete(rel);
    }
    const total = changed.length * 2;
    let done = 0;
    for (const [rel, stamp] of changed) {
      signal?.throwIfAborted();
      const dest = path.join(target, rel);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.copyFile(path.join(source, rel), dest);
      // The original's times, so the search index in the copy still knows its files.
      await fs.utimes(dest, new Date(), new Date(stamp.mtimeMs));
      onProgress?.({ done: ++done, total, label: `Copying ${rel}` });
    }
    for (const [rel, stamp] of changed) {
      signal?.throwIfAborted();
      const original = path.join(source, rel);
      const copy = path.join(target, rel);
      const [a, b, after, copyInfo] = await Promise.all([
        sha256(original),
        sha256(copy),
        fs.stat(original).catch(() => null),
        fs.stat(copy),
      ]);
      if (!after || !same(after, stamp)) {
        copied.delete(rel); // Written again while it was copied: the next pass copies it again.
      } else if (a !== b || copyInfo.size !== stamp.size) {
        throw new GlossError('io', `The copy of ${rel} does not match the original (the new folder may be failing).`);
      } else {
        if (!copied.has(rel)) bytes += stamp.size;
        copied.set(rel, stamp);
      }
      onProgress?.({ done: ++done, total, label: `Verifying ${rel}` });
    }
  }
  throw new GlossError('io', 'The library kept changing during the move; try again when Gloss is idle.');
}

/** Removes a partial copy: the folder if the move made it, else only what the move put inside it. */
async function removeCopy(target: string, existed: boolean): Promise<void> {
  const remove = (p: string) => fs.rm(p, { recursive: true, force: true }).catch(() => {});
  if (!existed) return remove(target);
  for (const name of await fs.readdir(target).catch(() => [])) await remove(path.join(target, name));
}

/**
 * Copies the library at `from` into `to`, verifies every file (size and SHA-256), then calls
 * `switchTo(to)` (which reopens Gloss there). On any failure or cancel, before or during the switch,
 * the copy is removed and the error is thrown; `from` is only ever read.
 *
 * @throws GlossError `invalid-input` (see {@link checkMoveTarget}), `io` (a copy failed or did not verify)
 */
export async function moveLibrary(
  from: string,
  to: string,
  switchTo: (dir: string) => Promise<void>,
  options: MoveOptions = {},
): Promise<MoveResult> {
  const { exists } = await checkMoveTarget(from, to);
  const source = path.resolve(from);
  const target = path.resolve(to);
  try {
    await fs.mkdir(target, { recursive: true });
    const result = await copyVerified(source, target, options);
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: 0, total: 0, label: 'Opening the library in its new place' });
    await switchTo(target);
    return result;
  } catch (error) {
    await removeCopy(target, exists);
    if (options.signal?.aborted || error instanceof GlossError) throw error;
    throw ioError(`Could not move the library to ${target}`, error);
  }
}

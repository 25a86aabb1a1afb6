/**
 * Atomic file writes: a reader (or a crash) sees either the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Temp files we create look like `.meta.json.3f9a1c2b.tmp`; only these are ever cleaned up. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{8,}\.tmp$/;

/**
 * Writes `data` to `file` atomically: temp file in the same folder, write, fsync, rename over the
 * target, fsync the folder. The temp file is in the same folder so the rename never crosses a
 * filesystem (rename is only atomic within one). With `syncFolder: false` the caller syncs the folder
 * itself (once after several writes, see {@link syncDir}). `data` may come in pieces (an async iterable, written
 * as it arrives); if producing it throws, the target is left as it was.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | AsyncIterable<string | Uint8Array>,
  options: { syncFolder?: boolean } = {},
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    // 'wx' fails if the name exists, so two writers can never share a temp file.
    handle = await fs.open(temp, 'wx');
    await fs.writeFile(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  // Several writes into one folder may sync it once, after the last (`syncFolder: false`, then syncDir).
  if (options.syncFolder !== false) await syncDir(dir);
}

/** Makes renames in `dir` durable: without this a power cut can bring back the old directory entry. */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync folders; the rename is still as durable as the platform allows.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** The names in `dir`, or none when the folder does not exist (yet); other errors are thrown. */
export async function readdirIfExists(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Removes temp files left behind by writes that were killed before their rename, in `dir` only
 * (not recursive). Only names of the form {@link writeFileAtomic} creates are touched.
 * Returns the names removed.
 */
export async function cleanTempFiles(dir: string): Promise<string[]> {
  const names = await readdirIfExists(dir);
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

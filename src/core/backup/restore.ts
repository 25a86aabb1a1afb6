/**
 * Restoring a backup into an empty library folder. Everything is unpacked into a temp folder beside
 * the target and checked (manifest, every path, every size and SHA-256, the clips open cleanly)
 * before one rename puts it in place: a damaged backup fails with a reason and leaves the target as
 * it was.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { GlossError } from '../errors';
import { WriteQueue } from '../export/writeQueue';
import { catalogueFilePath, catalogueDetailsPath } from '../library/catalogueFile';
import { LibraryStore } from '../library/store';
import { rebaseRestoredIndex } from './restoredIndex';
import { checkJsonFile } from '../library/schemas';
import {
  isSafeRelativePath,
  LIBRARY_PREFIX,
  MAX_BACKUP_FILE_BYTES,
  MANIFEST_NAME,
  manifestSchema,
  MAX_MANIFEST_BYTES,
  type BackupManifest,
} from './manifest';

function damaged(reason: string): GlossError {
  return new GlossError('corrupt-file', `The backup cannot be restored: ${reason}`);
}

/** The search index of an empty library is a cache of nothing: it may be there and is replaced. */
const CACHE_DIR = 'index';

/**
 * Throws unless `dir` is missing or holds no files but caches (empty folders, as a freshly opened
 * library has, are fine).
 */
export async function assertEmptyLibrary(dir: string): Promise<void> {
  const entries = await fs
    .readdir(dir, { recursive: true, withFileTypes: true })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
  const cache = path.join(dir, CACHE_DIR);
  const files = entries.filter(
    (e) => !e.isDirectory() && e.parentPath !== cache && !e.parentPath.startsWith(cache + path.sep),
  );
  if (files.length) {
    throw new GlossError(
      'invalid-input',
      `The library at ${dir} is not empty (${files.length} files); restore only into an empty library folder.`,
    );
  }
}

async function readAll(stream: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const data of stream) {
    const chunk = data as Buffer;
    size += chunk.length;
    if (size > limit) throw damaged('its manifest is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Progress and cancelling of a restore (files unpacked of all). */
export interface RestoreOptions {
  onProgress?: (p: { done: number; total: number }) => void;
  /** Stops before the restored library is put in place; the target is left as it was. */
  signal?: AbortSignal;
}

/**
 * A stream that passes at most `limit()` bytes on and fails with `over()` past that: sizes are enforced while
 * unpacking, so a gzip bomb whose manifest declares 10 bytes stops at 10, not after writing a gigabyte.
 */
function capped(limit: () => number, over: () => Error, onChunk?: (chunk: Buffer) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit()) return done(over());
      onChunk?.(chunk);
      done(null, chunk);
    },
  });
}

const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Checks each file the manifest lists against the per-file cap; returns their total size. */
function declaredBytes(manifest: BackupManifest): number {
  const big = manifest.files.find((f) => f.size > MAX_BACKUP_FILE_BYTES);
  if (big)
    throw damaged(
      `its manifest lists ${big.path.slice(0, 200)} at ${mb(big.size)}; no library file may be over ${mb(MAX_BACKUP_FILE_BYTES)}.`,
    );
  return manifest.files.reduce((sum, f) => sum + f.size, 0);
}

/** Tar's own bytes around the files: a 512-byte header and up to 511 bytes of padding each, long-name headers. */
const TAR_OVERHEAD_PER_FILE = 4096;
/** The end of a tar: two zero blocks, padded to a 10 KB record, with room to spare. */
const TAR_END = 64 * 1024;

/**
 * Files up to this size are read whole, checked, and written while the next ones unpack (a library is tens
 * of thousands of small files: writing them one after another leaves the restore waiting on each); larger
 * ones stream to disk as they unpack.
 */
const WHOLE_FILE_BYTES = 1024 * 1024;

/** Reads `entry` whole, failing with `tooLarge()` as soon as it passes `limit` bytes. */
async function readCapped(entry: AsyncIterable<unknown>, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const data of entry) {
    const chunk = data as Buffer;
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Unpacks and verifies the archive into `temp`; returns the manifest. */
async function unpack(file: string, temp: string, options: RestoreOptions = {}): Promise<BackupManifest> {
  const writes = new WriteQueue(16);
  try {
    return await unpackInto(file, temp, writes, options);
  } finally {
    await writes.settle();
  }
}

async function unpackInto(
  file: string,
  temp: string,
  writes: WriteQueue,
  options: RestoreOptions,
): Promise<BackupManifest> {
  const extract = tarExtract();
  // Until the manifest is read, only it may come; then just the files it declares, with tar's overhead.
  let allowed = MAX_MANIFEST_BYTES + 1024 * 1024;
  const reading = pipeline(
    createReadStream(file),
    createGunzip(),
    capped(
      () => allowed,
      () => damaged('it unpacks to more than its manifest declares.'),
    ),
    extract,
  );
  reading.catch(() => {});
  let manifest: BackupManifest | null = null;
  const expected = new Map<string, { size: number; sha256: string }>();
  const seen = new Set<string>();
  const folders = new Set<string>();
  for await (const entry of extract) {
    options.signal?.throwIfAborted();
    const { name, type } = entry.header;
    if (!manifest) {
      if (name !== MANIFEST_NAME) throw damaged(`it does not start with ${MANIFEST_NAME} (is it a Gloss backup?).`);
      const text = (await readAll(entry, MAX_MANIFEST_BYTES)).toString('utf8');
      const manifestBytes = Buffer.byteLength(text);
      const checked = checkJsonFile(MANIFEST_NAME, text, manifestSchema);
      if (!checked.ok) throw damaged(checked.reason);
      manifest = checked.value;
      allowed = manifestBytes + declaredBytes(manifest) + TAR_OVERHEAD_PER_FILE * (manifest.files.length + 1) + TAR_END;
      for (const f of manifest.files) {
        if (!isSafeRelativePath(f.path)) throw damaged(`its manifest lists an unsafe path “${f.path.slice(0, 200)}”.`);
        expected.set(f.path, f);
      }
      continue;
    }
    if (type === 'directory') {
      entry.resume();
      continue;
    }
    const rel = name.startsWith(LIBRARY_PREFIX) ? name.slice(LIBRARY_PREFIX.length) : '';
    if (type !== 'file' || !isSafeRelativePath(rel))
      throw damaged(`it holds an unsafe entry “${name.slice(0, 200)}” (${type}).`);
    const want = expected.get(rel);
    if (!want) throw damaged(`${rel} is not listed in its manifest.`);
    if (seen.has(rel)) throw damaged(`${rel} appears twice.`);
    seen.add(rel);
    const target = path.join(temp, ...rel.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    const tooLarge = () => damaged(`${rel} is larger than its manifest says (${want.size} bytes).`);
    if ((entry.header.size ?? 0) > want.size) throw tooLarge();
    const checksumFailed = () => damaged(`${rel} does not match its checksum (the file is damaged).`);
    if (want.size <= WHOLE_FILE_BYTES) {
      const data = await readCapped(entry, want.size, tooLarge);
      if (data.length !== want.size || createHash('sha256').update(data).digest('hex') !== want.sha256)
        throw checksumFailed();
      await writes.add(() => fs.writeFile(target, data, { flag: 'wx' }));
      options.onProgress?.({ done: seen.size, total: manifest.files.length });
      continue;
    }
    const hash = createHash('sha256');
    let size = 0;
    // Hashed as it passes through the cap: the pipeline is the entry's only reader (a second 'data' listener
    // beside the pipe would read it in two ways at once).
    await pipeline(
      entry,
      capped(
        () => want.size,
        tooLarge,
        (chunk) => {
          hash.update(chunk);
          size += chunk.length;
        },
      ),
      createWriteStream(target, { flags: 'wx' }),
    );
    if (size !== want.size || hash.digest('hex') !== want.sha256) throw checksumFailed();
    options.onProgress?.({ done: seen.size, total: manifest.files.length });
  }
  await reading;
  await writes.drain();
  if (!manifest) throw damaged('it is empty.');
  const missing = manifest.files.filter((f) => !seen.has(f.path));
  if (missing.length)
    throw damaged(`${missing.length} file(s) listed in its manifest are missing, e.g. ${missing[0]!.path}.`);
  return manifest;
}

/** Explains a low-level read error (truncated gzip, broken tar) in words. */
function explain(error: unknown): GlossError {
  if (error instanceof GlossError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    return new GlossError('not-found', `No such backup file: ${message}`);
  return damaged(`the file is damaged or incomplete (${message}).`);
}

/**
 * Restores the backup `file` into `target`, which must be missing or empty.
 *
 * @throws GlossError `invalid-input` (target not empty), `corrupt-file` (damaged backup), `not-found`
 */
export async function restoreBackup(
  file: string,
  target: string,
  options: RestoreOptions = {},
): Promise<BackupManifest> {
  const dir = path.resolve(target);
  await assertEmptyLibrary(dir);
  const temp = path.join(path.dirname(dir), `.${path.basename(dir)}.restore-${randomBytes(6).toString('hex')}`);
  await fs.mkdir(temp, { recursive: true });
  let store: LibraryStore | null = null;
  try {
    const manifest = await unpack(path.resolve(file), temp, options).catch((error: unknown) => {
      throw options.signal?.aborted ? error : explain(error);
    });
    // The restored folder must open as a library with every clip readable before it replaces anything: every
    // clip is read from its files (a catalogue that came with the backup vouches for the old files' times, not these).
    await fs.rm(catalogueFilePath(temp), { force: true });
    await fs.rm(catalogueDetailsPath(temp), { force: true });
    store = await LibraryStore.open(temp, { catalogue: true });
    if (store.problems().length)
      throw damaged(`a restored file does not read correctly: ${store.problems()[0]!.reason}`);
    if (store.list().length !== manifest.counts.clips)
      throw damaged(`it should hold ${manifest.counts.clips} clips but ${store.list().length} open.`);
    options.signal?.throwIfAborted();
    // The index came with the files: it answers searches at once in the restored library.
    await rebaseRestoredIndex(store);
    // A catalogue of what was just read, stamped with the restored files, so the first start reads no clip
    // again (the rename below keeps each clip folder's time: only the library folder's own entry moves).
    await store.close();
    await assertEmptyLibrary(dir);
    // An empty library folder is only empty sub-folders: removing them with rmdir can never lose a file.
    await fs.rm(path.join(dir, CACHE_DIR), { recursive: true, force: true });
    await removeEmptyTree(dir);
    await fs.rename(temp, dir);
    return manifest;
  } catch (error) {
    // Closed first, so no catalogue save can land in the folder once it is removed.
    await store?.close().catch(() => {});
    await fs.rm(temp, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

async function removeEmptyTree(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!entries) return;
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyTree(path.join(dir, entry.name));
  await fs.rmdir(dir);
}

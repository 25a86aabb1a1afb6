/**
 * Reading a file inside an export folder: never through a symbolic link (an export's `content/x.md` that
 * points at `~/.ssh/id_rsa` must not become a clip), only regular files, and at most
 * {@link MAX_IMPORT_FILE_BYTES}, each refusal with a reason the import report shows.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../errors';

/** The largest file an import reads (an article, a CSV or a metadata file); larger ones are refused. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/** `O_NOFOLLOW` where the platform has it (not on Windows, where the lstat check below does the work). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

/**
 * Reads `file` as UTF-8 text without following a symbolic link at its last step.
 *
 * @param label how the report names the file (its path inside the export)
 * @param root the export folder: the file's real path must be inside it (no linked folder on the way)
 * @throws GlossError `invalid-input` for a symbolic link, something other than a file, a file outside
 *   `root` or over {@link MAX_IMPORT_FILE_BYTES}; `not-found` when it is missing
 */
export async function readImportFile(file: string, label: string, root?: string): Promise<string> {
  return (await readImportBytes(file, label, root)).toString('utf8');
}

/** The bytes of `file`, read with the checks of {@link readImportFile} (a saved page decodes by its own charset). */
export async function readImportBytes(file: string, label: string, root?: string): Promise<Buffer> {
  const link = await fs.lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new GlossError('not-found', `${label} is missing.`);
    throw error;
  });
  if (link.isSymbolicLink())
    throw new GlossError('invalid-input', `${label} is a symbolic link; imports read only files inside the export.`);
  if (root) {
    const [realFile, realRoot] = await Promise.all([fs.realpath(file), fs.realpath(root)]);
    if (!realFile.startsWith(realRoot + path.sep))
      throw new GlossError('invalid-input', `${label} leads outside the export folder; it is not imported.`);
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new GlossError('invalid-input', `${label} is a symbolic link; imports read only files inside the export.`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new GlossError('invalid-input', `${label} is not a regular file.`);
    if (info.size > MAX_IMPORT_FILE_BYTES)
      throw new GlossError(
        'invalid-input',
        `${label} is ${mb(info.size)}; files over ${mb(MAX_IMPORT_FILE_BYTES)} are not imported.`,
      );
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

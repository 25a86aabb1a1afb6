/**
 * A PDF clip's original file for the reader: `original.pdf` from the clip's folder, checked against the
 * SHA-256 kept in its metadata, so the page reader never shows a file that is not the one clipped.
 */
import { createHash } from 'node:crypto';
import { GlossError } from '../errors';
import { LinkedFileError, readClipBytes } from '../library/clipFiles';
import type { ClipMeta } from '../model';

/**
 * The bytes of the clip's original PDF, base64-encoded (what crosses IPC).
 *
 * @throws GlossError `not-found` when the clip is not a PDF clip or its file is missing; `corrupt-file`
 *   when the file on disk is not the one clipped (its SHA-256 differs)
 */
export async function readOriginalPdf(libraryPath: string, meta: ClipMeta): Promise<string> {
  if (!meta.pdf) throw new GlossError('not-found', `“${meta.title}” was not clipped from a PDF.`);
  let bytes: Buffer;
  try {
    bytes = await readClipBytes(libraryPath, meta.id, meta.pdf.file);
  } catch (error) {
    if (error instanceof LinkedFileError) throw error;
    throw new GlossError(
      'not-found',
      `The original PDF of “${meta.title}” is missing from its folder (clips/${meta.id}/${meta.pdf.file}); its text is still here.`,
      { cause: error },
    );
  }
  if (createHash('sha256').update(bytes).digest('hex') !== meta.pdf.sha256)
    throw new GlossError(
      'corrupt-file',
      `The original PDF of “${meta.title}” was changed on disk since it was clipped (clips/${meta.id}/${meta.pdf.file}); its text is still here.`,
    );
  return bytes.toString('base64');
}

/**
 * A PDF clip's `original.pdf` as the `gloss-asset://<clipId>/original.pdf` answers it: whole, or the one
 * byte range asked for (HTTP `Range: bytes=…`), so the reader's pdf.js reads only the parts of a file that
 * the page it draws needs. Nothing of a file is ever served before its SHA-256 has been found equal to the
 * one in the clip's metadata: the first request for a file hashes it whole (streamed) and the result is
 * kept for as long as the file's size, change time and inode stay the same, so later ranges cost a `stat`.
 */
import { createHash } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { readClipFile } from './clipFiles';

/** The one file name of a clip this endpoint serves. */
export const ORIGINAL_PDF = 'original.pdf';

/** A byte range, both ends included (as in `Content-Range`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The single range a `Range` header asks of a file of `size` bytes: `null` to send the whole file (no header,
 * or one this server ignores as HTTP allows: not `bytes`, several ranges, malformed), `'unsatisfiable'` when it
 * starts past the end (answered 416).
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header) : null;
  if (!match || (!match[1] && !match[2])) return null;
  if (!match[1]) {
    // `bytes=-n`: the last n bytes.
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] ? Number(match[2]) : Infinity;
  if (last < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}

/** What the endpoint answers for a PDF (see assetRequest.ts for the shape of a URL). */
export type PdfAssetAnswer =
  | { status: 200 | 206; bytes: Uint8Array<ArrayBuffer>; size: number; range: ByteRange | null }
  | { status: 404 | 409; message: string }
  | { status: 416; size: number };

/** Files found equal to their clip's hash: real path → `size:ctime:inode:sha256`. */
const verified = new Map<string, string>();
/** Kept at most (oldest forgotten first); forgetting only costs a hash again. */
const VERIFIED_KEPT = 64;
/** Hashes in progress, so concurrent ranges of a file hash it once. */
const hashing = new Map<string, Promise<string>>();

function signature(info: Stats, sha256: string): string {
  return `${info.size}:${info.ctimeMs}:${info.ino}:${sha256}`;
}

/** The SHA-256 of the whole file open as `handle` (read from its start; the handle stays open). */
async function sha256Of(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(handle.createReadStream({ start: 0, autoClose: false }), hash);
  return hash.digest('hex');
}

/**
 * Whether the file open as `handle` at `real` (stat `info`) has SHA-256 `sha256`; hashes it (through the very
 * handle its bytes will be read from) only when it was not verified as it is now.
 */
async function isUnchanged(handle: FileHandle, real: string, info: Stats, sha256: string): Promise<boolean> {
  const key = signature(info, sha256);
  if (verified.get(real) === key) return true;
  let running = hashing.get(key);
  if (!running) {
    running = sha256Of(handle).finally(() => hashing.delete(key));
    hashing.set(key, running);
  }
  if ((await running) !== sha256) return false;
  verified.delete(real);
  verified.set(real, key);
  if (verified.size > VERIFIED_KEPT) verified.delete(verified.keys().next().value!);
  return true;
}

/** The title and hash the clip's metadata gives its original PDF, or null when it is not a PDF clip. */
async function pdfOfClip(libraryPath: string, clipId: string): Promise<{ title: string; sha256: string } | null> {
  try {
    const meta = JSON.parse((await readClipFile(libraryPath, clipId, 'meta.json')) ?? 'null') as {
      title?: unknown;
      pdf?: { sha256?: unknown; file?: unknown };
    } | null;
    const sha256 = meta?.pdf?.sha256;
    if (typeof sha256 !== 'string' || meta?.pdf?.file !== ORIGINAL_PDF) return null;
    return { title: typeof meta.title === 'string' ? meta.title : clipId, sha256 };
  } catch {
    return null;
  }
}

/**
 * Answers a request for clip `clipId`'s original PDF, whose real path `real` was already found to be the
 * regular file `clips/<clipId>/original.pdf` inside the library: 404 when the clip is not a PDF clip, 409 with
 * the reason when the file is not the one clipped, else the bytes of the `range` header's range (206) or of
 * the whole file (200), 416 for a range past its end.
 */
export async function answerOriginalPdf(
  libraryPath: string,
  clipId: string,
  real: string,
  rangeHeader: string | null | undefined,
): Promise<PdfAssetAnswer> {
  const pdf = await pdfOfClip(libraryPath, clipId);
  if (!pdf) return { status: 404, message: 'This clip has no original PDF.' };
  const handle = await fs.open(real, 'r');
  try {
    const info = await handle.stat();
    if (!(await isUnchanged(handle, real, info, pdf.sha256)))
      return {
        status: 409,
        message: `The original PDF of “${pdf.title}” was changed on disk since it was clipped (clips/${clipId}/${ORIGINAL_PDF}); its text is still here.`,
      };
    const range = parseByteRange(rangeHeader, info.size);
    if (range === 'unsatisfiable') return { status: 416, size: info.size };
    const { start, end } = range ?? { start: 0, end: info.size - 1 };
    const bytes = new Uint8Array(Math.max(0, end - start + 1));
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, start + read);
      if (!bytesRead) break;
      read += bytesRead;
    }
    return { status: range ? 206 : 200, bytes: bytes.subarray(0, read), size: info.size, range };
  } finally {
    await handle.close();
  }
}

/**
 * Answers a `gloss-asset://<clipId>/<file>` request: the desktop app's protocol handler (and the UI tests'
 * server) is a thin wrapper round {@link answerAssetRequest}, so what may be served is decided (and tested)
 * here, without Electron. `<file>` is one of the clip's downloaded images, or `original.pdf`, a PDF clip's
 * original file, served whole or by byte range once its SHA-256 is found equal to the clipped one
 * (originalPdfAsset.ts).
 *
 * Only a URL with exactly the shape Gloss writes is resolved: an id host, one image name made by Gloss or
 * `original.pdf` (never decoded, so `%2e%2e`, `%2f` and `%00` cannot turn into separators), no port, user,
 * query or fragment. The file must then be a regular file whose real path is the one named, so a symlink
 * inside the library pointing elsewhere is refused too.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { clipFile } from './clipFiles';
import { clipImageFile } from './clipImages';
import { answerOriginalPdf, ORIGINAL_PDF } from './originalPdfAsset';
import { ID_PATTERN } from './schemas';

/** The scheme of the clips' downloaded images. */
export const ASSET_SCHEME = 'gloss-asset';

/**
 * What to answer: the file's bytes (206: the range asked for), or a refusal (404 for anything that is not a
 * served file; 409 for a PDF that is not the one clipped, with the reason; 416 for a range past the end).
 * `headers` are the HTTP headers the answer needs besides its type.
 */
export type AssetAnswer =
  | { status: 200 | 206; bytes: Uint8Array<ArrayBuffer>; mime: string; headers: Record<string, string> }
  | { status: 404 | 405 }
  | { status: 404 | 409; message: string }
  | { status: 416; headers: Record<string, string> };

/**
 * The file a `gloss-asset://` URL names, or null when the URL is not exactly one Gloss makes.
 * Pure: looks at the string only (see {@link answerAssetRequest} for the checks on disk).
 */
export function resolveAssetUrl(
  libraryPath: string,
  rawUrl: string,
): { path: string; mime: string; pdfOf?: string } | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${ASSET_SCHEME}:` || url.username || url.password || url.port || url.search || url.hash)
    return null;
  // The raw URL must read back as parsed (nothing normalised away: `..`, `./`) and carry no query, not even `?`.
  if (rawUrl !== url.href || /[?#]/.test(rawUrl)) return null;
  const file = /^\/([^/]+)$/.exec(url.pathname)?.[1];
  if (file === ORIGINAL_PDF && ID_PATTERN.test(url.hostname))
    return { path: clipFile(libraryPath, url.hostname, file), mime: 'application/pdf', pdfOf: url.hostname };
  return file ? clipImageFile(libraryPath, url.hostname, file) : null;
}

/**
 * Answers a request for `rawUrl` with `method` against the library at `libraryPath`: GET of an image a
 * clip holds gives its bytes; GET of a PDF clip's original gives it whole or the range of the `range`
 * header (HTTP `Range`); anything else gives 404 (405 for other methods). Never throws.
 */
export async function answerAssetRequest(
  libraryPath: string,
  method: string,
  rawUrl: string,
  range?: string | null,
): Promise<AssetAnswer> {
  if (method !== 'GET') return { status: 405 };
  const found = resolveAssetUrl(libraryPath, rawUrl);
  if (!found) return { status: 404 };
  try {
    const [real, realLibrary] = await Promise.all([fs.realpath(found.path), fs.realpath(libraryPath)]);
    const expected = path.join(realLibrary, path.relative(libraryPath, found.path));
    if (real !== expected || !(await fs.stat(real)).isFile()) return { status: 404 };
    if (found.pdfOf) return await pdfAnswer(libraryPath, found.pdfOf, real, range);
    return { status: 200, bytes: await fs.readFile(real), mime: found.mime, headers: {} };
  } catch {
    return { status: 404 };
  }
}

async function pdfAnswer(
  libraryPath: string,
  clipId: string,
  real: string,
  range: string | null | undefined,
): Promise<AssetAnswer> {
  const answer = await answerOriginalPdf(libraryPath, clipId, real, range);
  if (answer.status === 416) return { status: 416, headers: { 'content-range': `bytes */${answer.size}` } };
  if ('message' in answer) return answer;
  const headers: Record<string, string> = { 'accept-ranges': 'bytes' };
  if (answer.range) headers['content-range'] = `bytes ${answer.range.start}-${answer.range.end}/${answer.size}`;
  return { status: answer.status, bytes: answer.bytes, mime: 'application/pdf', headers };
}

/** An answer as HTTP: the same status, headers and body in the desktop app's protocol and the UI tests' server. */
export function assetHttpResponse(answer: AssetAnswer): {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
} {
  const common = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  if (answer.status === 200 || answer.status === 206)
    return {
      status: answer.status,
      headers: { ...common, ...answer.headers, 'content-type': answer.mime },
      body: answer.bytes,
    };
  const text =
    'message' in answer
      ? answer.message
      : answer.status === 405
        ? 'method not allowed'
        : answer.status === 416
          ? 'range not satisfiable'
          : 'not found';
  return {
    status: answer.status,
    headers: { ...common, ...('headers' in answer ? answer.headers : {}), 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  };
}

/**
 * Answers a `gloss-asset://<clipId>/<file>` request: the desktop app's protocol handler is a thin wrapper
 * round {@link answerAssetRequest}, so what may be served is decided (and tested) here, without Electron.
 *
 * Only a URL with exactly the shape Gloss writes is resolved: an id host, one image name made by Gloss
 * (never decoded, so `%2e%2e`, `%2f` and `%00` cannot turn into separators), no port, user, query or
 * fragment. The file must then be a regular file whose real path is the one named, so a symlink inside
 * the library pointing elsewhere is refused too.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { clipImageFile } from './clipImages';

/** The scheme of the clips' downloaded images. */
export const ASSET_SCHEME = 'gloss-asset';

/** What to answer: the image's bytes, or a refusal (404 for anything that is not a served image). */
export type AssetAnswer = { status: 200; bytes: Uint8Array<ArrayBuffer>; mime: string } | { status: 404 | 405 };

/**
 * The file a `gloss-asset://` URL names, or null when the URL is not exactly one Gloss makes.
 * Pure: looks at the string only (see {@link answerAssetRequest} for the checks on disk).
 */
export function resolveAssetUrl(libraryPath: string, rawUrl: string): { path: string; mime: string } | null {
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
  return file ? clipImageFile(libraryPath, url.hostname, file) : null;
}

/**
 * Answers a request for `rawUrl` with `method` against the library at `libraryPath`: GET of an image a
 * clip holds gives its bytes; anything else gives 404 (405 for other methods). Never throws.
 */
export async function answerAssetRequest(libraryPath: string, method: string, rawUrl: string): Promise<AssetAnswer> {
  if (method !== 'GET') return { status: 405 };
  const found = resolveAssetUrl(libraryPath, rawUrl);
  if (!found) return { status: 404 };
  try {
    const [real, realLibrary] = await Promise.all([fs.realpath(found.path), fs.realpath(libraryPath)]);
    const expected = path.join(realLibrary, path.relative(libraryPath, found.path));
    if (real !== expected || !(await fs.stat(real)).isFile()) return { status: 404 };
    return { status: 200, bytes: await fs.readFile(real), mime: found.mime };
  } catch {
    return { status: 404 };
  }
}

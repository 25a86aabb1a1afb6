/**
 * `gloss-asset://<clipId>/<file>`: the clips' downloaded images, for the reader. Only names Gloss itself
 * makes are served (see core/library/clipImages), so no request can reach outside a clip's images folder.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { clipImageFile } from '../core/library/clipImages';

/** The scheme of the clips' images. */
export const ASSET_SCHEME = 'gloss-asset';

/** Must run before the app is ready: a standard, secure scheme (so the host is the clip id), no fetch or CORS. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves the images of the library at `libraryPath` (after the app is ready). GET only; 404 for anything else. */
export function serveAssets(libraryPath: string): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const notFound = () => new Response('not found', { status: 404 });
    if (request.method !== 'GET') return new Response('method not allowed', { status: 405 });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const found = parts.length === 1 ? clipImageFile(libraryPath, url.hostname, decodeURIComponent(parts[0]!)) : null;
    if (!found) return notFound();
    try {
      const bytes = await readFile(found.path);
      return new Response(bytes, { headers: { 'content-type': found.mime, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } });
    } catch {
      return notFound();
    }
  });
}

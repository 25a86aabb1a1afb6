/**
 * `gloss-asset://<clipId>/<file>`: the clips' downloaded images, for the reader. What may be served is
 * decided by core/library/assetRequest (tested there with hostile URLs); this file only binds it to Electron.
 */
import { protocol } from 'electron';
import { answerAssetRequest, ASSET_SCHEME } from '../core/library/assetRequest';

/** Must run before the app is ready: a standard, secure scheme (so the host is the clip id), no fetch or CORS. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves the images of the library at `libraryPath()` (after the app is ready; the library may move). GET only; 404 for anything else. */
export function serveAssets(libraryPath: () => string): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const answer = await answerAssetRequest(libraryPath(), request.method, request.url);
    if (answer.status !== 200)
      return new Response(answer.status === 405 ? 'method not allowed' : 'not found', { status: answer.status });
    return new Response(answer.bytes, {
      headers: { 'content-type': answer.mime, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
    });
  });
}

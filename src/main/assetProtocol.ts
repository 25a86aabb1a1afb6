/**
 * `gloss-asset://<clipId>/<file>`: the clips' downloaded images and a PDF clip's `original.pdf` (by byte
 * range), for the reader. What may be served is decided by core/library/assetRequest (tested there with
 * hostile URLs and real files); this file only binds it to Electron.
 */
import { protocol } from 'electron';
import { answerAssetRequest, assetHttpResponse, ASSET_SCHEME } from '../core/library/assetRequest';

/**
 * Must run before the app is ready: a standard, secure scheme (so the host is the clip id) that the page
 * (a `file:` URL, so another origin) may `fetch`: the PDF reader reads `original.pdf` by range. Only the
 * app's own page is ever loaded in its session (navigation, frames and new windows are refused), and its
 * CSP's `connect-src` names this scheme and nothing else beyond the app.
 */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** What a cross-origin `fetch` with a `Range` header needs to read the answer (its range included). */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET',
  'access-control-allow-headers': 'range',
  'access-control-expose-headers': 'content-range, accept-ranges',
};

/** Serves the files of the library at `libraryPath()` (after the app is ready; the library may move). GET only; 404 for anything else. */
export function serveAssets(libraryPath: () => string): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
    const answer = assetHttpResponse(
      await answerAssetRequest(libraryPath(), request.method, request.url, request.headers.get('range')),
    );
    return new Response(answer.body, { status: answer.status, headers: { ...answer.headers, ...CORS_HEADERS } });
  });
}

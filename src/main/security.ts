/**
 * Window and session hardening. Gloss renders HTML taken from arbitrary web pages, so the renderer is
 * treated as hostile: it can reach nothing but the validated GlossApi.
 */
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { safeExternalUrl } from './externalLinks';

/** Opens a link in the system browser when {@link safeExternalUrl} allows it. Returns whether it was opened. */
export function openExternalSafely(rawUrl: string): boolean {
  const url = safeExternalUrl(rawUrl);
  if (url === null) return false;
  void shell.openExternal(url);
  return true;
}

/** Denies navigation, new windows, webviews and permission requests for every web contents. */
export function installAppWideGuards(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      openExternalSafely(url);
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}

/** Denies every permission (camera, notifications, geolocation…) and adds the CSP header to responses. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

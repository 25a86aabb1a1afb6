/**
 * Window and session hardening. Gloss renders HTML taken from arbitrary web pages, so the renderer is
 * treated as hostile: it can reach nothing but the validated GlossApi. The rules are in securityPolicy.ts.
 */
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { safeExternalUrl } from './externalLinks';
import { denyPermissions, guardWebContents } from './securityPolicy';

/** Opens a link in the system browser when {@link safeExternalUrl} allows it. Returns whether it was opened. */
export function openExternalSafely(rawUrl: string): boolean {
  const url = safeExternalUrl(rawUrl);
  if (url === null) return false;
  void shell.openExternal(url);
  return true;
}

/** Denies navigation, new windows, webviews and permission requests for every web contents. */
export function installAppWideGuards(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => guardWebContents(contents, openExternalSafely));
}

/** Denies every permission, device and download, and adds the CSP header to responses. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  denyPermissions(ses);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

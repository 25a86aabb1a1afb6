/**
 * Window and session hardening. Gloss renders HTML taken from arbitrary web pages, so the renderer is
 * treated as hostile: it can reach nothing but the validated GlossApi.
 */
import { app, session, shell, type WebContents, type WebPreferences } from 'electron';

/** The web preferences every Gloss window uses. */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

/** Schemes we hand to the operating system; anything else is dropped. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Opens a link in the system browser when its scheme is safe. Returns whether it was opened. */
export function openExternalSafely(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return false;
  void shell.openExternal(url.toString());
  return true;
}

/** The strict Content-Security-Policy, also set in index.html; sent as a header where there are headers. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

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

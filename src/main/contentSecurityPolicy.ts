/**
 * The app's Content-Security-Policy, free of Electron so tests can compare it with the page's own.
 */

/**
 * The strict policy: scripts and styles only from the app itself (no inline code, no remote code),
 * no frames, objects, forms or `<base>`. Images may come from the web because clipped articles show
 * their pictures, and `gloss-asset:` serves the pictures Gloss downloaded. `src/renderer/index.html` carries the same policy in a meta tag (a test keeps the two
 * equal); the main process also sends it as a header where responses have headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https: http: gloss-asset:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The app's Content-Security-Policy, free of Electron so tests can compare it with the page's own.
 */

/**
 * The strict policy: scripts and styles only from the app itself (no inline code, no remote code),
 * no frames, objects, forms or `<base>`. Images only from the app, `data:` and `gloss-asset:` (the pictures
 * Gloss downloaded): opening a clip never contacts the web (no tracking pixels, no remote pictures); a
 * picture that was not stored loads only when the person asks, through the core (`loadClipImage`). Requests
 * (fetch) only to the app and `gloss-asset:` (the PDF reader reads a clip's `original.pdf` there by byte
 * range). Workers only from the app (pdf.js's worker is a file of the bundle). `src/renderer/index.html` carries the same policy in a meta tag (a test keeps the two
 * equal); the main process also sends it as a header where responses have headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: gloss-asset:",
  "font-src 'self'",
  "connect-src 'self' gloss-asset:",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

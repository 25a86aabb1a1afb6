/**
 * Which links Gloss hands to the operating system. Kept free of Electron so it can be tested on its own:
 * a link in a clipped page is hostile input, and `shell.openExternal` on a `file:` or custom-scheme URL
 * can start programs.
 */

/** Schemes the system browser or mail client may open; anything else is dropped. */
const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Longer addresses are refused outright: no real link needs more, and the OS handlers need not see them. */
const MAX_URL_LENGTH = 8192;

/**
 * Returns the normalised URL when `rawUrl` may be opened outside the app (http, https or mailto, in any
 * letter case, with a host for http and https), else `null`. Malformed addresses, relative links and
 * every other scheme (`javascript:`, `file:`, `data:`, `vbscript:`, custom protocol handlers) give `null`.
 *
 * @example safeExternalUrl('HTTPS://Example.org/a b') // 'https://example.org/a%20b'
 * @example safeExternalUrl('javascript:alert(1)') // null
 */
export function safeExternalUrl(rawUrl: unknown): string | null {
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.toString();
}

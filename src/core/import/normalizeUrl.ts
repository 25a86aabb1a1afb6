/**
 * The key imports dedupe clips by: the same article under tracking parameters, a fragment or a
 * different case of host is one article.
 */

/** Query parameters that only track where a click came from. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|igshid|_hsenc|_hsmi)$/i;

/**
 * `url` without fragment, tracking parameters (utm_*, fbclid, gclid, ref…), default port or a
 * trailing slash on the path, with a lowercase host; the remaining parameters sorted. Returns null
 * for text that is not an http(s) address.
 */
export function normalizeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
  kept.sort(([a], [b]) => a.localeCompare(b));
  parsed.search = new URLSearchParams(kept).toString();
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed.href;
}

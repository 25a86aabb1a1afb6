/**
 * URL rules for stored articles: links and images are made absolute against the page's URL,
 * and only schemes that cannot run code survive (a stored article is opened long after the clip,
 * away from its origin, so a relative URL would point nowhere).
 */

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);
/** Raster images only: an SVG data URL may carry script. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

/** Resolves `raw` against `base` (if any); returns null when the result is not absolute. */
function absolutise(raw: string, base: string | null | undefined): URL | null {
  const value = raw.trim();
  if (!value) return null;
  try {
    return base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
}

/** The absolute, safe form of a link's `href`, or null when it must be dropped. */
export function safeLinkUrl(raw: string, base?: string | null): string | null {
  const url = absolutise(raw, base);
  return url && LINK_SCHEMES.has(url.protocol) ? url.href : null;
}

/** The absolute, safe form of an image's `src`, or null when the image must be dropped. */
export function safeImageUrl(raw: string, base?: string | null): string | null {
  const value = raw.trim();
  if (/^data:/i.test(value)) return DATA_IMAGE.test(value) ? value.replace(/\s+/g, '') : null;
  const url = absolutise(value, base);
  return url && IMAGE_SCHEMES.has(url.protocol) ? url.href : null;
}

/**
 * Picks the largest candidate of a `srcset` ("a.jpg 480w, b.jpg 1024w" or "a.jpg 1x, b.jpg 2x"),
 * which is what a reader wants to keep. Returns null for an empty or unparsable set.
 */
export function bestSrcsetUrl(srcset: string): string | null {
  let best: { url: string; score: number } | null = null;
  // Candidates are separated by commas followed by whitespace; URLs may themselves contain commas.
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const match = /^(\d+(?:\.\d+)?)([wx])$/.exec(descriptor);
    const score = match ? Number(match[1]) * (match[2] === 'x' ? 1000 : 1) : 0;
    if (!best || score > best.score) best = { url: url.replace(/,$/, ''), score };
  }
  return best?.url ?? null;
}

/** Query parameters that only track where a click came from. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|igshid|_hsenc|_hsmi)$/i;

/**
 * The key clips are deduplicated by (clipping, imports): `url` without fragment, tracking parameters
 * (utm_*, fbclid, gclid, mc_cid, mc_eid, ref, igshid…), default port or a trailing slash on the path,
 * with a lowercase host and the remaining parameters sorted. `www.` is kept: some sites serve other
 * pages there. Returns null for text that is not an http(s) address.
 */
export function normalizeUrl(url: string | null | undefined): string | null {
  const parsed = url ? absolutise(url, null) : null;
  if (!parsed || !IMAGE_SCHEMES.has(parsed.protocol)) return null;
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed.href;
}

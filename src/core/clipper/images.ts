/**
 * Offline copies of an article's pictures: each http(s) image is downloaded with the page fetcher's
 * limits and its `src` pointed at `images/<sha256-prefix>.<ext>` beside the article. An image that
 * cannot be fetched (network, size, not an image) keeps its remote address, so a clip never breaks.
 * Only `src` attributes change, so the article's text, which highlights index into, stays the same.
 * Pictures on this computer or a private network are fetched only for a page that came from one too.
 */
import { createHash } from 'node:crypto';
import { elementsByTag, parseBodyDocument } from '../article/dom';
import { IMAGES_DIR, type ClipImage } from '../library/clipImages';
import { fetchImage, type FetchOptions } from './fetchPage';
import { isPrivateHost } from './privateAddress';

export interface ImageOptions {
  /** Images downloaded per article at most; the rest keep their remote address (default 40). */
  maxImages?: number;
  /** Limits per image (default: 15 s, 10 MB, 5 redirects). */
  fetch?: FetchOptions;
  /** Downloads at once (default 4). */
  concurrency?: number;
}

const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

/** The limits each picture is fetched with (15 s, 10 MB, 5 redirects), when clipping or loaded later. */
export const IMAGE_FETCH_LIMITS: FetchOptions = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

/**
 * The file name a picture is stored under in a clip's `images/` folder (`<sha256-prefix>.<ext>`), or null
 * when its type is not one Gloss keeps.
 */
export function storedImageName(mime: string, bytes: Uint8Array): string | null {
  const ext = EXT[mime];
  return ext ? `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${ext}` : null;
}

/**
 * A fetch check that refuses loopback and private-network hosts for a page from a public web address; a
 * page on such a host itself (the intranet may show the intranet's pictures) or without an address (a file
 * the person saved or dropped) is not limited.
 */
export async function privateHostsRefused(
  pageUrl: string | null | undefined,
): Promise<((url: URL) => Promise<string | null>) | undefined> {
  let page: URL | null = null;
  try {
    page = pageUrl ? new URL(pageUrl) : null;
  } catch {
    page = null;
  }
  if (!page || (await isPrivateHost(page))) return undefined;
  return async (url) =>
    (await isPrivateHost(url))
      ? `${url.host} is on this computer or a private network; a picture there is not fetched for a page from elsewhere.`
      : null;
}

/**
 * Downloads the images of sanitised article `html` (from the page at `pageUrl`) and returns the HTML with
 * their `src` rewritten to the local files, and the files to write into the clip's `images/` folder.
 */
export async function localiseImages(
  html: string,
  opts: ImageOptions = {},
  pageUrl: string | null = null,
): Promise<{ html: string; images: ClipImage[] }> {
  const doc = parseBodyDocument(html);
  const wanted = new Map<string, HTMLImageElement[]>();
  for (const img of elementsByTag(doc.body, 'img') as HTMLImageElement[]) {
    const src = img.getAttribute('src') ?? '';
    if (!/^https?:\/\//i.test(src)) continue;
    if (!wanted.has(src) && wanted.size >= (opts.maxImages ?? 40)) continue;
    wanted.set(src, [...(wanted.get(src) ?? []), img]);
  }
  if (!wanted.size) return { html, images: [] };

  const limits: FetchOptions = {
    ...IMAGE_FETCH_LIMITS,
    ...opts.fetch,
    refuse: await privateHostsRefused(pageUrl),
  };
  const images = new Map<string, ClipImage>();
  const queue = [...wanted.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [src, elements] = next;
      const got = await fetchImage(src, limits).catch(() => null);
      const name = got && storedImageName(got.mime, got.bytes);
      if (!got || !name) continue;
      images.set(name, { name, bytes: got.bytes });
      for (const img of elements) img.setAttribute('src', `${IMAGES_DIR}/${name}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, worker));
  return images.size ? { html: doc.body.innerHTML, images: [...images.values()] } : { html, images: [] };
}

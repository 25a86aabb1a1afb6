/**
 * Fetching a web page for clipping, defensively: http(s) only, a bounded redirect loop that
 * re-checks every hop, one overall deadline that also covers a slowly dripping body, and a cap on
 * the decoded size (fetch inflates gzip/brotli itself, so a small compressed bomb is caught too).
 */
import { GlossError } from '../errors';
import { decodeHtml } from './charset';
import { connectionError, contentTypeError, statusError } from './fetchErrors';

export interface FetchOptions {
  /** Deadline for the whole fetch, redirects and body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 15 MB). */
  maxBytes?: number;
  /** Largest PDF accepted where a PDF may come instead of a page (default 100 MB). */
  maxPdfBytes?: number;
  /** Redirects followed before giving up (default 10). */
  maxRedirects?: number;
  /** Cancels the fetch; it then fails with code `timeout` and a "cancelled" message. */
  signal?: AbortSignal;
  /** Checked before every hop (redirects included): a reason refuses that address (`unsupported-url`). */
  refuse?: (url: URL) => Promise<string | null>;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  html: string;
  /** The MIME type the server declared, e.g. `text/html`. */
  contentType: string;
}

/** A page or a PDF, as the server sent it (see {@link fetchDocument}). */
export type FetchedDocument = ({ kind: 'page' } & FetchedPage) | { kind: 'pdf'; url: string; bytes: Uint8Array };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf']);
/**
 * Generic download types some servers (repositories, file shares, S3 buckets) give PDFs: accepted where a PDF
 * is, and taken as one only when the bytes begin with `%PDF-` (anything else is refused as a file download).
 */
const DOWNLOAD_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/download']);

/** What a fetch asks for and accepts. */
interface Wanted {
  accept: string;
  /** Whether a response of this MIME type (maybe empty) is what was asked for. */
  allows(mime: string): boolean;
  /** The size cap for a response of this MIME type, given the options (the page cap when absent). */
  cap?(mime: string, opts: FetchOptions): number | undefined;
}

const PAGE: Wanted = {
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  allows: (mime) => !mime || HTML_TYPES.has(mime),
};
const PAGE_OR_PDF: Wanted = {
  accept: 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.8,*/*;q=0.5',
  allows: (mime) => PAGE.allows(mime) || PDF_TYPES.has(mime) || DOWNLOAD_TYPES.has(mime),
  cap: (mime, opts) =>
    PDF_TYPES.has(mime) || DOWNLOAD_TYPES.has(mime) ? (opts.maxPdfBytes ?? 100 * 1024 * 1024) : opts.maxBytes,
};
/** Raster images only: an SVG document may carry script. */
const IMAGE: Wanted = {
  accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9',
  allows: (mime) => /^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(mime),
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Gloss/0.1';

/** Parses and checks a URL: only http and https pages can be clipped. */
export function checkPageUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw.trim());
  } catch {
    throw new GlossError('unsupported-url', `“${raw.slice(0, 100)}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GlossError(
      'unsupported-url',
      `Only web pages (http or https) can be clipped, not ${url.protocol} addresses.`,
    );
  }
  return url;
}

function mimeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/**
 * Reads a response body up to `maxBytes`, aborting the transfer as soon as it is exceeded; `what` names it
 * in the error ("The page at host", "The PDF at host").
 */
async function readCapped(res: Response, maxBytes: number, what: string, abort: () => void): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  const tooLarge = (): GlossError =>
    new GlossError('too-large', `${what} is larger than ${formatSize(maxBytes)}, so it was not clipped.`);
  // A compressed body never inflates to less than it weighs on the wire, so this holds either way.
  if (declared > maxBytes) {
    abort();
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Fetches an HTML page.
 *
 * @throws GlossError `unsupported-url` (not http/https), `unreachable`, `timeout`, `too-large`,
 *   `too-many-redirects`, `http-status` (4xx/5xx) or `unsupported-content` (not HTML)
 */
export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const got = await fetchResource(url, opts, PAGE);
  return { url: got.url, html: decodeHtml(got.bytes, got.contentType), contentType: got.mime || 'text/html' };
}

/**
 * Fetches a web page or a PDF (an address that answers `application/pdf`, such as an arXiv `/pdf/` link, or a
 * generic download type such as `application/octet-stream` whose bytes are a PDF), with the same limits as {@link fetchPage} except the size cap, which is `maxPdfBytes` for a PDF.
 *
 * @throws GlossError as {@link fetchPage}
 */
export async function fetchDocument(url: string, opts: FetchOptions = {}): Promise<FetchedDocument> {
  const got = await fetchResource(url, opts, PAGE_OR_PDF);
  const pdfBytes = Buffer.from(got.bytes.subarray(0, 5)).toString() === '%PDF-';
  if (DOWNLOAD_TYPES.has(got.mime) && !pdfBytes) throw contentTypeError(got.mime, new URL(got.url).host);
  if (PDF_TYPES.has(got.mime) || ((!got.mime || DOWNLOAD_TYPES.has(got.mime)) && pdfBytes)) {
    return { kind: 'pdf', url: got.url, bytes: got.bytes };
  }
  return {
    kind: 'page',
    url: got.url,
    html: decodeHtml(got.bytes, got.contentType),
    contentType: got.mime || 'text/html',
  };
}

/**
 * Fetches a raster image (PNG, JPEG, GIF, WebP, AVIF, BMP) with the same limits as a page.
 *
 * @throws GlossError as {@link fetchPage}; `unsupported-content` for anything that is not such an image
 */
export async function fetchImage(url: string, opts: FetchOptions = {}): Promise<{ bytes: Uint8Array; mime: string }> {
  const { bytes, mime } = await fetchResource(url, opts, IMAGE);
  return { bytes, mime };
}

async function fetchResource(
  url: string,
  opts: FetchOptions,
  wanted: Wanted,
): Promise<{ url: string; bytes: Uint8Array; contentType: string | null; mime: string }> {
  const { timeoutMs = 20_000, maxBytes = 15 * 1024 * 1024, maxRedirects = 10, signal } = opts;
  let current = checkPageUrl(url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCancel = (): void => controller.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  if (signal?.aborted) controller.abort();
  const visited = new Set<string>();

  try {
    for (let hop = 0; ; hop++) {
      const host = current.host;
      const refused = await opts.refuse?.(current);
      if (refused) throw new GlossError('unsupported-url', refused);
      let res: Response;
      try {
        res = await fetch(current, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': USER_AGENT, accept: wanted.accept },
        });
      } catch (error) {
        throw controller.signal.aborted ? error : connectionError(error, host);
      }
      visited.add(current.href);

      if (REDIRECTS.has(res.status) && res.headers.get('location')) {
        await res.body?.cancel().catch(() => undefined);
        const next = checkPageUrl(res.headers.get('location')!, current.href);
        if (visited.has(next.href)) {
          throw new GlossError('too-many-redirects', `${host} redirects in a loop, so the page never arrives.`);
        }
        if (hop >= maxRedirects) {
          throw new GlossError(
            'too-many-redirects',
            `${host} redirected more than ${maxRedirects} times, so Gloss gave up.`,
          );
        }
        current = next;
        continue;
      }
      if (res.status >= 400 || res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw statusError(res.status, res.statusText, host);
      }
      const contentType = res.headers.get('content-type');
      const mime = mimeOf(contentType);
      if (!wanted.allows(mime)) {
        await res.body?.cancel().catch(() => undefined);
        throw contentTypeError(mime, host);
      }
      let bytes: Uint8Array;
      try {
        const cap = wanted.cap?.(mime, opts) ?? maxBytes;
        const what = `The ${PDF_TYPES.has(mime) ? 'PDF' : DOWNLOAD_TYPES.has(mime) ? 'file' : 'page'} at ${host}`;
        bytes = await readCapped(res, cap, what, () => controller.abort());
      } catch (error) {
        if (error instanceof GlossError || controller.signal.aborted) throw error;
        throw connectionError(error, host);
      }
      return { url: current.href, bytes, contentType, mime };
    }
  } catch (error) {
    if (error instanceof GlossError) throw error;
    if (timedOut) {
      throw new GlossError(
        'timeout',
        `${current.host} took longer than ${formatDuration(timeoutMs)} to send the page.`,
        { cause: error },
      );
    }
    if (signal?.aborted) throw new GlossError('timeout', `Loading ${current.host} was cancelled.`, { cause: error });
    throw connectionError(error, current.host);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

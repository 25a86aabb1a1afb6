/**
 * The local clip endpoint's request handling: `POST /clip` with `{ token, url, html, title?, selection? }`
 * as JSON (from the bookmarklet's fetch) or as the `payload` field of a form (its fallback). Checks run
 * cheapest and most telling first: loopback peer, Host header (DNS rebinding), rate, method, size, token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toErrorInfo } from '../errors';
import type { RateLimiter } from './rateLimit';
import { replyHtml, replyJson, preflightHeaders } from './replies';

/** What the bookmarklet sends, checked. */
export interface ClipRequest {
  url: string;
  html: string;
  title?: string;
  selection?: string;
}

export interface HandlerOptions {
  /** The secret the request must carry (read on every request, so regenerating takes effect at once). */
  token(): string;
  /** Clips the page; the answer names the clip. */
  clip(request: ClipRequest): Promise<{ id: string; title: string }>;
  limiter: RateLimiter;
  /** Largest body accepted (default 15 MB). */
  maxBytes?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Equal-length digests compared in constant time, so the token cannot be guessed a byte at a time. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected));
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > maxBytes) return null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parsePayload(body: Buffer, contentType: string): Record<string, unknown> | null {
  try {
    const text = body.toString('utf8');
    const json = /^application\/x-www-form-urlencoded/i.test(contentType)
      ? new URLSearchParams(text).get('payload')
      : text;
    const value: unknown = JSON.parse(json ?? '');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function checkRequest(p: Record<string, unknown>): ClipRequest | string {
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
  const url = str(p['url'], 8192);
  const html = str(p['html'], 20 * 1024 * 1024);
  if (!url || !/^https?:\/\//i.test(url)) return 'The page’s address is missing or is not a web address.';
  if (!html?.trim()) return 'The page’s content is missing.';
  const title = str(p['title'], 1000)?.trim();
  const selection = str(p['selection'], 1_000_000)?.trim();
  return { url, html, ...(title && { title }), ...(selection && { selection }) };
}

/** Builds the request handler for `http.createServer`. `port` is the one the server listens on. */
export function createClipHandler(opts: HandlerOptions, port: () => number) {
  const maxBytes = opts.maxBytes ?? 15 * 1024 * 1024;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const asForm = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    const reply = (status: number, body: { ok: boolean; id?: string; title?: string; error?: string }) =>
      asForm ? replyHtml(res, status, body) : replyJson(res, status, body);
    const fail = (status: number, error: string) => reply(status, { ok: false, error });
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return fail(403, 'Only this computer may clip to Gloss.');
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) return fail(403, 'Unexpected Host header.');
    if (!opts.limiter.take()) return fail(429, 'Too many clips at once; wait a minute and try again.');
    if (req.method === 'OPTIONS') return void res.writeHead(204, preflightHeaders()).end();
    if ((req.url ?? '').split('?')[0] !== '/clip') return fail(404, 'Not found: the bookmarklet posts to /clip.');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST, OPTIONS');
      return fail(405, 'Send the page with POST.');
    }
    const body = await readBody(req, maxBytes).catch(() => null);
    if (!body) {
      res.setHeader('connection', 'close');
      return fail(413, `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, so it was not clipped.`);
    }
    const payload = parsePayload(body, req.headers['content-type'] ?? '');
    if (!payload) return fail(400, 'The request is not the JSON the bookmarklet sends.');
    const token = typeof payload['token'] === 'string' ? payload['token'] : '';
    if (!token) return fail(401, 'The request carries no token: drag the bookmarklet from Gloss’s Settings again.');
    if (!sameToken(token, opts.token()))
      return fail(403, 'The token is wrong: drag the bookmarklet from Gloss’s Settings again.');
    const request = checkRequest(payload);
    if (typeof request === 'string') return fail(400, request);
    try {
      const clip = await opts.clip(request);
      return reply(200, { ok: true, id: clip.id, title: clip.title });
    } catch (error) {
      return fail(422, toErrorInfo(error).message);
    }
  };
}

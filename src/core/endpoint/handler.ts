/**
 * The local clip endpoint's request handling: `POST /clip` with `{ token, url, html, title?, selection? }`
 * (a page) or `{ token, url, kind: 'pdf', title? }` (a PDF viewer tab: the address only) as JSON (from the
 * bookmarklet's fetch) or as the `payload` field of a form (its fallback). Checks run
 * cheapest and most telling first: loopback peer, Host header (DNS rebinding), method, size, token (and its
 * expiry), then the rate. Only requests with the right token count against their client's allowance (the
 * page origin); every other answer draws on one bucket for unauthenticated requests and preflights on their
 * own, so a flood of bad requests never locks the real bookmarklet out.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toErrorInfo } from '../errors';
import type { EndpointLimits } from './rateLimit';
import { replyHtml, replyJson, preflightHeaders, type Reply } from './replies';
import type { EndpointRequestRecord } from './types';

/**
 * What the bookmarklet sends, checked, with the origin of the page it came from: a page's HTML, or (from a
 * browser's PDF viewer) only the PDF's address, which Gloss downloads itself.
 */
export type ClipRequest = { url: string; origin: string | null } & (
  { kind: 'page'; html: string; title?: string; selection?: string } | { kind: 'pdf' }
);

/** What became of a clip request: a new clip, or an update of one that waits for the person in the app. */
export interface ClipOutcome {
  id: string;
  title: string;
  waiting: boolean;
}

export interface HandlerOptions {
  /** The secret the request must carry and when it expires (read on every request, so changes count at once). */
  token(): { value: string; expiresAt: string | null };
  /** Clips the page; the answer names the clip. */
  clip(request: ClipRequest): Promise<ClipOutcome>;
  limits: EndpointLimits;
  /** Largest body accepted (default 15 MB). */
  maxBytes?: number;
  /** Told of every request answered (not preflights). */
  record?(entry: Omit<EndpointRequestRecord, 'at'>): void;
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

function checkRequest(p: Record<string, unknown>, origin: string | null): ClipRequest | string {
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
  const url = str(p['url'], 8192);
  if (!url || !/^https?:\/\//i.test(url)) return 'The page’s address is missing or is not a web address.';
  // A PDF's own details name it better than the viewer tab's title (often the file's name); the viewer's
  // place in the file (`#page=3`) is not part of its address.
  if (p['kind'] === 'pdf') return { kind: 'pdf', url: url.split('#')[0]!, origin };
  const html = str(p['html'], 20 * 1024 * 1024);
  if (!html?.trim()) return 'The page’s content is missing.';
  const title = str(p['title'], 1000)?.trim();
  const selection = str(p['selection'], 1_000_000)?.trim();
  return { kind: 'page', url, html, origin, ...(title && { title }), ...(selection && { selection }) };
}

/** The page's origin as the browser sent it (`null` for none or the opaque "null"), at most 200 characters. */
function originOf(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin !== 'null' && origin.length <= 200 ? origin : null;
}

const expired = (expiresAt: string | null) => expiresAt !== null && Date.parse(expiresAt) <= Date.now();

/** Builds the request handler for `http.createServer`. `port` is the one the server listens on. */
export function createClipHandler(opts: HandlerOptions, port: () => number) {
  const maxBytes = opts.maxBytes ?? 15 * 1024 * 1024;
  const { limits } = opts;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const asForm = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    const origin = originOf(req);
    const reply = (status: number, body: Reply) => {
      opts.record?.({ origin, status, outcome: !body.ok ? 'refused' : body.waiting ? 'waiting' : 'clipped' });
      return asForm ? replyHtml(res, status, body) : replyJson(res, status, body);
    };
    const fail = (status: number, error: string) => reply(status, { ok: false, error });
    const tooMany = () => fail(429, 'Too many requests at once; wait a minute and try again.');
    /** Any answer but a clip draws on the unauthenticated allowance. */
    const refuse = (status: number, error: string) => (limits.unauthenticated.take() ? fail(status, error) : tooMany());
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return fail(403, 'Only this computer may clip to Gloss.');
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) return fail(403, 'Unexpected Host header.');
    if (req.method === 'OPTIONS') {
      if (!limits.preflight.take()) return void res.writeHead(429, preflightHeaders()).end();
      return void res.writeHead(204, preflightHeaders()).end();
    }
    if ((req.url ?? '').split('?')[0] !== '/clip') return refuse(404, 'Not found: the bookmarklet posts to /clip.');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST, OPTIONS');
      return refuse(405, 'Send the page with POST.');
    }
    const body = await readBody(req, maxBytes).catch(() => null);
    if (!body) {
      res.setHeader('connection', 'close');
      return refuse(413, `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, so it was not clipped.`);
    }
    const payload = parsePayload(body, req.headers['content-type'] ?? '');
    if (!payload) return refuse(400, 'The request is not the JSON the bookmarklet sends.');
    const token = typeof payload['token'] === 'string' ? payload['token'] : '';
    const expected = opts.token();
    if (!token) return refuse(401, 'The request carries no token: drag the bookmarklet from Gloss’s Settings again.');
    if (!sameToken(token, expected.value))
      return refuse(403, 'The token is wrong: drag the bookmarklet from Gloss’s Settings again.');
    if (expired(expected.expiresAt))
      return refuse(403, 'The bookmarklet has expired: make a new one in Gloss’s Settings and drag it again.');
    if (!limits.client(origin ?? '').take()) return tooMany();
    const request = checkRequest(payload, origin);
    if (typeof request === 'string') return fail(400, request);
    try {
      const clip = await opts.clip(request);
      if (!clip.waiting) return reply(200, { ok: true, id: clip.id, title: clip.title });
      return reply(202, {
        ok: true,
        waiting: true,
        id: clip.id,
        title: clip.title,
        message: `Gloss already has “${clip.title}”: the new version waits in the app for you to compare and apply.`,
      });
    } catch (error) {
      return fail(422, toErrorInfo(error).message);
    }
  };
}

/**
 * How the clip endpoint answers: JSON for the bookmarklet's fetch, a small page for its form fallback
 * (which opens in a tab of its own). Every answer may be read by any page (the token, not the origin,
 * is what protects the endpoint) and is never cached.
 */
import type { ServerResponse } from 'node:http';

export interface Reply {
  ok: boolean;
  id?: string;
  title?: string;
  error?: string;
  /** The clip exists: its new version waits in the app (`message` says so). */
  waiting?: boolean;
  message?: string;
}

const COMMON = { 'access-control-allow-origin': '*', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** The answer to a CORS / Private Network Access preflight: POST with a Content-Type, nothing more. */
export function preflightHeaders(): Record<string, string> {
  return {
    ...COMMON,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
    'access-control-allow-private-network': 'true',
    'access-control-max-age': '600',
  };
}

/** Sends `body` as JSON. */
export function replyJson(res: ServerResponse, status: number, body: Reply): void {
  res.writeHead(status, { ...COMMON, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Sends `body` as a tiny page with no script and nothing loaded from anywhere. */
export function replyHtml(res: ServerResponse, status: number, body: Reply): void {
  const message = body.ok
    ? `${body.message ?? `Clipped to Gloss: “${body.title ?? ''}”.`} You can close this tab.`
    : `Gloss could not clip the page: ${body.error ?? ''}`;
  res
    .writeHead(status, {
      ...COMMON,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    })
    .end(
      `<!doctype html><meta charset="utf-8"><title>Gloss</title><p style="font:16px system-ui,sans-serif;margin:40px">${escapeHtml(message)}</p>`,
    );
}

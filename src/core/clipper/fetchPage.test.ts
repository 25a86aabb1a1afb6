import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossError } from '../errors';
import { fetchPage } from './fetchPage';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base = '';
let host = '';

/** windows-1251 bytes for "Привет, мир" (encoded by hand: Node cannot encode legacy charsets). */
const CP1251_PRIVET = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]);
/** windows-1252 bytes for "‘Café’ costs €5 — “ok”": curly quotes, euro and dash are bytes 0x80–0x9F. */
const CP1252_CAFE = Buffer.from([
  0x91, 0x43, 0x61, 0x66, 0xe9, 0x92, 0x20, 0x63, 0x6f, 0x73, 0x74, 0x73, 0x20, 0x80, 0x35, 0x20, 0x97, 0x20, 0x93,
  0x6f, 0x6b, 0x94,
]);
/** Shift_JIS bytes for "日本語". */
const SJIS_NIHONGO = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]);

function html(res: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8'): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

beforeAll(async () => {
  routes.set('/ok', (_q, r) => html(r, '<!doctype html><title>Hi</title><p>Hello</p>'));
  routes.set('/r1', (_q, r) => {
    r.writeHead(302, { location: '/r2' });
    r.end();
  });
  routes.set('/r2', (_q, r) => {
    r.writeHead(301, { location: `${base}/r3` });
    r.end();
  });
  routes.set('/r3', (_q, r) => {
    r.writeHead(307, { location: 'ok' });
    r.end();
  });
  routes.set('/loop-a', (_q, r) => {
    r.writeHead(302, { location: '/loop-b' });
    r.end();
  });
  routes.set('/loop-b', (_q, r) => {
    r.writeHead(302, { location: '/loop-a' });
    r.end();
  });
  routes.set('/to-file', (_q, r) => {
    r.writeHead(302, { location: 'file:///etc/passwd' });
    r.end();
  });
  for (let i = 0; i < 15; i++) {
    routes.set(`/chain${i}`, (_q, r) => {
      r.writeHead(302, { location: `/chain${i + 1}` });
      r.end();
    });
  }
  routes.set('/missing', (_q, r) => {
    r.writeHead(404, { 'content-type': 'text/html' });
    r.end('<h1>Not here</h1>');
  });
  routes.set('/broken', (_q, r) => {
    r.writeHead(500);
    r.end('oops');
  });
  routes.set('/doc.pdf', (_q, r) => html(r, '%PDF-1.7', 'application/pdf'));
  routes.set('/data.json', (_q, r) => html(r, '{"a":1}', 'application/json; charset=utf-8'));
  routes.set('/slow', (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.write('<p>start');
    const t = setInterval(() => r.write(' drip'), 50);
    r.on('close', () => clearInterval(t));
  });
  routes.set('/big', (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < 50 && r.write(chunk)) sent++;
      if (sent < 50) r.once('drain', pump);
      else r.end();
    };
    pump();
  });
  routes.set('/bomb', (_q, r) => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0));
    r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length });
    r.end(bomb);
  });
  routes.set('/cp1251-header', (_q, r) =>
    html(r, Buffer.concat([Buffer.from('<p>'), CP1251_PRIVET, Buffer.from('</p>')]), 'text/html; charset=windows-1251'),
  );
  routes.set('/cp1251-meta', (_q, r) =>
    html(
      r,
      Buffer.concat([
        Buffer.from(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>',
        ),
        CP1251_PRIVET,
        Buffer.from('</p>'),
      ]),
      'text/html',
    ),
  );
  routes.set('/cp1252-header', (_q, r) =>
    html(r, Buffer.concat([Buffer.from('<p>'), CP1252_CAFE, Buffer.from('</p>')]), 'text/html; charset=windows-1252'),
  );
  // Browsers read a page labelled ISO-8859-1 as windows-1252 (WHATWG Encoding): Western pages rely on it.
  routes.set('/latin1-meta', (_q, r) =>
    html(
      r,
      Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>'), CP1252_CAFE, Buffer.from('</p>')]),
      'text/html',
    ),
  );
  routes.set('/sjis', (_q, r) =>
    html(
      r,
      Buffer.concat([Buffer.from('<meta charset="Shift_JIS"><p>'), SJIS_NIHONGO, Buffer.from('</p>')]),
      'text/html',
    ),
  );
  routes.set('/bom', (_q, r) =>
    html(r, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Ünïcödé</p>')]), 'text/html'),
  );
  routes.set('/reset', (q) => q.socket.destroy());
  routes.set('/reset-mid-body', (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html', 'content-length': 1000 });
    r.write('<p>partial');
    setTimeout(() => r.socket?.destroy(), 20);
  });
  server = createServer((req, res) => {
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler) handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<GlossError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError);
    return error as GlossError;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchPage', () => {
  it('fetches an HTML page', async () => {
    const page = await fetchPage(`${base}/ok`);
    expect(page).toEqual({
      url: `${base}/ok`,
      html: '<!doctype html><title>Hi</title><p>Hello</p>',
      contentType: 'text/html',
    });
  });

  it('follows a chain of relative and absolute redirects and reports the final URL', async () => {
    expect((await fetchPage(`${base}/r1`)).url).toBe(`${base}/ok`);
  });

  it('stops redirect loops and over-long chains', async () => {
    const loop = await failure(fetchPage(`${base}/loop-a`));
    expect(loop.code).toBe('too-many-redirects');
    expect(loop.message).toContain(host);
    const chain = await failure(fetchPage(`${base}/chain0`, { maxRedirects: 5 }));
    expect(chain.code).toBe('too-many-redirects');
    expect((await fetchPage(`${base}/r1`, { maxRedirects: 3 })).url).toBe(`${base}/ok`);
  });

  it('refuses redirects to non-web schemes and non-web URLs', async () => {
    expect((await failure(fetchPage(`${base}/to-file`))).code).toBe('unsupported-url');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<p>x',
      'ftp://example.com/',
      'not a url',
    ]) {
      expect((await failure(fetchPage(url))).code).toBe('unsupported-url');
    }
  });

  it('reports HTTP errors with status and host', async () => {
    const notFound = await failure(fetchPage(`${base}/missing`));
    expect(notFound.code).toBe('http-status');
    expect(notFound.message).toBe(`The server ${host} answered 404 Not Found.`);
    const broken = await failure(fetchPage(`${base}/broken`));
    expect(broken.message).toContain('500 Internal Server Error');
  });

  it('refuses PDFs and JSON, naming the type', async () => {
    const pdf = await failure(fetchPage(`${base}/doc.pdf`));
    expect(pdf.code).toBe('unsupported-content');
    expect(pdf.message).toContain('PDF');
    expect(pdf.message).toContain(host);
    const json = await failure(fetchPage(`${base}/data.json`));
    expect(json.code).toBe('unsupported-content');
    expect(json.message).toContain('application/json');
  });

  it('times out on a body that drips forever', async () => {
    const slow = await failure(fetchPage(`${base}/slow`, { timeoutMs: 400 }));
    expect(slow.code).toBe('timeout');
    expect(slow.message).toContain(host);
  });

  it('can be cancelled by the caller', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await failure(fetchPage(`${base}/slow`, { signal: controller.signal }))).code).toBe('timeout');
  });

  it('aborts a body over the size cap', async () => {
    const big = await failure(fetchPage(`${base}/big`, { maxBytes: 1024 * 1024 }));
    expect(big.code).toBe('too-large');
    expect(big.message).toContain(host);
  });

  it('caps the decompressed size of a gzip bomb', async () => {
    const bomb = await failure(fetchPage(`${base}/bomb`, { maxBytes: 2 * 1024 * 1024 }));
    expect(bomb.code).toBe('too-large');
  });

  it('decodes windows-1251 by header and by meta tag, Shift_JIS by meta, and UTF-8 BOMs', async () => {
    expect((await fetchPage(`${base}/cp1251-header`)).html).toBe('<p>Привет, мир</p>');
    expect((await fetchPage(`${base}/cp1251-meta`)).html).toContain('<p>Привет, мир</p>');
    expect((await fetchPage(`${base}/sjis`)).html).toContain('<p>日本語</p>');
    expect((await fetchPage(`${base}/bom`)).html).toBe('<p>Ünïcödé</p>');
  });

  it('decodes windows-1252 (and pages labelled ISO-8859-1) with its quotes, dashes and euro sign', async () => {
    expect((await fetchPage(`${base}/cp1252-header`)).html).toBe('<p>‘Café’ costs €5 — “ok”</p>');
    expect((await fetchPage(`${base}/latin1-meta`)).html).toContain('<p>‘Café’ costs €5 — “ok”</p>');
  });

  it('reports reset connections and refused ports as unreachable', async () => {
    const reset = await failure(fetchPage(`${base}/reset`));
    expect(reset.code).toBe('unreachable');
    expect(reset.message).toContain(host);
    expect((await failure(fetchPage(`${base}/reset-mid-body`))).code).toBe('unreachable');
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    const refused = await failure(fetchPage(`http://127.0.0.1:${port}/`));
    expect(refused.code).toBe('unreachable');
    expect(refused.message).toBe(`127.0.0.1:${port} refused the connection.`);
  });

  it('reports unknown hosts as unreachable', async () => {
    // .invalid is reserved (RFC 2606) and never resolves, so no real network is involved.
    const dns = await failure(fetchPage('http://gloss-test.invalid/'));
    expect(dns.code).toBe('unreachable');
    expect(dns.message).toContain('gloss-test.invalid');
  });
});

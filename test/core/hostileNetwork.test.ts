/**
 * Clipping from a hostile web server, through the service's real clipUrl: a fault-injecting local server
 * answers with endless redirects, drips, bombs, bad charsets, huge nesting, resets and silence. Every
 * case ends within a bounded time (the fetch deadline plus generous slack for a loaded machine) with a
 * clear GlossError, or with a clip, and never with a crash. fetchPage.test.ts covers the basics.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossErrorCode } from '../../src/core/errors';
import { tempDir } from '../../src/core/library/testHelpers';
import { createGlossService, type GlossService } from '../../src/core/service';

const TIMEOUT_MS = 1500;
const MAX_BYTES = 2 * 1024 * 1024;
const ARTICLE = `<article><h1>Quiet rivers</h1>${'<p>The river ran quietly past the mill, and the miller counted the sacks of flour every evening before he went home.</p>'.repeat(8)}</article>`;

/** The article with its own title, so each charset case is a new clip rather than a duplicate. */
const articleNamed = (tag: string) => ARTICLE.replace('Quiet rivers', `Quiet rivers ${tag}`);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const bomb = (compress: (b: Buffer) => Buffer) => compress(Buffer.alloc(24 * 1024 * 1024, 0x20));
let GZIP_BOMB: Buffer;
let BROTLI_BOMB: Buffer;

const ROUTES: Record<string, Handler> = {
  '/endless': (req, res) =>
    res
      .writeHead(302, { location: `/endless?${Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0) + 1}` })
      .end(),
  '/drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write('<p>drip</p>'), 100);
    res.on('close', () => clearInterval(timer));
  },
  '/silent': () => {
    // Accepts the request and never sends a header.
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (res.write(chunk)) if (res.destroyed) return;
      res.once('drain', pump);
    };
    pump();
  },
  '/gzip-bomb': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(GZIP_BOMB),
  '/brotli-bomb': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(BROTLI_BOMB),
  '/lying-encoding': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('<p>not gzip at all</p>'),
  '/wrong-charset': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        Buffer.concat([
          Buffer.from(articleNamed('a').slice(0, 200)),
          Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0xff, 0xfe]),
          Buffer.from(articleNamed('a').slice(200)),
        ]),
      ),
  '/unknown-charset': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-charset' }).end(articleNamed('b')),
  '/no-charset': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from(articleNamed('c — ñandú'), 'utf8')),
  '/no-content-type': (_req, res) => res.writeHead(200).end(articleNamed('d')),
  '/nested': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<body>${'<div>'.repeat(100_000)}${ARTICLE}${'</div>'.repeat(100_000)}</body>`),
  '/reset-mid-body': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
    res.write('<p>half of the');
    setTimeout(() => req.socket.destroy(), 50);
  },
  '/reset-before-headers': (req) => req.socket.destroy(),
  '/redirect-to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
};

interface Outcome {
  ms: number;
  code?: GlossErrorCode | string;
  message?: string;
  title?: string;
}

describe('clipping from a hostile server', () => {
  let server: Server;
  let base: string;
  let library: string;
  let service: GlossService;

  beforeAll(async () => {
    GZIP_BOMB = bomb((b) => gzipSync(b, { level: 9 }));
    BROTLI_BOMB = bomb((b) => brotliCompressSync(b));
    server = createServer((req, res) =>
      (ROUTES[new URL(req.url!, 'http://x').pathname] ?? ((_q, r) => r.writeHead(404).end()))(req, res),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    library = await tempDir();
    service = await createGlossService({
      libraryDir: library,
      fetch: { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, maxRedirects: 10 },
    });
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
  });

  async function clip(url: string): Promise<Outcome> {
    const started = Date.now();
    try {
      const summary = await service.clipUrl({ url });
      return { ms: Date.now() - started, title: summary.title };
    } catch (error) {
      const e = error as { code?: string; message: string };
      return { ms: Date.now() - started, code: e.code, message: e.message };
    }
  }

  function expectError(outcome: Outcome, code: GlossErrorCode, message: RegExp): void {
    // That the call ends at all is the test's own timeout: no wall-clock bound here (the machine may be slow).
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ code, message: expect.stringMatching(message) });
  }

  it('stops endless redirects', async () =>
    expectError(await clip(`${base}/endless`), 'too-many-redirects', /redirect/i));
  it('gives up on a body that drips forever', async () =>
    expectError(await clip(`${base}/drip`), 'timeout', /127\.0\.0\.1/));
  it('gives up on a server that never sends headers', async () =>
    expectError(await clip(`${base}/silent`), 'timeout', /127\.0\.0\.1/));
  it('stops reading a body far over the size cap', async () =>
    expectError(await clip(`${base}/huge`), 'too-large', /larger than/));
  it('caps a gzip bomb by its inflated size', async () =>
    expectError(await clip(`${base}/gzip-bomb`), 'too-large', /larger than/));
  it('caps a brotli bomb by its inflated size', async () =>
    expectError(await clip(`${base}/brotli-bomb`), 'too-large', /larger than/));
  it('reports a body that is not the encoding it claims', async () => {
    const outcome = await clip(`${base}/lying-encoding`);
    expect(outcome.code, JSON.stringify(outcome)).toMatch(/^(unreachable|unsupported-content|extraction-failed)$/);
  });
  it('reports a connection reset in the middle of the body', async () =>
    expectError(await clip(`${base}/reset-mid-body`), 'unreachable', /127\.0\.0\.1/));
  it('reports a connection reset before any header', async () =>
    expectError(await clip(`${base}/reset-before-headers`), 'unreachable', /127\.0\.0\.1/));
  it('refuses a redirect to a file: URL', async () =>
    expectError(await clip(`${base}/redirect-to-file`), 'unsupported-url', /./));

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org/a',
    'about:blank',
    'not a url',
    'http://',
  ])('refuses %s before any request', async (url) => expectError(await clip(url), 'unsupported-url', /./));

  it.each(['/wrong-charset', '/unknown-charset', '/no-charset', '/no-content-type'])(
    'clips %s without crashing, or says why not',
    async (route) => {
      const outcome = await clip(`${base}${route}`);
      if (outcome.code) expect(outcome.code, outcome.message).toMatch(/^(unsupported-content|extraction-failed)$/);
      else expect(outcome.title).toMatch(/Quiet rivers/);
    },
  );

  it('refuses 100 000 nested divs quickly with a clear message, without a stack overflow or a blocked app', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const outcome = await clip(`${base}/nested`);
    const grown = process.memoryUsage().heapUsed - heapBefore;
    console.log(`nested divs: ${outcome.ms} ms, heap +${Math.round(grown / 2 ** 20)} MB, ${outcome.code ?? 'clipped'}`);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({
      code: 'extraction-failed',
      message: expect.stringMatching(/more than 256 levels deep/),
    });
    expect(grown).toBeLessThan(1024 * 2 ** 20);
  }, 90_000);
});

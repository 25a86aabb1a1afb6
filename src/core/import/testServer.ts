/**
 * Test helpers for imports, exports and re-clips: a real local HTTP server with an article, an
 * illustrated article (a real PNG), addresses that redirect to them, a page that can be switched
 * between missing and present, and fixtures with the server's address filled in.
 */
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/import');

/** The page the server serves at `/article`. */
export function articlePage(title: string): string {
  return `<!doctype html><html lang="en"><head><title>${title} | Harbour Review</title>
    <meta property="og:site_name" content="Harbour Review"><meta name="author" content="Ines Calder"></head><body>
    <article><h1>${title}</h1>
    <p>The turbines ran through the winter storms without a single unplanned stop.</p>
    ${Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}: operators say tidal energy is ready for the grid, and engineers in the estuary agree that the long winter proved it beyond doubt.</p>`).join('')}
    </article></body></html>`;
}

/** A 1×1 PNG, the picture of `/illustrated`. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** `/illustrated`: an article with a figure, served as `/figure.png`. */
export function illustratedPage(): string {
  return `<!doctype html><html lang="en"><head><title>Kelp Forests Return</title><meta name="author" content="Mara Quist"></head><body>
    <article><h1>Kelp Forests Return</h1><p><img src="/figure.png" alt="A kelp frond"></p>
    <p>Divers counted fronds along the whole reef without a single unplanned stop to the survey.</p>
    ${Array.from({ length: 5 }, (_, i) => `<p>Survey ${i + 1}: the kelp canopy is thicker than any year on record, and the urchins that stripped it a decade ago are gone from the shallows.</p>`).join('')}
    </article></body></html>`;
}

/** Addresses that redirect (301, then 302 on the second hop) and where they end up. */
export const REDIRECTS: Record<string, string> = {
  '/old-article': '/moved-article',
  '/moved-article': '/article',
  '/short/kelp': '/illustrated',
};

export interface TestServer {
  base: string;
  /** Whether `/gone` answers 404 (default) or, the page having moved, redirects to `/illustrated`. */
  setGone(gone: boolean): void;
  /** The paths asked for so far, in order (to tell whether a step fetched anything). */
  hits: string[];
  close(): Promise<void>;
}

/** Starts the server on a free local port. */
export async function startServer(): Promise<TestServer> {
  let gone = true;
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    hits.push(path);
    if (REDIRECTS[path] || (path === '/gone' && !gone)) {
      res.writeHead(path === '/moved-article' ? 302 : 301, { location: REDIRECTS[path] ?? '/illustrated' });
      res.end();
    } else if (path === '/illustrated') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(illustratedPage());
    } else if (path === '/figure.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG);
    } else if (path === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage('Tidal Power Comes of Age'));
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setGone: (value) => void (gone = value),
    hits,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Copies a fixture file or folder into `dir`, replacing `{{BASE}}` with the server's address. */
export async function fixtureCopy(name: string, dir: string, base: string): Promise<string> {
  const from = path.join(FIXTURES, name);
  const to = path.join(dir, name);
  await fs.cp(from, to, { recursive: true });
  const files = (await fs.stat(to)).isDirectory()
    ? (await fs.readdir(to, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [to];
  for (const file of files) {
    if (!/\.(csv|html|json|md)$/.test(file)) continue;
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replaceAll('{{BASE}}', base));
  }
  return to;
}

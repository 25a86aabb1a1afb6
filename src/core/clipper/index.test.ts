import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossError } from '../errors';
import { clipHtml, clipText, clipUrl } from './index';

const PAGE = readFileSync(new URL('../../../test/fixtures/clipper/article-page.html', import.meta.url));
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(301, { location: '/energy/tidal-power-moment' });
      res.end();
    } else if (req.url === '/energy/tidal-power-moment') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('clipUrl', () => {
  it('fetches, follows redirects and extracts a clean article with metadata', async () => {
    const draft = await clipUrl(`${base}/story`);
    expect(draft.origin).toBe('url');
    expect(draft.title).toBe('Tidal Power Finally Gets Its Moment');
    expect(draft.byline).toBe('Amelia Hart, Tom Reyes');
    expect(draft.site).toBe('The Coastal Review');
    expect(draft.published).toBe('2025-03-14T08:30:00.000Z');
    expect(draft.url).toBe(`${base}/energy/tidal-power-moment`);
    expect(draft.html).toContain(`<a href="${base}/places/pentland-firth">Pentland Firth</a>`);
    expect(draft.html).toContain(`src="${base}/images/turbine.jpg"`);
    for (const cruft of ['Subscribe', 'Advertisement', 'Great read', 'Related stories', 'All rights reserved']) {
      expect(draft.text).not.toContain(cruft);
    }
    for (const [, href] of draft.html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
  });

  it('takes a title override and passes fetch errors through', async () => {
    expect((await clipUrl(`${base}/story`, { title: 'Tides' })).title).toBe('Tides');
    await expect(clipUrl(`${base}/nope`)).rejects.toMatchObject({ code: 'http-status' });
    await expect(clipUrl('file:///etc/passwd')).rejects.toBeInstanceOf(GlossError);
  });
});

describe('clipText and clipHtml', () => {
  it('mark their origin', async () => {
    expect(clipText('A Title Line\n\nA body paragraph that is long enough to be a sentence.').origin).toBe('text');
    expect((await clipHtml(PAGE.toString('utf8'), { url: 'https://coastal.example/x' })).origin).toBe('html');
  });
});

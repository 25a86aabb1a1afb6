/**
 * Issue 18: the bookmarklet on a browser's PDF viewer tab, run in real Chromium (Debian's, headless) against
 * the real core's clip endpoint and a loopback site. No renderer is needed: the bookmarklet runs in the
 * site's tab, exactly the source Settings offers (evaluated in the page's own world, as a `javascript:`
 * bookmark runs). Covered: Chromium's own PDF viewer (`document.contentType` is `application/pdf`), a page
 * whose body is only an `<embed>` of a PDF, and a PDF the browser reads with its login cookie while Gloss,
 * which sends no cookies, gets the login page. Not covered: Firefox's viewer (no Firefox on this machine).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../src/core/library/testHelpers';
import { pdfFixture } from '../../src/core/pdf/testFixtures';
import { createGlossService, type GlossService } from '../../src/core/service';
import { CHROMIUM_ARGS } from './harness';

const paper = pdfFixture('paper.pdf');
const preprint = pdfFixture('preprint.pdf');
const LOGIN =
  '<!doctype html><html><head><title>Sign in</title></head><body><form><p>Sign in to read this article.</p><input name="user"></form></body></html>';

describe('the bookmarklet on a PDF viewer tab, in Chromium', () => {
  let service: GlossService;
  let site: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let bookmarklet: string;

  beforeAll(async () => {
    site = createServer((req, res) => {
      const pdf = (bytes: Uint8Array) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(bytes);
      if (req.url === '/pdf/2401.0042') pdf(paper);
      else if (req.url === '/files/preprint.pdf') pdf(preprint);
      else if (req.url === '/wrapped')
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<!doctype html><title>Preprint</title><body style="margin:0"><embed type="application/pdf" src="/files/preprint.pdf" style="width:100%;height:100vh"></body>',
          );
      // The journal shows its PDF to a reader with the session cookie, and a login page to anyone else.
      else if (req.url === '/journal/paper.pdf' && /session=reader/.test(req.headers.cookie ?? '')) pdf(paper);
      else if (req.url === '/journal/paper.pdf') res.writeHead(200, { 'content-type': 'text/html' }).end(LOGIN);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ready) => site.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    service = await createGlossService({ libraryDir: await tempDir() });
    bookmarklet = (await service.startClipEndpoint()).bookmarklet!;
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
    });
    context = await browser.newContext();
    await context.addCookies([{ name: 'session', value: 'reader', url: base }]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await new Promise((done) => site.close(done));
  });

  /** Opens `path` in a tab, runs the bookmarklet there and waits for what it tells the person. */
  async function clipFrom(path: string, told: string): Promise<Page> {
    const tab = await context.newPage();
    await tab.goto(base + path);
    await tab.evaluate(decodeURIComponent(bookmarklet.slice('javascript:'.length)));
    await tab.getByText(told).waitFor();
    return tab;
  }

  it('sends the address from Chromium’s PDF viewer, and Gloss clips the PDF it downloads', async () => {
    const tab = await clipFrom('/pdf/2401.0042', 'Clipped to Gloss: Tidal Rhythms in Coastal Reading Habits');
    expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    await tab.close();
    const clip = (await service.listClips()).find((c) => c.url === `${base}/pdf/2401.0042`);
    expect((await service.getClip(clip!.id)).meta.pdf).toMatchObject({ pages: 4, bytes: paper.byteLength });
  });

  it('sends the embedded PDF’s own address from a page that only wraps a PDF', async () => {
    const tab = await clipFrom('/wrapped', 'Clipped to Gloss: Margins That Remember');
    expect(await tab.evaluate(() => document.contentType)).toBe('text/html');
    await tab.close();
    const clip = (await service.listClips()).find((c) => c.url === `${base}/files/preprint.pdf`);
    expect((await service.getClip(clip!.id)).meta.pdf).toMatchObject({ bytes: preprint.byteLength });
  });

  it('tells the person to download a PDF that needs the browser’s login, and adds nothing', async () => {
    const before = (await service.listClips()).length;
    const tab = await clipFrom(
      '/journal/paper.pdf',
      'Gloss: This PDF needs your browser’s login; download it and drop the file into Gloss.',
    );
    // The browser itself was let in (its cookie): its viewer shows the PDF.
    expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    await tab.close();
    expect(await service.listClips()).toHaveLength(before);
  });
});

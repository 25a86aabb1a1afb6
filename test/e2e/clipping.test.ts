/**
 * Clipping that researchers trust, in the real renderer against the real core: clipping an article
 * again offers to update the clip (keeping its highlights) or keep both; downloaded images show offline.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { SCREENSHOTS_DIR, startHarness } from './harness';

const ARTICLE = `Tidal Power Comes of Age

The estuary turbines ran through every winter storm without a single unplanned stop, and the engineers who kept them turning wrote down what they learned.

Operators now say tidal energy is ready for the grid: the long winter proved it beyond doubt, and the next array is already being planned.`;

describe('Gloss UI: clipping', () => {
  let h: Harness;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    h = await startHarness({ images: true });
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function pasteClip(text: string, url: string) {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(text);
    await dialog.getByRole('textbox', { name: /Source URL/ }).fill(url);
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    return dialog;
  }

  it('offers to update the existing clip or keep both when the article is clipped again', async () => {
    const { page } = h;
    const first = await pasteClip(ARTICLE, 'https://news.example/tidal');
    await first.waitFor({ state: 'hidden' });
    await page.locator('.article-title', { hasText: 'Tidal Power Comes of Age' }).waitFor();

    const dialog = await pasteClip(
      `${ARTICLE}\n\nA correction was added later.`,
      'https://news.example/tidal?utm_source=feed#top',
    );
    const offer = dialog.locator('.duplicate-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('“Tidal Power Comes of Age” is already in your library');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'clip-duplicate.png') });
    await dialog.getByRole('button', { name: 'Update existing (keeps highlights)' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.article-body', { hasText: 'A correction was added later.' }).waitFor();
    expect(await h.service().listClips()).toHaveLength(1);

    const again = await pasteClip(ARTICLE, 'https://news.example/tidal');
    await again.getByRole('button', { name: 'Keep both' }).click();
    await again.waitFor({ state: 'hidden' });
    expect(await h.service().listClips()).toHaveLength(2);
    h.assertNoErrors();
  });

  it('shows the images it downloaded from the clip folder, not from the web', async () => {
    const { page } = h;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    let hits = 0;
    const server = createServer(
      (_req, res) => void (hits++, res.writeHead(200, { 'content-type': 'image/png' }).end(png)),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<article><h1>Harbour Pictures</h1><p>${ARTICLE.split('\n\n')[1]}</p><figure><img src="${base}/harbour.png" alt="The harbour" width="320" height="200"><figcaption>The harbour at dawn.</figcaption></figure><p>${ARTICLE.split('\n\n')[2]}</p></article>`;
      // The page comes from the same loopback server as its picture: Gloss fetches pictures from this computer only
      // for a page that came from it too.
      await h.service().clipHtml({ html, url: `${base}/harbour` });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
    // Clipped behind the page's back: reload so the library lists it.
    await page.reload();
    await page.locator('.app').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Library/ })
      .click();
    await page.locator('.clip-row', { hasText: 'Harbour Pictures' }).click();
    const img = page.locator('.article-body img');
    await img.waitFor();
    // A function's source, not an expression: Playwright evaluates it once; an expression is eval'd at every poll,
    // which the page's CSP (no 'unsafe-eval') refuses once the first try is not already true.
    await page.waitForFunction(`() => document.querySelector('.article-body img').complete`);
    expect(await img.getAttribute('src')).toMatch(/^\/gloss-asset\/[^/]+\/[0-9a-f]{32}\.png$/);
    expect(await page.evaluate(`document.querySelector('.article-body img').naturalWidth`)).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'clip-offline-image.png') });
    h.assertNoErrors();
  });

  it('edits a clip’s details from the reader, with the core’s message for a bad date', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit details' });
    await dialog.getByRole('textbox', { name: 'Author(s)' }).fill('Ines Calder');
    await dialog.getByRole('textbox', { name: 'Site or journal' }).fill('Harbour Review');
    await dialog.getByRole('textbox', { name: 'Published' }).fill('someday');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('not a date');
    await dialog.getByRole('textbox', { name: 'Published' }).fill('2024-05-17');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'clip-edit-details.png') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.article-meta .byline', { hasText: 'Ines Calder' }).waitFor();
    const meta = (await h.service().listClips()).find((c) => c.title === 'Harbour Pictures');
    expect(meta).toMatchObject({ byline: 'Ines Calder', site: 'Harbour Review', published: '2024-05-17' });
    h.assertNoErrors();
  });

  it('shows the bookmarklet in Settings, never runs it in the app, and a page sent to the endpoint appears at once', async () => {
    const { page } = h;
    const endpoint = await h.service().startClipEndpoint();
    await h.service().sendCommand('go-settings');
    const link = page.getByRole('link', { name: 'Clip to Gloss' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(endpoint.bookmarklet);
    expect(endpoint.bookmarklet).toMatch(/^javascript:/);
    await link.click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByText(`port ${endpoint.port}`, { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'settings-bookmarklet.png') });

    const token = (await h.service().getSettings()).clipEndpoint.token;
    const html = `<html><head><title>Letters from the Estuary</title></head><body><article><h1>Letters from the Estuary</h1><p>The ferryman kept a diary for forty years, noting every tide, every storm and every stranger who crossed with him to the island.</p><p>His letters, found in a chest in 2019, describe a river that no longer exists: mudflats where the turbines now stand.</p></article></body></html>`;
    const res = await fetch(`http://127.0.0.1:${endpoint.port}/clip`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=utf-8' },
      body: JSON.stringify({ token, url: 'https://letters.example/estuary', html, title: 'Letters from the Estuary' }),
    });
    expect(await res.json()).toMatchObject({ ok: true, title: 'Letters from the Estuary' });
    await h.service().sendCommand('go-library');
    await page.locator('.clip-row', { hasText: 'Letters from the Estuary' }).waitFor();
    h.assertNoErrors();
  });

  it('runs the bookmarklet on a page of another origin in a real browser: the page is clipped and told so', async () => {
    const endpoint = await h.service().getClipEndpoint();
    const article = `<html><head><title>The Ferry Diaries</title></head><body><nav>Home · News</nav><article><h1>The Ferry Diaries</h1><p>For forty years the ferryman noted every tide and every storm, and the diaries now fill eleven boxes in the county archive.</p><p>Historians say they are the best record of the estuary before the barrage was built.</p></article></body></html>`;
    const site = createServer(
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article),
    );
    await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
    const other = await h.context.newPage();
    try {
      await other.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/diaries`);
      await other.evaluate(decodeURIComponent(endpoint.bookmarklet!.slice('javascript:'.length)));
      await other.getByText('Clipped to Gloss: The Ferry Diaries').waitFor();
    } finally {
      await other.close();
      site.close();
    }
    expect(
      (await h.service().listClips()).some((c) => c.title === 'The Ferry Diaries' && c.url?.endsWith('/diaries')),
    ).toBe(true);
  });

  it('clips many files from "Open files…" with a progress bar and a result per file', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('tab', { name: 'Files' }).click();
    await dialog.getByRole('button', { name: 'Open files…' }).waitFor();
    const para =
      'The lock keeper opened the gates at dawn and wrote the level of the water in a ledger that has survived two floods and a fire.';
    await dialog.locator('input[type=file]').setInputFiles([
      {
        name: 'canal-notes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(`# Canal Notes\n\n${para}\n\nThe ledger is now in the county archive.`),
      },
      {
        name: 'saved-page.html',
        mimeType: 'text/html',
        buffer: Buffer.from(
          `<html><head><title>The Lock Keeper</title></head><body><article><h1>The Lock Keeper</h1><p>${para.replace('dawn', 'six')}</p><p>Visitors can read the ledger on Tuesdays.</p></article></body></html>`,
        ),
      },
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    ]);
    await dialog.getByRole('status').filter({ hasText: '2 of 3 clipped, 1 failed.' }).waitFor();
    expect(await dialog.locator('progress').getAttribute('value')).toBe('3');
    const rows = dialog.locator('.files-results li');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain('Clipped: Canal Notes');
    expect(await rows.nth(1).textContent()).toContain('Clipped: The Lock Keeper');
    expect(await rows.nth(2).textContent()).toContain('This PDF is cut off');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'clip-files.png') });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.clip-row', { hasText: 'Canal Notes' }).waitFor();
    h.assertNoErrors();
  });
  it('never loads a picture from the web while reading; "load from the web" stores it through the core', async () => {
    const { page } = h;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const hits: string[] = [];
    // The picture cannot be had while clipping (503), and can later: it stays a web address in the clip.
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (hits.length === 1) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Its own words, so the library does not take it for the pasted article (same text, other address).
      const html = `<article><h1>Pixel Tracking</h1><p>${ARTICLE.split('\n\n')[1]}</p><img src="${base}/pixel.png" alt="A chart"><p>The chart counts every reader a tracking pixel would have reported, had it been loaded.</p></article>`;
      await h.service().clipHtml({ html, url: `${base}/pixel-article` });
      expect(hits).toEqual(['/pixel.png']);
      await page.reload();
      await page.locator('.app').waitFor();
      await page.locator('.clip-row', { hasText: 'Pixel Tracking' }).click();
      const placeholder = page.getByRole('button', { name: /Picture not stored offline \(A chart\)/ });
      await placeholder.waitFor();
      expect(await placeholder.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
      // Opening the clip contacted nothing.
      expect(hits).toEqual(['/pixel.png']);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-remote-image.png') });
      await placeholder.click();
      await page.locator('.article-body img[src^="/gloss-asset/"]').waitFor();
      expect(hits).toEqual(['/pixel.png', '/pixel.png']);
      expect(
        (await h.service().getClip((await h.service().listClips()).find((c) => c.title === 'Pixel Tracking')!.id)).html,
      ).toMatch(/src="images\/[0-9a-f]{32}\.png"/);
    } finally {
      server.close();
    }
    h.assertNoErrors();
  });
});

/**
 * Clipping a web page by its address through the dialog: progress while the page is fetched, the reader's
 * header from the page's metadata, links that open outside the app, and the core's error messages shown
 * as they are written.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { REPO_ROOT, SCREENSHOTS_DIR, startHarness } from './harness';

const PAGE = readFileSync(join(REPO_ROOT, 'test/fixtures/clipper/article-page.html'), 'utf8');
const TITLE = 'Tidal Power Finally Gets Its Moment';
const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">
<defs><linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc7d8"/><stop offset="1" stop-color="#24566b"/></linearGradient></defs>
<rect width="1200" height="600" fill="url(#sea)"/><rect y="330" width="1200" height="270" fill="#1d4657" opacity=".6"/>
<g fill="#f4f1ea"><rect x="585" y="120" width="30" height="330"/><circle cx="600" cy="150" r="22"/>
<path d="M600 150 L560 40 L590 140Z"/><path d="M600 150 L720 190 L612 166Z"/><path d="M600 150 L520 240 L596 164Z"/></g></svg>`;

describe('Gloss UI: clipping a web address', () => {
  let h: Harness;
  let site: Server;
  let base: string;

  beforeAll(async () => {
    site = createServer((req, res) => {
      if (req.url === '/energy/tidal-power-moment') {
        // Slow enough to see the progress state.
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE), 600);
      } else if (req.url?.startsWith('/images/')) {
        res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(PICTURE);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      }
    });
    await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    h = await startHarness();
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
    await new Promise((ok) => site?.close(ok));
  });

  it('shows the core’s error verbatim when a page cannot be fetched', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Clip', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('tab', { name: 'Web address' }).click();
    const url = `${base}/missing`;
    await dialog.getByRole('textbox', { name: 'Web address' }).fill(url);
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    // Exactly what the core says, nothing added or lost.
    const expected = await h
      .service()
      .clipUrl({ url })
      .then(
        () => 'no error',
        (e: Error) => e.message,
      );
    await expect(alert.textContent()).resolves.toBe(expected);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    h.assertNoErrors();
  });

  it('clips a page by its address with progress, and opens it with its metadata', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Clip', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('tab', { name: 'Web address' }).click();
    await dialog.getByRole('textbox', { name: 'Web address' }).fill(`${base}/energy/tidal-power-moment`);
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    const busy = dialog.getByRole('button', { name: 'Fetching…' });
    await busy.waitFor();
    await expect(busy.isDisabled()).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: 'Cancel' }).isDisabled()).resolves.toBe(true);

    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.article-title', { hasText: TITLE }).waitFor();
    const meta = await page.locator('.article-meta').textContent();
    expect(meta).toContain('Amelia Hart');
    expect(meta).toMatch(/2025/);
    const original = page.getByRole('link', { name: /Open original/ });
    await expect(original.getAttribute('target')).resolves.toBe('_blank');
    await expect(original.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    // Every link in the article opens outside the app, and nothing executable survived.
    const links = await page.evaluate(
      `[...document.querySelectorAll('.article-body a')].map((a) => [a.getAttribute('href'), a.target, a.rel])`,
    );
    for (const [href, target, rel] of links as Array<[string | null, string, string]>) {
      if (href === null) continue;
      expect(href).toMatch(/^https?:/);
      expect(target).toBe('_blank');
      expect(rel).toBe('noopener noreferrer');
    }
    await expect(
      page.locator('.article-body script, .article-body style, .article-body iframe, .article-body [style]').count(),
    ).resolves.toBe(0);
    await expect(page.locator('.text-warning').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toBe(`${TITLE} · Gloss`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-web.png') });
    h.assertNoErrors();
  });
});

/**
 * Issue 19, item 1, in the reader: a new version of a clip sent from the browser (here by a page that stole
 * the bookmarklet's token) shows as "Updated from the browser" with its origin; Compare shows what it would
 * change, Discard keeps the clip as it was, and Apply puts the new text in place only when the person asks.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointLimits } from '../../src/core/endpoint/rateLimit';
import { send } from '../../src/core/endpoint/testNetwork';
import { SCREENSHOTS_DIR, useHarness } from './harness';

const article = (
  figure: string,
) => `<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>
<p>The harbour authority reported a ${figure} this year, the council said on Tuesday after a long meeting.</p>
<p>Maintenance costs fell by a third as the new cranes needed fewer repairs than the old ones did.</p>
</article></body></html>`;

describe('Gloss UI: an update from the browser', () => {
  const h = useHarness();

  it('waits in the reader with its origin: compare, discard, then apply a later one', async () => {
    const { page } = h();
    const port = (
      await h()
        .service()
        .startClipEndpoint({ limits: endpointLimits(1000) })
    ).port!;
    const token = (await h().service().getSettings()).clipEndpoint.token;
    const post = (figure: string, origin: string) =>
      send(port, {
        origin,
        body: JSON.stringify({ token, url: 'https://harbour.example/budget', html: article(figure) }),
      });
    expect((await post('surplus of four million', 'https://harbour.example')).status).toBe(200);
    expect((await post('DEFICIT of forty million', 'https://evil.example')).status).toBe(202);

    await page.locator('.clip-row', { hasText: 'Harbour budget' }).first().click();
    const notice = page.getByRole('region', { name: 'Updated from the browser' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('https://evil.example');
    await expect(page.locator('.article-body').textContent()).resolves.toContain('surplus of four million');
    await notice.getByRole('button', { name: 'Compare' }).click();
    await expect(notice.locator('del').first().textContent()).resolves.toContain('surplus of four million');
    await expect(notice.locator('ins').first().textContent()).resolves.toContain('DEFICIT of forty million');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'browser-update.png') });
    await notice.getByRole('button', { name: 'Discard' }).click();
    await notice.waitFor({ state: 'hidden' });
    await expect(page.locator('.article-body').textContent()).resolves.not.toContain('DEFICIT');

    // The person clips the page again themselves; the notice comes back when the window regains focus.
    await post('surplus of five million', 'https://harbour.example');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Apply update' }).click();
    await notice.waitFor({ state: 'hidden' });
    await page.locator('.article-body', { hasText: 'surplus of five million' }).waitFor();
    h().assertNoErrors();
  });
});

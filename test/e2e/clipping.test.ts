/**
 * Clipping that researchers trust, in the real renderer against the real core: clipping an article
 * again offers to update the clip (keeping its highlights) or keep both.
 */
import { mkdirSync } from 'node:fs';
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
    h = await startHarness();
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

    const dialog = await pasteClip(`${ARTICLE}\n\nA correction was added later.`, 'https://news.example/tidal?utm_source=feed#top');
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
});

/**
 * The XSS corpus through the importers (Readwise CSV, Omnivore export, Pocket HTML and CSV whose pages a
 * real local server serves), a notebook page quoting hostile highlights, and a Markdown export of all of it
 * imported back, shown in the real renderer with the canary armed and the CSP off (so the sanitisers alone
 * are tested): library list, reader with hostile highlight notes, notebook quotes and search snippets.
 * The on-disk side of the same ways in: test/core/xssImporters.test.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../src/core/export/library';
import { importFrom } from '../../src/core/import';
import { HOSTILE_PAGE_TITLE, hostileNotebookPage } from '../fixtures/xss/notebook';
import { payloadBatches, XSS_SEARCH_WORD } from '../fixtures/xss/payloads';
import { startHostileSite, type HostileSite } from '../fixtures/xss/site';
import { writeHostileExports } from '../fixtures/xss/sources';
import { tempDir } from '../../src/core/library/testHelpers';
import type { Harness } from './harness';
import { SCREENSHOTS_DIR, startHarness } from './harness';
import { armCanary, drawEveryLibraryRow, canarySelfTest, openEveryClip, searchEach, SETTLE_MS } from './xssCanary';

/** Fewer, bigger batches than the core test: every payload still comes in through every importer. */
const BATCHES = payloadBatches(4);

describe('Gloss UI: nothing imported, quoted or re-imported ever runs', () => {
  let h: Harness;
  let site: HostileSite;
  let fired: string[] = [];
  let scratch: string;

  beforeAll(async () => {
    site = await startHostileSite(BATCHES);
    scratch = await tempDir('xss-views');
    h = await startHarness({ bypassCSP: true });
    fired = await armCanary(h);
    const service = h.service();
    const exports = await writeHostileExports(scratch, site.base, BATCHES);
    await importFrom(service, 'readwise', exports.readwiseCsv);
    await importFrom(service, 'omnivore', exports.omnivoreFolder);
    await importFrom(service, 'pocket', exports.pocketHtml);
    await importFrom(service, 'pocket', exports.pocketCsv);
    await hostileNotebookPage(service);
    // Everything exported to Markdown (notebook page included), the clips deleted, and that folder imported back
    // (into the same library Gloss would recognise every clip and import nothing).
    await exportLibrary(service, { format: 'md', out: join(scratch, 'markdown') });
    for (const clip of await service.listClips()) await service.deleteClip(clip.id);
    const again = await importFrom(service, 'folder', join(scratch, 'markdown'));
    expect(again.imported).toBe(BATCHES.length * 4 + 1);
    await h.open();
    await service.indexReady();
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('would see a payload that ran (canary self-test)', async () => {
    expect(await canarySelfTest(h, fired)).toEqual(['canary called: self-test']);
  });

  it('runs nothing in the library list', async () => {
    const rows = h.page.locator('.clip-row');
    await rows.first().waitFor();
    // Every clip imported back from the exported folder (the originals were deleted before).
    // The list is virtualised: scroll it through so that every row is drawn once.
    expect((await drawEveryLibraryRow(h.page)).size).toBe(BATCHES.length * 4 + 1);
    await h.page.waitForTimeout(SETTLE_MS);
    expect(fired).toEqual([]);
  });

  it('runs nothing when each re-imported clip is opened, hostile notes included', async () => {
    const clips = await h.service().listClips();
    expect(clips.filter((c) => c.highlightCount > 0).length).toBeGreaterThanOrEqual(BATCHES.length * 2);
    expect(await openEveryClip(h, fired)).toEqual([]);
  }, 300_000);

  it('runs nothing in a notebook page quoting hostile highlights', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).click();
    await page.locator('.page-row', { hasText: 'Hostile notebook' }).click();
    await page.locator('.quote-block').first().waitFor();
    await expect(page.getByRole('textbox', { name: 'Page title' }).inputValue()).resolves.toBe(HOSTILE_PAGE_TITLE);
    // The quotes, titles and notes are shown as the text they are.
    await expect(page.locator('.quote-block').first().textContent()).resolves.toContain(XSS_SEARCH_WORD);
    await expect.poll(() => page.locator('.quote-block').count()).toBeGreaterThan(100);
    await page.waitForTimeout(SETTLE_MS);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'xss-notebook.png') });
    expect(fired).toEqual([]);
  }, 60_000);

  it('runs nothing in search snippets over imported highlights, notes and pages', async () => {
    expect(await searchEach(h, fired, [XSS_SEARCH_WORD, 'readwise', 'omnivore', 'onerror', 'script', 'note'])).toEqual(
      [],
    );
    await h.page.screenshot({ path: join(SCREENSHOTS_DIR, 'xss-search.png') });
  }, 90_000);

  it('leaves the app and its bridge intact', async () => {
    await expect(
      h.page.evaluate(`typeof window.gloss.listClips === 'function' && typeof window.__xss === 'function'`),
    ).resolves.toBe(true);
    expect(fired).toEqual([]);
  });
});

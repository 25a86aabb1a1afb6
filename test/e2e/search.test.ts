/**
 * The search view's query chips: the filters of the query shown as chips that remove themselves from the
 * query when clicked, hints for what is not a filter, and results marked by kind; and the index's
 * background catch-up shown while it runs.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import type { Harness } from './harness';
import { SCREENSHOTS_DIR, startHarness } from './harness';
import { clipDir } from '../../src/core/library/clipFiles';

describe('Gloss UI: search filters as chips', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    const service = h.service();
    const harbour = await service.clipText({
      text: 'Harbour tides\n\nThe tidal barrage at the harbour turns the tides into power for the town.',
    });
    await service.updateClip({ id: harbour.id, site: 'harbour.example' });
    const river = await service.clipText({
      text: 'River tides\n\nUpriver, the tides reach the old mill twice a day and flood the meadows.',
    });
    await service.updateClip({ id: river.id, site: 'river.example' });
    const text = (await service.getClip(harbour.id)).text;
    const start = text.indexOf('tidal barrage');
    await service.addHighlight({
      clipId: harbour.id,
      start,
      end: start + 'tidal barrage'.length,
      note: 'tides as power',
    });
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the filters as chips, hints at unknown ones, and a click on a chip removes its filter', async () => {
    const { page } = h;
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search your library' });
    await box.fill('tides site:harbour.example kind:article colour:blue');

    const chips = page.getByRole('list', { name: 'Filters' });
    await chips.waitFor();
    await expect(chips.getByRole('button').allTextContents()).resolves.toEqual([
      'Site harbour.example',
      'Kind article',
    ]);
    await expect(page.getByRole('note').textContent()).resolves.toMatch(/“colour:” is not a filter/);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-hint.png') });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    const results = page.getByRole('listbox', { name: 'Results' });
    // "colour blue" is searched as words and matches nothing, so drop it first.
    await box.fill('tides site:harbour.example kind:article');
    await expect(page.getByRole('note').count()).resolves.toBe(0);
    await results.locator('.result').first().waitFor();
    await expect(results.locator('.result-title').allTextContents()).resolves.toEqual(['Harbour tides']);
    await expect(results.locator('.result').first().getAttribute('data-kind')).resolves.toBe('article');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-chips.png') });

    // Removing the kind filter brings the highlight back; removing the site filter brings the river.
    await chips.getByRole('button', { name: 'Kind article (remove filter)' }).click();
    await expect(box.inputValue()).resolves.toBe('tides site:harbour.example');
    await results.locator('.result[data-kind="highlight"]').first().waitFor();
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(/1 article, 1 highlight/);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-kinds.png') });
    await chips.getByRole('button', { name: 'Site harbour.example (remove filter)' }).click();
    await expect(box.inputValue()).resolves.toBe('tides');
    await expect(chips.count()).resolves.toBe(0);
    await results.locator('.result', { hasText: 'River tides' }).waitFor();
    // The box keeps the focus, so typing goes on.
    await expect(page.evaluate('document.activeElement?.getAttribute("aria-label")')).resolves.toBe(
      'Search your library',
    );
    h.assertNoErrors();
  });

  // A named pipe holds the catch-up on one clip until the test writes the clip's text into it (POSIX only).
  it.skipIf(process.platform === 'win32')(
    'says while the index is being brought up to date, and finds the clip once it is',
    async () => {
      const { page } = h;
      const estuary = await h.service().clipText({ text: 'Estuary tides\n\nThe estuary floods at every spring tide.' });
      const textFile = join(clipDir(h.libraryDir, estuary.id), 'article.txt');
      const text = await readFile(textFile, 'utf8');
      await rm(textFile);
      execFileSync('mkfifo', [textFile]);
      try {
        // Reopened, the index finds the clip's text file changed and reads it again: that read waits on the pipe.
        await h.restart();
        await page.keyboard.press('/');
        const status = page.getByRole('status').filter({ hasText: 'Bringing the search index up to date' });
        await expect(status.textContent()).resolves.toMatch(/: 0 of 1 clips\. Results may miss recent changes/);
        await writeFile(textFile, text);
        await status.waitFor({ state: 'detached' });
        await page.getByRole('combobox', { name: 'Search your library' }).fill('estuary');
        await page.getByRole('listbox', { name: 'Results' }).locator('.result', { hasText: 'Estuary tides' }).waitFor();
      } finally {
        await rm(textFile, { force: true });
        await writeFile(textFile, text);
      }
      h.assertNoErrors();
    },
  );
});

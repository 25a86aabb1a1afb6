/**
 * Damaged library files: the core moves them to quarantine and the UI says so, with the details,
 * while the rest of the library still opens.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, useHarness } from './harness';

describe('Gloss UI: library problems', () => {
  const h = useHarness();

  it('shows a dismissible banner with what was quarantined and why', async () => {
    const { page } = h();
    await h().service().clipText({
      text: 'A healthy clip\n\nThis clip is fine and should still open after the other one is set aside by the library.',
    });
    const broken = join(h().libraryDir, 'clips', '20250101-brokenaa');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'meta.json'), '{ "schema": 1, "title": ');
    await writeFile(join(broken, 'article.html'), '<p>orphaned</p>');
    await h().restart();

    const banner = page.getByRole('status', { name: 'Library problems' });
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(
      '1 file in your library could not be read and was moved to quarantine',
    );
    // The rest of the library is still there.
    await expect(page.locator('.clip-row').count()).resolves.toBe(1);

    await banner.getByRole('button', { name: 'Details' }).click();
    const item = banner.locator('.problems-list li').first();
    await item.waitFor();
    await expect(item.locator('.problem-file').textContent()).resolves.toContain('20250101-brokenaa');
    await expect(item.locator('.problem-where').textContent()).resolves.toMatch(/quarantine/);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'problems.png') });

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'hidden' });
    h().assertNoErrors();
  });

  it('repairs the quarantined clip from the banner after “Restore as is” says it is still damaged', async () => {
    const { page } = h();
    // The banner was dismissed above: a restart shows it again, as a new session would.
    await h().restart();
    const banner = page.getByRole('status', { name: 'Library problems' });
    await banner.getByRole('button', { name: 'Details' }).click();
    const item = banner.locator('.problems-list li').filter({ hasText: '20250101-brokenaa' });
    await item.getByRole('button', { name: 'Restore as is' }).click();
    await expect(item.getByRole('alert').textContent()).resolves.toMatch(
      /still damaged: meta\.json is not valid JSON.*choose Repair/,
    );

    await item.getByRole('button', { name: 'Repair…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Repair a damaged clip' });
    await dialog.waitFor();
    await expect(dialog.locator('[data-field="title"] dd').textContent()).resolves.toBe('orphaned from the article');
    await expect(dialog.locator('[data-field="clippedAt"] dd').textContent()).resolves.toBe(
      'Jan 1, 2025 from the clip’s id',
    );
    await expect(dialog.textContent()).resolves.toContain(
      'the damaged file is kept as clips/20250101-brokenaa/meta.json.damaged',
    );
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'problems-repair.png') });
    await dialog.getByRole('button', { name: 'Repair', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // Fixed problems leave the list: here the only one, so the banner goes; the clip is back in the library.
    await banner.waitFor({ state: 'detached' });
    await page.locator('.clip-row', { hasText: 'orphaned' }).waitFor();
    await expect(readFile(join(h().libraryDir, 'clips/20250101-brokenaa/meta.json.damaged'), 'utf8')).resolves.toBe(
      '{ "schema": 1, "title": ',
    );
    expect((await h().service().getLibraryInfo()).problems).toEqual([]);
    h().assertNoErrors();
  });

  it('marks a highlight whose text is gone as couldn’t be placed, and still lets it be deleted', async () => {
    const { page } = h();
    const clip = await h().service().clipText({
      text: 'Changing words\n\nThe first version of this article says that the harbour opens at dawn every single day of the year.',
    });
    const doc = await h().service().getClip(clip.id);
    const quote = 'the harbour opens at dawn';
    const start = doc.text.indexOf(quote);
    await h()
      .service()
      .addHighlight({ clipId: clip.id, start, end: start + quote.length, color: 'green' });
    // The article is rewritten on disk (say, by hand or by sync) and the quoted words disappear.
    await writeFile(
      join(h().libraryDir, 'clips', clip.id, 'article.html'),
      '<p>A completely different text about mountains, snow and the long walk up to the hut.</p>',
    );
    await rm(join(h().libraryDir, 'clips', clip.id, 'article.txt'), { force: true });
    await h().restart();
    await page.locator('.clip-row', { hasText: 'Changing words' }).click();
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    const item = panel.locator('.hl-item', { hasText: quote });
    await item.waitFor();
    await expect(item.locator('.hl-orphan').textContent()).resolves.toMatch(/Couldn’t be placed/);
    await expect(page.evaluate(`CSS.highlights.has('gloss-green')`)).resolves.toBe(false);
    await item.getByRole('button', { name: 'Delete highlight' }).click();
    await item.waitFor({ state: 'detached' });
    await expect(
      h()
        .service()
        .getClip(clip.id)
        .then((d) => d.highlights.length),
    ).resolves.toBe(0);
    h().assertNoErrors();
  });
});

/**
 * Sync conflicts in the UI: a conflicted copy that Dropbox left beside a clip's meta.json is offered with
 * both paths, and keeping the other version puts it in use (the replaced one goes to the trash).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, useHarness } from './harness';

describe('Gloss UI: sync conflicts', () => {
  const h = useHarness();

  it('offers both versions and keeps the one chosen', async () => {
    const { page } = h();
    const clip = await h().service().clipText({
      text: 'Tide tables\n\nThe harbour master posts the tide tables every Monday, and the fishermen copy them into their notebooks.',
    });
    const folder = join(h().libraryDir, 'clips', clip.id);
    const meta = JSON.parse(await readFile(join(folder, 'meta.json'), 'utf8'));
    const copy = "meta (Alice's conflicted copy 2025-01-01).json";
    await writeFile(join(folder, copy), JSON.stringify({ ...meta, title: 'Tide tables (edited on the laptop)' }));
    await h().restart();

    const banner = page.getByRole('status', { name: 'Sync conflicts' });
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('A sync tool left two versions of a file in your library');
    await expect(banner.locator('.problem-file').allTextContents()).resolves.toEqual([
      `clips/${clip.id}/meta.json`,
      `clips/${clip.id}/${copy}`,
    ]);
    await expect(banner.textContent()).resolves.toContain('copied by Dropbox');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'sync-conflict.png') });

    await banner.getByRole('button', { name: `Keep clips/${clip.id}/${copy}` }).click();
    await banner.waitFor({ state: 'detached' });
    await page.locator('.clip-row', { hasText: 'Tide tables (edited on the laptop)' }).waitFor();
    const trash = await readdir(join(h().libraryDir, 'trash'));
    expect(trash.some((name) => name.endsWith(`${clip.id}-meta.json`))).toBe(true);
    h().assertNoErrors();
  });
});

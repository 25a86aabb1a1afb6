/**
 * Damaged library files: the core moves them to quarantine and the UI says so, with the details,
 * while the rest of the library still opens.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { REPO_ROOT, startHarness } from './harness';

describe('Gloss UI: library problems', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows a dismissible banner with what was quarantined and why', async () => {
    const { page } = h;
    await h.service().clipText({
      text: 'A healthy clip\n\nThis clip is fine and should still open after the other one is set aside by the library.',
    });
    const broken = join(h.libraryDir, 'clips', '20250101-brokenaa');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'meta.json'), '{ "schema": 1, "title": ');
    await writeFile(join(broken, 'article.html'), '<p>orphaned</p>');
    await h.restart();

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
    await page.screenshot({ path: join(REPO_ROOT, 'docs/screenshots/problems.png') });

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'hidden' });
    h.assertNoErrors();
  });
});

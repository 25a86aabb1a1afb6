/**
 * axe-core (WCAG 2.1 A/AA, colour contrast included) on every main screen in the light and dark themes:
 * no serious or critical violations.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import type { Harness } from './harness';
import { SEED_TITLE, seedArticlePath, startHarness } from './harness';

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`Gloss UI: accessibility in the ${colorScheme} theme`, () => {
    let h: Harness;

    beforeAll(async () => {
      h = await startHarness({ colorScheme });
      const clip = await h.service().clipText({ text: readFileSync(seedArticlePath(), 'utf8') });
      await h.service().addHighlight({ clipId: clip.id, start: 200, end: 320, note: 'why it matters' });
      await h.open();
    });

    afterAll(async () => {
      await h?.close();
    });

    it('library, reader, search, settings and palette have no serious violations', async () => {
      const { page } = h;
      const nav = page.getByRole('navigation', { name: 'Main' });
      await page.locator('.clip-row').first().waitFor();
      await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe(colorScheme);
      const found: Record<string, string[]> = {};
      found['library'] = await seriousViolations(page);

      await page.locator('.clip-row').first().click();
      await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
      found['reader'] = await seriousViolations(page);
      await page.getByRole('button', { name: 'Reading preferences' }).click();
      found['reader preferences'] = await seriousViolations(page);
      await page.keyboard.press('Escape');

      await nav.getByRole('button', { name: /Search/ }).click();
      await page.keyboard.type('truce');
      await page.getByRole('listbox', { name: 'Results' }).locator('[role="option"]').first().waitFor();
      found['search'] = await seriousViolations(page);

      await nav.getByRole('button', { name: 'Settings' }).click();
      await page.getByText('Node.js').waitFor();
      found['settings'] = await seriousViolations(page);

      await page.keyboard.press('Control+K');
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
      found['palette'] = await seriousViolations(page);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Shift+?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      found['shortcuts'] = await seriousViolations(page);

      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length))).toEqual({});
      h.assertNoErrors();
    });
  });
}

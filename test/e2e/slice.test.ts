/**
 * The foundation flow in the real renderer against the real core: clip by paste, see it in the library,
 * open it, highlight a sentence, restart, find the highlight still painted and listed, search, and open a
 * result at the match. Screenshots of each screen go to SCREENSHOTS_DIR (1280×800).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import {
  inPage,
  PAINTED,
  SCREENSHOTS_DIR,
  SEED_SENTENCE,
  SEED_TITLE,
  SELECT_TEXT,
  seedArticlePath,
  startHarness,
} from './harness';

const SENTENCE = SEED_SENTENCE;
const BODY_WORD = 'Donbas';
const SHOTS = SCREENSHOTS_DIR;

const SECOND_CLIP = `On Slow Reading

Reading slowly is not a failure of speed but a choice about attention. When we mark a passage, we make a small promise to come back to it.

Marginalia used to be the reader's side of a conversation with the author. Highlights in a notebook can be the same thing, if they stay close to the text they came from.`;

/** Browser side: is the range's text inside the reader's visible scroll area? */
const FLASH_VISIBLE = `() => {
  const h = CSS.highlights.get('gloss-flash');
  if (!h) return null;
  const [range] = [...h];
  const box = document.querySelector('.reader-scroll').getBoundingClientRect();
  const r = range.getBoundingClientRect();
  return { text: range.toString(), visible: r.top >= box.top && r.bottom <= box.bottom };
}`;

describe('Gloss UI: the foundation slice', () => {
  let h: Harness;
  const seed = readFileSync(seedArticlePath(), 'utf8');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness();
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('starts with an empty library that says how to clip', async () => {
    const { page } = h;
    await expect(page.getByRole('heading', { name: 'Your library is empty' }).isVisible()).resolves.toBe(true);
    await page.getByText('paste the text of an article').waitFor();
    h.assertNoErrors();
  });

  it('clips pasted text through the dialog and opens it in the reader', async () => {
    const { page } = h;
    // A second, short clip first so the library has more than one row.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(SECOND_CLIP);
    await dialog.getByRole('textbox', { name: /Source URL/ }).fill('https://notes.example.org/slow-reading');
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    await page.locator('.article-title', { hasText: 'On Slow Reading' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    await dialog.waitFor();
    await expect(dialog.getByRole('tab', { name: 'Paste text' }).getAttribute('aria-selected')).resolves.toBe('true');
    const pasteArea = dialog.getByRole('textbox', { name: 'Article text' });
    await pasteArea.fill(seed);
    await inPage(
      page,
      `() => { const el = document.querySelector('.paste-area'); el.setSelectionRange(0, 0); el.scrollTop = 0; }`,
    );
    await page.screenshot({ path: join(SHOTS, 'clip-dialog.png') });
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    // The page's article text is the core's text, so offsets line up.
    await expect(page.locator('.text-warning').count()).resolves.toBe(0);
    h.assertNoErrors();
  });

  it('shows an error from the core inline in the dialog', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clip to your library' });
    await dialog.getByRole('tab', { name: 'Web address' }).click();
    await dialog.getByRole('textbox', { name: 'Web address' }).fill('ftp://example.invalid/file');
    await dialog.getByRole('button', { name: 'Clip', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim().length).toBeGreaterThan(5);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    h.assertNoErrors();
  });

  it('lists the clip in the library and opens it', async () => {
    const { page } = h;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Library/ })
      .click();
    const rows = page.locator('.clip-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    // Newest first.
    await expect(rows.first().locator('.clip-title').textContent()).resolves.toBe(SEED_TITLE);
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    h.assertNoErrors();
  });

  it('highlights a selected sentence from the floating toolbar', async () => {
    const { page } = h;
    const selected = await inPage<string>(page, SELECT_TEXT, SENTENCE);
    expect(selected).toBe(SENTENCE);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    await panel.locator('.hl-item', { hasText: SENTENCE }).waitFor();
    await expect(inPage<string[]>(page, PAINTED, 'gloss-yellow')).resolves.toContain(SENTENCE);
    await toolbar.waitFor({ state: 'hidden' });

    // A second highlight in another colour, via the keyboard, for the screenshot.
    await inPage(page, SELECT_TEXT, 'Washington and Moscow are working on a deal to end the war in Ukraine');
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: 'Highlight in blue' }).click();
    await panel.locator('.hl-item').nth(1).waitFor();
    await expect(inPage<string[]>(page, PAINTED, 'gloss-blue')).resolves.toHaveLength(1);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1800); // let the toolbar and flash settle
    await page.screenshot({ path: join(SHOTS, 'reader.png') });
    h.assertNoErrors();
  });

  it('keeps the highlight after a restart: still painted and listed', async () => {
    const { page } = h;
    await h.restart();
    await page.locator('.clip-row').first().click();
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    await panel.locator('.hl-item', { hasText: SENTENCE }).waitFor();
    await expect(inPage<string[]>(page, PAINTED, 'gloss-yellow')).resolves.toContain(SENTENCE);
    await expect(panel.locator('.hl-orphan').count()).resolves.toBe(0);

    // Clicking painted text picks that highlight in the panel.
    const spot = await inPage<{ x: number; y: number }>(
      page,
      `(text) => {
        const range = [...CSS.highlights.get('gloss-yellow')].find((r) => r.toString() === text);
        range.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }`,
      SENTENCE,
    );
    await page.mouse.click(spot.x, spot.y);
    await panel.locator('.hl-item.active', { hasText: SENTENCE }).waitFor();
    await expect(page.title()).resolves.toBe(`${SEED_TITLE} · Gloss`);

    await page.getByRole('button', { name: 'Library' }).first().click();
    await page.locator('.clip-row').first().waitFor();
    await page.locator('.clip-highlights', { hasText: '2 highlights' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'library.png') });
    h.assertNoErrors();
  });

  it('searches as you type and opens a result at the match', async () => {
    const { page } = h;
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search your library' });
    await box.waitFor();
    await expect(page.evaluate('document.activeElement?.getAttribute("aria-label")')).resolves.toBe(
      'Search your library',
    );

    // A word from the highlight: a Highlight result.
    await box.fill('European allies');
    const results = page.getByRole('listbox', { name: 'Results' });
    await results.locator('.result', { hasText: 'Highlight' }).first().waitFor();
    await expect(results.locator('mark').first().textContent()).resolves.toMatch(/european/i);

    // A word from the body: an Article result.
    await box.fill(BODY_WORD);
    const articleHit = results
      .locator('.result', { has: page.locator('.badge', { hasText: 'Article' }) })
      .filter({ has: page.locator('mark', { hasText: new RegExp(BODY_WORD, 'i') }) })
      .first();
    await articleHit.waitFor();
    await expect(articleHit.locator('.result-title').textContent()).resolves.toBe(SEED_TITLE);
    await expect(results.locator('.result').first().getAttribute('aria-selected')).resolves.toBe('true');
    await page.screenshot({ path: join(SHOTS, 'search.png') });

    // Choose it with the keyboard: the reader opens at the match and flashes it.
    await box.press('Enter');
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    // A function's source, not an expression: Playwright evaluates it once; an expression is eval'd at every poll,
    // which the page's CSP (no 'unsafe-eval') refuses once the first try is not already true.
    await page.waitForFunction(`() => (${FLASH_VISIBLE})()?.visible === true`);
    const flash = await inPage<{ text: string; visible: boolean }>(page, FLASH_VISIBLE);
    expect(flash.text.toLowerCase()).toContain(BODY_WORD.toLowerCase());
    h.assertNoErrors();
  });

  it('opens a highlight result at the highlight', async () => {
    const { page } = h;
    // "/" jumps to search (Ctrl/Cmd+K is the command palette).
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search your library' });
    await box.fill('European allies');
    const hit = page.getByRole('listbox', { name: 'Results' }).locator('.result', { hasText: 'Highlight' }).first();
    await hit.click();
    await page.locator('.article-title', { hasText: SEED_TITLE }).waitFor();
    await page.waitForFunction(`() => (${FLASH_VISIBLE})()?.visible === true`);
    const flash = await inPage<{ text: string }>(page, FLASH_VISIBLE);
    expect(flash.text).toBe(SENTENCE);
    await page.locator('.hl-item.active', { hasText: SENTENCE }).waitFor();
    h.assertNoErrors();
  });

  it('deletes a clip from the reader after confirmation', async () => {
    const { page } = h;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Library/ })
      .click();
    await page.locator('.clip-row', { hasText: 'On Slow Reading' }).click();
    await page.locator('.article-title', { hasText: 'On Slow Reading' }).waitFor();
    await page.getByRole('button', { name: 'Delete clip' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deletion' });
    await confirm.getByRole('button', { name: 'Keep' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Delete clip' }).click();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    await page.locator('.clip-row', { hasText: 'On Slow Reading' }).waitFor({ state: 'detached' });
    await expect(page.locator('.clip-row').count()).resolves.toBe(1);
    await expect(h.service().listClips()).resolves.toHaveLength(1);
    h.assertNoErrors();
  });
});

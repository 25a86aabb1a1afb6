/**
 * Follow-ups of issue 17 in the built renderer: the reader at the window's 640 px minimum (the highlights
 * drawer shows its highlights, Escape in "Update text" closes only the dialog), the Undo toast names a clip
 * deleted from the reader, and citations for a selection of clips made in the library list (Ctrl/Cmd-click,
 * Shift-click, the keyboard). One browser and library for the file.
 */
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { cslDataSchema } from '../../src/core/export/cslDataSchema';
import { inPage, SCREENSHOTS_DIR, useHarness } from './harness';

const ARTICLES = [
  {
    title: 'Kelp forests and the long view of a reef',
    text: 'Kelp forests\n\nDivers counted kelp fronds along the whole reef, twice a year, for a decade of summers. The fronds grew back after every storm, and the divers wrote down each one in a waterproof book.',
    byline: 'Ursula K. Le Guin',
    site: 'Harbour Review',
    published: '2023-02-01',
  },
  {
    title: 'Tidal power comes of age',
    text: 'Tidal power\n\nThe turbines in the bay ran through the winter storms without a single unplanned stop.',
    byline: 'Ledger Newsroom',
    site: 'The Eastern Ledger',
    published: '2024-08-09',
  },
  {
    title: 'Salt marsh birds in spring',
    text: 'Salt marsh\n\nThe marsh filled with redshanks and curlews as soon as the ice went out of the creeks.',
    byline: 'Ann Petrie',
    site: 'Field Notes',
    published: '2022-04-12',
  },
];

describe('Gloss UI: the reader in a narrow window, the Undo toast, citing a selection', () => {
  const harness = useHarness();
  const ids: string[] = [];

  it('opens the highlights drawer with every highlight at 640 px, and Escape in “Update text” closes only the dialog', async () => {
    const h = harness();
    const s = h.service();
    for (const a of ARTICLES) {
      const clip = await s.clipText({ text: a.text, title: a.title });
      await s.updateClip({ id: clip.id, byline: a.byline, site: a.site, published: a.published });
      ids.push(clip.id);
    }
    const kelp = ids[0]!;
    const words = ['Divers', 'kelp fronds', 'whole reef', 'twice a year', 'decade of summers', 'grew back', 'storm'];
    const text = (await s.getClip(kelp)).text;
    for (const w of words) {
      const at = text.indexOf(w);
      await s.addHighlight({ clipId: kelp, start: at, end: at + w.length });
    }
    s.sendCommand('reload-library');
    const { page } = h;
    // The window is narrow before the reader opens: the panel is a drawer from the start.
    await page.setViewportSize({ width: 640, height: 600 });
    await page.locator(`[data-clip-id="${kelp}"]`).first().click();
    await page.locator('.article-title').waitFor();
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.locator('.drawer-toggle').click();
    await expect.poll(() => panel.isVisible()).toBe(true);
    const items = panel.locator('.hl-item');
    await expect.poll(() => items.count()).toBe(words.length);
    // The first card is drawn inside the window, and the last one is reached by scrolling the drawer.
    await expect.poll(async () => (await items.first().boundingBox())?.x ?? -1).toBeGreaterThan(0);
    expect(await items.first().isVisible()).toBe(true);
    await items.last().scrollIntoViewIfNeeded();
    const last = await items.last().boundingBox();
    expect(last!.y + last!.height).toBeLessThanOrEqual(601);
    expect(last!.x + last!.width).toBeLessThanOrEqual(640);
    await page.locator('.drawer-toggle').click();
    await expect.poll(() => panel.isVisible()).toBe(false);

    // "Update text" from the More menu: the dialog takes the focus, and Escape closes it, leaving the reader open.
    await page.getByRole('button', { name: 'More…' }).click();
    await page.getByRole('menuitem', { name: 'Update text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Update the article’s text' });
    await dialog.waitFor();
    await expect
      .poll(() => inPage<string>(page, '() => document.activeElement?.getAttribute("aria-label") ?? ""'))
      .toBe('New article text');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.locator('.article-title').textContent()).resolves.toBe(ARTICLES[0]!.title);
    // A second Escape, with no dialog, goes back to the library as before.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    h.assertNoErrors();
  });

  it('names the deleted clip in the Undo toast when the reader was opened from outside the library list', async () => {
    const h = harness();
    const { page } = h;
    // The library shows one collection, so the clip opened from search is not among its rows.
    await h.service().updateClip({ id: ids[0]!, collections: ['Reefs'] });
    h.service().sendCommand('reload-library');
    await page.keyboard.press('Control+1');
    await page.getByRole('group', { name: 'Collections' }).getByRole('button', { name: /Reefs/ }).click();
    await expect.poll(() => page.locator('.clip-row[data-clip-id]').count()).toBe(1);
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search your library' }).fill('redshanks');
    await page.getByRole('option').filter({ hasText: 'Salt marsh birds' }).first().click();
    await page.locator('.article-title').waitFor();
    await page.getByRole('button', { name: 'Delete clip' }).click();
    await page.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete' }).click();
    const toast = page.locator('.toast').filter({ hasText: 'Clip deleted' });
    await toast.waitFor();
    await expect(toast.locator('.toast-message').textContent()).resolves.toBe(ARTICLES[2]!.title);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.article-title').textContent()).resolves.toBe(ARTICLES[2]!.title);
  });

  it('cites a selection of clips made with Ctrl-click, Shift-click and the keyboard', async () => {
    const h = harness();
    const { page } = h;
    await inPage(
      page,
      `() => { window.__copied = []; navigator.clipboard.writeText = async (t) => { window.__copied.push(t); }; }`,
    );
    // Every clip again (the collection filter of the test above is taken off).
    await page.keyboard.press('Control+1');
    await page.getByRole('group', { name: 'Collections' }).getByRole('button', { name: /Reefs/ }).click();
    const rows = page.locator('.clip-row[data-clip-id]');
    await expect.poll(() => rows.count()).toBe(3);
    // Newest first: salt marsh, tidal power, kelp.
    const [salt, tidal, kelp] = [rows.nth(0), rows.nth(1), rows.nth(2)];
    await expect(salt.textContent()).resolves.toContain('Salt marsh');
    const bar = page.getByRole('toolbar', { name: 'Selected clips' });

    await salt.click({ modifiers: ['ControlOrMeta'] });
    await kelp.click({ modifiers: ['Shift'] });
    await expect(bar.textContent()).resolves.toContain('3 clips selected');
    await tidal.click({ modifiers: ['ControlOrMeta'] });
    await expect(bar.textContent()).resolves.toContain('2 clips selected');
    expect(await page.locator('.clip-row[data-selected]').allTextContents()).toEqual([
      expect.stringContaining('Salt marsh'),
      expect.stringContaining('Kelp forests'),
    ]);
    // Choosing is not opening.
    await expect(page.getByRole('heading', { name: 'Library' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'library-selection.png') });

    // The bar's action: BibTeX of exactly the two chosen clips, which parses, copied as shown.
    await bar.getByRole('button', { name: 'Export citations…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export citations' });
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Cite 2 selected clips');
    const preview = dialog.locator('.cite-preview');
    await expect.poll(() => preview.textContent()).toContain('@article{leguin2023kelp');
    const bib = (await preview.textContent())!;
    const titles = (new Cite(bib).data as Array<{ title: string }>).map((c) => c.title).sort();
    expect(titles).toEqual(['Kelp forests and the long view of a reef', 'Salt marsh birds in spring']);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => inPage<string[]>(page, '() => window.__copied')).toEqual([bib]);
    // The same two as CSL-JSON, valid by the CSL data schema.
    await dialog.waitFor({ state: 'detached' });
    await bar.getByRole('button', { name: 'Export citations…' }).click();
    await dialog.locator('label', { hasText: 'CSL-JSON' }).click();
    await expect.poll(() => preview.textContent()).toContain('"type": "article-magazine"');
    const items = cslDataSchema.parse(JSON.parse((await preview.textContent())!));
    expect(items.map((i) => i.title).sort()).toEqual(titles);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The keyboard: Escape on a row clears, Space chooses the focused row, Shift+Down adds the next one.
    await tidal.focus();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await expect(page.getByRole('heading', { name: 'Library' }).isVisible()).resolves.toBe(true);
    await salt.focus();
    await page.keyboard.press(' ');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(bar.textContent()).resolves.toContain('2 clips selected');
    await expect
      .poll(() => inPage<string>(page, '() => document.activeElement?.textContent ?? ""'))
      .toContain('Tidal power');
    // The context menu of a chosen row cites them all; so does the palette's Export citations.
    await tidal.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Export citations of 2 selected clips…' }).click();
    await dialog.locator('label', { hasText: 'APA' }).click();
    await expect.poll(() => preview.textContent()).toContain('Petrie, A. (2022, April 12).');
    expect(await preview.textContent()).toContain('Ledger Newsroom. (2024, August 9).');
    expect(await preview.textContent()).not.toContain('Le Guin');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Export citations');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Cite 2 selected clips');
    await page.keyboard.press('Escape');
    h.assertNoErrors();
  });
});

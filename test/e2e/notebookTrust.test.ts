/**
 * The notebook and reader you can trust (issue 17), in the built renderer: quote blocks keep the note's
 * formatting; deleting a quoted clip says which pages quote it, the Trash view restores and erases, and
 * quotes show where their source went; the layout at 640, 1024 and 1600 px; citation export from the app;
 * focus that follows the action. One browser and library for the file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../src/core/library/testHelpers';
import type { Harness } from './harness';
import { inPage, SCREENSHOTS_DIR, startHarness } from './harness';

const TEXT = `Tidal power comes of age

The turbines in the bay ran through the winter storms without a single unplanned stop. Operators now say tidal energy is ready for the grid, and the next array is already being planned.

Engineers measured the flow for three winters before building anything at all.`;

const text = (t: string, format = 0) => ({
  type: 'text',
  version: 1,
  text: t,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
/** A rich note: "Key claim" in bold, then a bullet list. */
const richNote = (first: string) => ({
  root: block('root', [
    block('paragraph', [text(first, 1), text(' of the article')], { textFormat: 0, textStyle: '' }),
    block(
      'list',
      [
        block('listitem', [text('winter storms')], { value: 1 }),
        block('listitem', [text('three winters')], { value: 2 }),
      ],
      { listType: 'bullet', start: 1, tag: 'ul' },
    ),
  ]),
});

describe('Gloss UI: notebook, trash, narrow windows and citations', () => {
  let h: Harness;
  let clipId: string;
  let otherId: string;
  let pageId: string;
  const QUOTE = 'tidal energy is ready for the grid';

  beforeAll(async () => {
    h = await startHarness();
    const s = h.service();
    const clip = await s.clipText({ text: TEXT, title: 'Tidal power comes of age' });
    clipId = clip.id;
    await s.updateClip({
      id: clipId,
      byline: 'Ledger Newsroom',
      site: 'The Eastern Ledger',
      published: '2024-08-09',
      url: 'https://ledger.example/tidal',
      collections: ['Thesis'],
    });
    const other = await s.clipText({
      text: 'Kelp forests\n\nDivers counted kelp fronds along the whole reef, twice a year, for a decade of summers.',
      title: 'Kelp forests and the long view of a reef',
    });
    otherId = other.id;
    await s.updateClip({ id: otherId, byline: 'Ursula K. Le Guin', site: 'Harbour Review', published: '2023-02-01' });
    const at = (await s.getClip(clipId)).text.indexOf(QUOTE);
    const hl = await s.addHighlight({ clipId, start: at, end: at + QUOTE.length });
    await s.updateHighlight({
      clipId,
      highlightId: hl.id,
      note: 'Key claim of the article',
      noteDoc: richNote('Key claim'),
    });
    const k = (await s.getClip(otherId)).text.indexOf('kelp fronds');
    await s.addHighlight({ clipId: otherId, start: k, end: k + 'kelp fronds'.length });
    const page = await s.createPage({ title: 'Chapter 1' });
    pageId = page.id;
    const h1 = (await s.getClip(clipId)).highlights[0]!;
    await s.savePage({
      id: pageId,
      title: 'Chapter 1',
      doc: {
        root: block('root', [
          block('paragraph', [text('The winter settled it:')], { textFormat: 0, textStyle: '' }),
          {
            type: 'gloss-quote',
            version: 1,
            clipId,
            highlightId: h1.id,
            quote: QUOTE,
            title: 'Tidal power comes of age',
            note: h1.note,
            noteDoc: h1.noteDoc,
          },
        ]),
      },
    });
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Closes the toasts left by earlier steps, so the README's screenshots show the view alone. */
  async function dismissToasts() {
    const buttons = h.page.locator('.toast').getByRole('button', { name: 'Dismiss' });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }

  async function openPage(title: string) {
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).click();
    await h.page
      .getByRole('button', { name: new RegExp(title) })
      .first()
      .click();
  }

  it('renders a quote’s note as rich text, kept in step with the highlight and in the page’s Markdown', async () => {
    const { page } = h;
    await openPage('Chapter 1');
    const quote = page.locator('.quote-block');
    await quote.locator('.quote-block-note .rt-bold').filter({ hasText: 'Key claim' }).waitFor();
    expect(await quote.locator('.quote-block-note li').allTextContents()).toEqual(['winter storms', 'three winters']);
    // The highlight's note changes (in the reader, say): the quote shows the new one.
    const [hl] = (await h.service().getClip(clipId)).highlights;
    await h
      .service()
      .updateHighlight({ clipId, highlightId: hl!.id, note: 'Main claim', noteDoc: richNote('Main claim') });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await openPage('Chapter 1');
    await quote.locator('.quote-block-note .rt-bold').filter({ hasText: 'Main claim' }).waitFor();
    const md = await readFile(join(h.service().libraryPath, 'pages', pageId, 'page.md'), 'utf8');
    expect(md).toContain('> Note: **Main claim** of the article\n>\n> - winter storms\n> - three winters');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'notebook-rich-quote.png') });
  });

  it('warns before deleting a quoted clip, shows the quote’s source in the Trash with Restore, and marks one gone for good', async () => {
    const { page } = h;
    const nav = page.getByRole('navigation', { name: 'Main' });
    // From the library's context menu: the prompt names the page that quotes the clip.
    await nav.getByRole('button', { name: 'Library' }).click();
    await page.locator(`[data-clip-id="${clipId}"]`).first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete clip' }).click();
    const prompt = page.getByRole('dialog', { name: 'Delete a quoted clip' });
    await expect(prompt.locator('.quoted-pages').textContent()).resolves.toContain('Chapter 1');
    await prompt.getByRole('button', { name: 'Move to Trash' }).click();
    await prompt.waitFor({ state: 'detached' });

    await openPage('Chapter 1');
    const quote = page.locator('.quote-block');
    await quote.locator('[data-source-state="trash"], .quote-block-status').first().waitFor();
    expect(await quote.getAttribute('data-source-state')).toBe('trash');
    await quote.getByRole('button', { name: 'Restore' }).click();
    await page.locator('.quote-block[data-source-state="library"]').waitFor();

    // From the reader: the inline confirmation names the page too.
    await quote.locator('button.quote-block-open').click();
    await page.getByRole('button', { name: 'Delete clip' }).click();
    await expect(page.getByRole('group', { name: 'Confirm deletion' }).textContent()).resolves.toMatch(
      /Quoted in “Chapter 1”/,
    );
    await page.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'Library' }).waitFor();

    // The Trash view lists it; erasing asks first.
    await nav.getByRole('button', { name: 'Trash' }).click();
    const row = page.locator('.trash-row').filter({ hasText: 'Tidal power comes of age' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('1 highlight');
    await dismissToasts();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'trash.png') });
    await row.getByRole('button', { name: /Delete .* forever/ }).click();
    await row.getByRole('button', { name: 'Delete forever' }).click();
    await row.waitFor({ state: 'detached' });
    await expect(h.service().listTrash()).resolves.toEqual([]);

    await openPage('Chapter 1');
    const gone = page.locator('.quote-block[data-source-state="gone"]');
    await gone.waitFor();
    await expect(gone.textContent()).resolves.toContain('Source deleted for good');
    expect(await gone.locator('button.quote-block-open').count()).toBe(0);
    expect(await gone.locator('.quote-block-text').textContent()).toBe(QUOTE);
    expect(await page.locator('body').textContent()).not.toContain('No clip with id');
    h.assertNoErrors();
  });

  it('fits 640, 1024 and 1600 px windows: highlights drawer, icon sidebar, More menu', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.locator(`[data-clip-id="${otherId}"]`).first().click();
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    const toggle = page.locator('.drawer-toggle');
    const title = page.locator('.article-title');
    await title.waitFor();

    await dismissToasts();
    await page.setViewportSize({ width: 1600, height: 900 });
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(toggle.isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-1600.png') });

    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => panel.isVisible()).toBe(false);
    await expect(toggle.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Update text' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-1024.png') });

    await page.setViewportSize({ width: 640, height: 760 });
    const sidebar = await page.locator('.sidebar').boundingBox();
    expect(sidebar!.width).toBeLessThanOrEqual(64);
    // The sidebar's places keep their names for screen readers.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Update text' }).isVisible()).resolves.toBe(false);
    const del = await page.getByRole('button', { name: 'Delete clip' }).boundingBox();
    expect(del!.x + del!.width).toBeLessThanOrEqual(640);
    const head = await title.boundingBox();
    expect(head!.width).toBeGreaterThan(400);
    await expect(title.evaluate((el) => getComputedStyle(el).fontSize)).resolves.not.toBe('34px');
    // The top bar is opaque over the article.
    await expect(page.locator('.reader-top').evaluate((el) => getComputedStyle(el).backgroundImage)).resolves.toBe(
      'none',
    );
    await toggle.click();
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect(panel.textContent()).resolves.toContain('kelp fronds');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-640-drawer.png') });
    await toggle.click();
    await page.getByRole('button', { name: 'More…' }).click();
    await page.getByRole('menuitem', { name: 'Update text…' }).click();
    await page.getByRole('dialog').first().waitFor();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-640.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('exports citations from the reader, the palette, a clip’s menu and a collection’s menu', async () => {
    const { page } = h;
    await inPage(
      page,
      `() => { window.__copied = []; navigator.clipboard.writeText = async (t) => { window.__copied.push(t); }; }`,
    );
    // The reader's Cite… on the open clip: BibTeX that parses back, copied.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.locator(`[data-clip-id="${otherId}"]`).first().click();
    await page.getByRole('button', { name: 'Cite…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export citations' });
    const preview = dialog.locator('.cite-preview');
    await expect.poll(() => preview.textContent()).toContain('@article{leguin2023kelp');
    const bib = (await preview.textContent())!;
    expect(bib).toContain('author = {Le Guin, Ursula K.}');
    expect(bib).toContain('month = feb');
    expect((new Cite(bib).data as Array<{ title: string }>)[0]!.title).toBe('Kelp forests and the long view of a reef');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => inPage<string[]>(page, '() => window.__copied')).toEqual([bib]);

    // The palette, Chicago, saved to a file.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Export citations');
    await page.keyboard.press('Enter');
    await dialog.locator('label', { hasText: 'Chicago' }).click();
    await expect.poll(() => preview.textContent()).toContain('Le Guin, Ursula K. 2023.');
    const out = join(await tempDir('citations'), 'kelp.txt');
    h.answerDialogs(out);
    await dialog.getByRole('button', { name: 'Save to file…' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await readFile(out, 'utf8')).toContain('“Kelp Forests and the Long View of a Reef.” Harbour Review');

    // A clip's context menu in the library, and a collection's.
    await h.service().updateClip({ id: otherId, collections: ['Reefs'] });
    h.service().sendCommand('reload-library');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.keyboard.press('Control+1');
    await page.locator(`[data-clip-id="${otherId}"]`).first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Export citation…' }).click();
    await dialog.locator('label', { hasText: 'APA' }).click();
    await expect.poll(() => preview.textContent()).toContain('Le Guin, U. K. (2023, February 1).');
    await page.keyboard.press('Escape');
    await dismissToasts();
    await page
      .getByRole('group', { name: 'Collections' })
      .getByRole('button', { name: /Reefs/ })
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Export citations…' }).click();
    await dialog.locator('label', { hasText: 'CSL-JSON' }).click();
    await expect.poll(() => preview.textContent()).toContain('"type": "article-magazine"');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'cite-dialog.png') });
    await page.keyboard.press('Escape');
  });

  it('moves focus with the action: New page to its title, Enter to the body, Add note to the editor', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).click();
    await page.locator('.page-list-head').getByRole('button', { name: 'New page' }).click();
    const titleBox = page.getByRole('textbox', { name: 'Page title' });
    await expect.poll(() => titleBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Draft');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => inPage<string>(page, '() => document.activeElement?.getAttribute("aria-label") ?? ""'))
      .toBe('Page');
    expect(await titleBox.inputValue()).toBe('Draft');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.locator(`[data-clip-id="${otherId}"]`).first().click();
    await page.getByRole('complementary', { name: 'Highlights' }).getByRole('button', { name: 'Add note' }).click();
    const editor = page.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(page.locator('.note-editor .rt-placeholder').isVisible()).resolves.toBe(true);
    await page.keyboard.type('Count again in spring');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await h.service().getClip(otherId)).highlights[0]!.note)
      .toBe('Count again in spring');
  });
});

/**
 * Reading and annotating in the real renderer against the real core: highlight (overlapping, across
 * paragraphs and inline formatting), a rich note with bold text, tags, the outline and n/p keys, a restart
 * and an edited note, a quote inserted into a notebook page and followed back to the reader, and new
 * text for the clip with highlights kept in place and an orphan listed. Screenshots to SCREENSHOTS_DIR.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import type { Harness } from './harness';
import { inPage, PAINTED, SCREENSHOTS_DIR, SELECT_TEXT, startHarness } from './harness';

const TITLE = 'Marginalia and Memory';
const PAGE_HTML = `<html><head><title>${TITLE}</title><meta name="author" content="Ada Reader"><meta property="og:site_name" content="The Reading Room"></head><body><article><h1>${TITLE}</h1><p>By Ada Reader</p>
<p>Readers have always written in the margins. The habit is older than print, and it survived every attempt to stamp it out.</p>
<h2>Why we mark</h2>
<p>Marking a passage is a promise to return. It is also a way of <em>arguing with the author</em> while the argument is still fresh, and of <strong>remembering what mattered</strong> on the first reading.</p>
<p>Studies of student textbooks found that most highlights cluster in the first chapters. Readers start eagerly and then stop marking as the term wears on.</p>
<h2>What survives</h2>
<p>A note that stays beside its passage keeps its meaning. A note copied into a notebook without its source slowly loses it.</p>
<p>That is why a good notebook quotes with care: the words, the source, and a way back to the page they came from.</p>
</article></body></html>`;

const FIRST = 'Marking a passage is a promise to return.';
const OVERLAP = 'a promise to return. It is also a way of arguing with the author';
const ACROSS = 'stop marking as the term wears on.\nWhat survives\nA note that stays';
const GOING = 'Readers have always written in the margins.';

describe('Gloss UI: reading and annotating', () => {
  let h: Harness;
  let clipId = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    h = await startHarness();
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    clipId = (await h.service().clipHtml({ html: PAGE_HTML, url: 'https://reading.example.org/marginalia' })).id;
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  const panel = () => h.page.getByRole('complementary', { name: 'Highlights' });
  /** Clicks (or right-clicks) the middle of the first occurrence of `text` in the article (left selected if asked). */
  const clickOn = async (text: string, button: 'left' | 'right' = 'left', keepSelected = false) => {
    const { page } = h;
    await inPage(page, SELECT_TEXT, text);
    await inPage(
      page,
      `(keep) => { window.__clickRange = getSelection().getRangeAt(0); if (!keep) getSelection().removeAllRanges(); window.__clickRange.startContainer.parentElement.scrollIntoView({ block: "center" }); }`,
      keepSelected,
    );
    // Wait until the scroll has settled (it may be smooth) before taking the words' position.
    const where = `() => { const r = window.__clickRange.getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`;
    let box = await inPage<{ x: number; y: number }>(page, where);
    await expect
      .poll(async () => {
        const now = await inPage<{ x: number; y: number }>(page, where);
        const settled = now.x === box.x && now.y === box.y;
        box = now;
        return settled;
      })
      .toBe(true);
    await page.mouse.click(box.x, box.y, { button });
  };
  /** Opens the essay in the reader from the library, whatever view the app (or a restart) left open. */
  const openEssay = async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.locator('.clip-row', { hasText: TITLE }).first().click();
    await page.locator('.article-title', { hasText: TITLE }).waitFor();
  };
  const coreHighlights = async () => (await h.service().getClip(clipId)).highlights;

  it('highlights a sentence and writes a rich note from the toolbar, saved as you type', async () => {
    const { page } = h;
    await openEssay();
    await inPage(page, SELECT_TEXT, FIRST);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.getByRole('button', { name: 'Add note' }).click();
    const note = panel().getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    await note.click();
    await page.keyboard.type('Central ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('claim');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' of the essay');
    await expect
      .poll(async () => (await coreHighlights())[0]?.note, { timeout: 5000 })
      .toBe('Central claim of the essay');
    const [saved] = await coreHighlights();
    expect(JSON.stringify(saved!.noteDoc)).toMatch(/"text":"claim","type":"text"|"format":1[^}]*"text":"claim"/);
    await expect(inPage<string[]>(page, PAINTED, 'gloss-yellow')).resolves.toEqual([FIRST]);
    h.assertNoErrors();
  });

  it('paints overlapping highlights, across inline formatting and across paragraphs', async () => {
    const { page } = h;
    await openEssay();
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await inPage(page, SELECT_TEXT, OVERLAP);
    await toolbar.getByRole('button', { name: 'Highlight in pink' }).click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-pink')).toEqual([OVERLAP]);
    await inPage(page, SELECT_TEXT, ACROSS);
    await toolbar.getByRole('button', { name: 'Highlight in green' }).click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-green')).toEqual([ACROSS]);
    await expect(inPage<string[]>(page, PAINTED, 'gloss-yellow')).resolves.toEqual([FIRST]);
    await inPage(page, SELECT_TEXT, GOING);
    await toolbar.getByRole('button', { name: 'Highlight in blue' }).click();
    await expect.poll(async () => (await coreHighlights()).length).toBe(4);
    h.assertNoErrors();
  });

  it('tags the clip and a highlight, and copies a quote with its citation', async () => {
    const { page } = h;
    await openEssay();
    await page.getByRole('group', { name: 'Tags' }).first().getByRole('combobox').fill('memory');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Collections' }).getByRole('combobox').fill('Thesis');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await h.service().getClip(clipId)).meta.collections).toEqual(['Thesis']);
    expect((await h.service().getClip(clipId)).meta.tags).toEqual(['memory']);

    const item = panel().locator('.hl-item', { hasText: FIRST });
    await item.getByRole('button', { name: 'Tags' }).click();
    await item.getByRole('combobox').fill('promise');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await coreHighlights()).find((x) => x.target.selector[0].exact === FIRST)?.tags)
      .toEqual(['promise']);
    await page.keyboard.press('Escape');

    // Headless Chromium has no system clipboard: record what the app writes to it.
    await page.evaluate(
      `window.__copied = []; navigator.clipboard.writeText = async (t) => { window.__copied.push(t); }`,
    );
    await item.getByRole('button', { name: 'Copy quote with citation' }).click();
    await expect
      .poll(() => page.evaluate('window.__copied[0] ?? ""'), { timeout: 10_000 })
      .toMatch(
        /^“Marking a passage is a promise to return\.” — Ada Reader, Marginalia and Memory \(The Reading Room\), https:\/\/reading\.example\.org\/marginalia$/,
      );
    h.assertNoErrors();
  });

  it('shows an outline of the headings and steps through highlights with n and p', async () => {
    const { page } = h;
    await openEssay();
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect(outline.getByRole('button').allTextContents()).resolves.toEqual(['Why we mark', 'What survives']);
    // No highlight is active in a freshly opened clip: n starts at the first in reading order.
    await page.locator('.article-title').click();
    const active = () => page.locator('.hl-item.active .hl-text').textContent();
    await page.keyboard.press('n');
    await expect.poll(active).toBe(GOING);
    await page.keyboard.press('n');
    await expect.poll(active).toBe(FIRST);
    await page.keyboard.press('n');
    await expect.poll(active).toBe(OVERLAP);
    await page.keyboard.press('p');
    await expect.poll(active).toBe(FIRST);
    await expect(page.getByRole('progressbar', { name: 'Reading progress' }).count()).resolves.toBe(1);
    await panel().locator('.hl-item', { hasText: FIRST }).locator('.hl-quote').click();
    await page.waitForTimeout(400);
    await inPage(page, `() => { document.querySelector('.reader-scroll').scrollTop = 0; }`);
    await page.waitForTimeout(1800); // let the jump's flash fade
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-notes.png') });
    h.assertNoErrors();
  });

  it('keeps the rich note after a restart, and saves an edit to it', async () => {
    const { page } = h;
    await h.restart();
    await openEssay();
    const item = panel().locator('.hl-item', { hasText: FIRST });
    await expect(item.locator('.hl-note .rt-bold').textContent()).resolves.toBe('claim');
    await item.getByRole('button', { name: 'Edit note' }).click();
    const note = item.getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (revised)');
    await expect
      .poll(async () => (await coreHighlights()).find((x) => x.target.selector[0].exact === FIRST)?.note, {
        timeout: 5000,
      })
      .toBe('Central claim of the essay (revised)');
    await item.getByRole('button', { name: 'Done' }).click();
    await expect(item.locator('.hl-note').textContent()).resolves.toBe('Central claim of the essay (revised)');
    h.assertNoErrors();
  });

  it('quotes a highlight into a notebook page, and follows the quote back to the passage', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).click();
    await page.getByRole('button', { name: 'New page' }).first().click();
    await page.getByRole('textbox', { name: 'Page title' }).fill('Reading notes');
    await page.getByRole('textbox', { name: 'Page', exact: true }).click();
    await page.keyboard.type('## Why people mark');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Two passages worth keeping:');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '❝ Quote' }).click();
    const picker = page.getByRole('dialog', { name: 'Insert a quote' });
    await picker.getByRole('textbox', { name: 'Find a highlight' }).fill('promise return');
    await picker.getByRole('button', { name: new RegExp(`^${FIRST}`) }).click();
    await page.getByRole('button', { name: '❝ Quote' }).click();
    await picker.getByRole('textbox', { name: 'Find a highlight' }).fill('term wears');
    await picker.getByRole('button').first().click();
    await page.keyboard.type('[ ] ');
    await page.keyboard.type('Compare with the 2019 study');
    await expect.poll(() => page.locator('.quote-block').count()).toBe(2);
    await expect.poll(() => page.locator('.page-status').textContent(), { timeout: 5000 }).toBe('Saved');
    const [summary] = await h.service().listPages();
    const md = await import('node:fs/promises').then((fs) =>
      fs.readFile(join(h.libraryDir, 'pages', summary!.id, 'page.md'), 'utf8'),
    );
    expect(md).toContain('# Reading notes\n\n## Why people mark');
    expect(md).toContain(`> ${FIRST}\n>\n> — ${TITLE}\n>\n> Note: Central **claim** of the essay (revised)`);
    expect(md).toContain('- [ ] Compare with the 2019 study');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'notebook-quotes.png') });

    await page.locator('.quote-block', { hasText: FIRST }).getByRole('button').click();
    await page.locator('.article-title', { hasText: TITLE }).waitFor();
    await expect.poll(() => page.locator('.hl-item.active .hl-text').textContent()).toBe(FIRST);
    await expect(page.locator('.quoted-in').getByRole('button', { name: 'Reading notes' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.locator('.back-button').textContent()).resolves.toContain('Notebook');
    h.assertNoErrors();
  });

  it('reopens the notebook at the page that was open when the app closed', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).click();
    await page.getByRole('button', { name: /^Reading notes/ }).click();
    const title = page.getByRole('textbox', { name: 'Page title' });
    await expect.poll(() => title.inputValue()).toBe('Reading notes');
    await expect.poll(async () => (await h.service().getSettings()).lastView.name).toBe('notebook');
    await h.restart({ keepView: true });
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toBe('Reading notes');
    await expect(page.locator('.quote-block').count()).resolves.toBe(2);
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Notebook' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    // A remembered page deleted since (by sync, or by hand) leaves the notebook's list, and no error.
    await h.service().updateSettings({ lastView: { name: 'notebook', pageId: 'deleted-page' } });
    await h.restart({ keepView: true });
    await page.getByRole('heading', { name: 'Choose a page' }).waitFor();
    await expect(page.getByText('Couldn’t open the page').count()).resolves.toBe(0);
    await expect.poll(async () => (await h.service().getSettings()).lastView).toEqual({ name: 'notebook' });
    // A plain restart starts from the library, as every other test expects.
    await h.restart();
    await page.locator('.clip-row', { hasText: TITLE }).first().waitFor();
    h.assertNoErrors();
  });

  it('keeps highlights in place when the article’s text changes, and lists the one it cannot place', async () => {
    const { page } = h;
    await openEssay();
    const changed = [
      TITLE,
      'A short preface: this essay was revised after readers wrote in.',
      'Readers scribbled in the margins long before anyone printed a book, and they kept doing so.',
      'Why we mark',
      'Marking a passage is a promise to return. It is also a way of arguing with the author while the argument is still fresh, and of remembering what mattered on the first reading.',
      'Studies of student textbooks found that most highlights cluster in the first chapters. Readers start eagerly and then stop marking as the term wears on.',
      'What survives',
      'A note that stays beside its passage keeps its meaning. A note copied into a notebook without its source slowly loses it.',
      'That is why a good notebook quotes with care: the words, the source, and a way back to the page they came from.',
    ].join('\n\n');
    // A modal dialog: the text box takes the focus, Escape closes it and gives the focus back to its button.
    const opener = page.getByRole('button', { name: 'Update text' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Update the article’s text' });
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    await expect
      .poll(() => page.evaluate('document.activeElement.getAttribute("aria-label")'))
      .toBe('New article text');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    await opener.click();
    await dialog.getByRole('textbox', { name: 'New article text' }).fill(changed);
    await dialog.getByRole('button', { name: 'Replace text' }).click();
    await expect
      .poll(() => page.locator('.reanchor-note').textContent(), { timeout: 10_000 })
      .toBe('3 highlights kept in place; 1 highlight couldn’t be placed and is listed as orphaned.');
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-yellow')).toEqual([FIRST]);
    // The reader repaints once the updated clip has loaded: wait for it rather than read mid-way.
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-pink')).toEqual([OVERLAP]);
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-blue')).toEqual([]);
    const orphan = panel().locator('.hl-item.orphan');
    await expect(orphan.locator('.hl-text').textContent()).resolves.toBe(GOING);
    await expect(orphan.locator('.hl-orphan').textContent()).resolves.toBe('Couldn’t be placed in the current text');
    h.assertNoErrors();
  });

  it('recolours and deletes a highlight from the toolbar shown when it is clicked', async () => {
    const { page } = h;
    await openEssay();
    // The article is now the pasted text (no inline formatting): click the middle of the words.
    const toolbar = page.getByRole('toolbar', { name: 'Highlight actions' });
    // The reader paints its highlights just after the article appears: click again until the paint is there.
    for (let attempt = 1; ; attempt++) {
      await clickOn('arguing with the author');
      const shown = await toolbar.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown || attempt >= 4) break;
    }
    await toolbar.getByRole('button', { name: 'Make it purple' }).click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-purple')).toEqual([OVERLAP]);
    await clickOn('arguing with the author');
    await toolbar.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-purple')).toEqual([]);
    await expect.poll(async () => (await coreHighlights()).length).toBe(3);
    await expect(inPage<string[]>(page, PAINTED, 'gloss-yellow')).resolves.toEqual([FIRST]);
    h.assertNoErrors();
  });

  it('opens a highlight’s menu on the painted text, on its card and from the keyboard', async () => {
    const { page } = h;
    await openEssay();
    await page.evaluate(
      `window.__copied = []; navigator.clipboard.writeText = async (t) => { window.__copied.push(t); }`,
    );
    const menu = page.getByRole('menu', { name: 'Highlight' });
    const labels = async () => {
      await menu.waitFor();
      return menu.locator('[role^="menuitem"]').allTextContents();
    };
    // Earlier tests' toasts would cover the picture.
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
    const expected = [
      'Yellow✓',
      'Green',
      'Blue',
      'Pink',
      'Purple',
      'Edit note',
      'Edit tags',
      'Copy quote',
      'Copy quote with citation',
      'Delete highlight',
    ];

    // Right-click on the painted words: their highlight's menu, its colour ticked; a colour recolours it.
    await clickOn('promise to return', 'right');
    await expect(labels()).resolves.toEqual(expected);
    await expect(menu.getByRole('menuitemradio', { name: 'Yellow' }).getAttribute('aria-checked')).resolves.toBe(
      'true',
    );
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reader-highlight-menu.png') });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await menu.getByRole('menuitemradio', { name: 'Blue' }).click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-blue')).toEqual([FIRST]);
    await expect
      .poll(async () => (await coreHighlights()).find((x) => x.target.selector[0].exact === FIRST)?.color)
      .toBe('blue');

    // The card in the side panel has the same menu; Edit note opens its editor.
    await panel()
      .locator('.hl-item', { hasText: FIRST })
      .click({ button: 'right', position: { x: 20, y: 10 } });
    await expect(labels()).resolves.toEqual(['Yellow', 'Green', 'Blue✓', ...expected.slice(3)]);
    await menu.getByRole('menuitem', { name: 'Edit note' }).click();
    const card = panel().locator('.hl-item', { hasText: FIRST });
    await card.getByRole('textbox', { name: 'Note' }).waitFor();
    await card.getByRole('button', { name: 'Done' }).click();
    // From the keyboard on the focused card, too.
    await card.locator('.hl-quote').focus();
    await page.keyboard.press('Shift+F10');
    await expect(menu.getByRole('menuitemradio', { name: 'Blue' }).getAttribute('aria-checked')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    // Keyboard: n makes the next highlight active, Shift+F10 opens its menu; the arrows and Enter run an item.
    await page.locator('.article-title').click();
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.hl-item.active .hl-text').textContent()).toBe(ACROSS);
    await page.keyboard.press('Shift+F10');
    await expect(menu.getByRole('menuitemradio', { name: 'Green' }).getAttribute('aria-checked')).resolves.toBe('true');
    await expect.poll(() => page.evaluate('document.activeElement.textContent')).toBe('Yellow');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate('window.__copied.at(-1) ?? ""')).toBe(ACROSS);
    await page.keyboard.press('Shift+F10');
    await menu.getByRole('menuitem', { name: 'Copy quote with citation' }).click();
    await expect
      .poll(() => page.evaluate('window.__copied.at(-1) ?? ""'))
      .toMatch(/^“stop marking as the term wears on\./);

    // Delete from the menu, with Undo in the toast.
    await page.keyboard.press('Shift+F10');
    await menu.getByRole('menuitem', { name: 'Delete highlight' }).click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-green')).toEqual([]);
    // The newest toast is this deletion's (the previous test's may still be showing).
    await page
      .getByRole('status')
      .filter({ hasText: 'Highlight deleted' })
      .last()
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-green')).toEqual([ACROSS]);
    h.assertNoErrors();
  });

  it('highlights selected text from its context menu, and opens one note editor at a time', async () => {
    const { page } = h;
    await openEssay();
    const PREFACE = 'this essay was revised after readers wrote in.';
    await clickOn(PREFACE, 'right', true);
    const menu = page.getByRole('menu', { name: 'Selection' });
    await menu.waitFor();
    await expect(menu.locator('[role^="menuitem"]').allTextContents()).resolves.toEqual(['Highlight', 'Copy']);
    await menu.getByRole('menuitem', { name: 'Highlight' }).click();
    const card = panel().locator('.hl-item', { hasText: PREFACE });
    await card.waitFor();
    await expect
      .poll(async () => (await coreHighlights()).some((x) => x.target.selector[0].exact === PREFACE))
      .toBe(true);
    // The new highlight is the active one; opening another card's note editor closes the first one's.
    await expect(card.getAttribute('class')).resolves.toMatch(/\bactive\b/);
    await card.getByRole('button', { name: 'Add note' }).click();
    await card.getByRole('textbox', { name: 'Note' }).waitFor();
    const other = panel().locator('.hl-item', { hasText: FIRST });
    await other.getByRole('button', { name: /note/ }).click();
    await other.getByRole('textbox', { name: 'Note' }).waitFor();
    await expect(panel().getByRole('textbox', { name: 'Note' }).count()).resolves.toBe(1);
    h.assertNoErrors();
  });
});

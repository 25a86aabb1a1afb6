/**
 * The PDF page reader in the real renderer against the real core, on the generated fixtures
 * (test/fixtures/pdf): pages drawn by pdf.js with a text layer whose text is the clip's stored text; a
 * highlight made by dragging over the text layer, with a note, painted on the same words after a reload; a
 * large original read by byte range, and one changed on disk refused with its reason.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_IN_VIEW, pdfFixtureData, SLOW } from './pdfHelpers';
import { inPage, PAINTED, SCREENSHOTS_DIR, useHarness } from './harness';

const CLAIM = 'tidal calendars predict borrowing better than weather does';

/** Browser side: the window rectangles of the first and last characters of `text` in the article. */
const TEXT_ENDS = `(text) => {
  const root = document.querySelector('.article-body');
  const start = root.textContent.indexOf(text);
  if (start < 0) throw new Error('text not found: ' + text);
  const at = (offset) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pos = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (offset < pos + n.data.length) {
        const r = document.createRange();
        r.setStart(n, offset - pos);
        r.setEnd(n, offset - pos + 1);
        if (offset === start) n.parentElement.scrollIntoView({ block: 'center' });
        const box = r.getBoundingClientRect();
        return { left: box.left, right: box.right, y: box.top + box.height / 2 };
      }
      pos += n.data.length;
    }
    throw new Error('offset out of the text');
  };
  return { first: at(start), last: at(start + text.length - 1) };
}`;

/** Browser side: whether every box of the ranges painted under `name` lies inside page `page`'s box. */
const PAINTED_ON_PAGE = `([name, page]) => {
  const h = CSS.highlights.get(name);
  const box = document.querySelector('.pdf-page[data-page="' + page + '"]').getBoundingClientRect();
  if (!h || h.size === 0) return false;
  return [...h].every((r) => [...r.getClientRects()].every((b) =>
    b.left >= box.left - 1 && b.right <= box.right + 1 && b.top >= box.top - 1 && b.bottom <= box.bottom + 1));
}`;

/** Browser side: whether page one's canvas holds a drawing of the page's size (not blank pixels). */
const PAGE_ONE_INKED = `() => {
  const page = document.querySelector('.pdf-page[data-page="1"].drawn');
  const c = page.querySelector('canvas');
  if (Math.abs(c.width / devicePixelRatio - page.clientWidth) > 2) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true;
  return false;
}`;

/** Selects `text` on the page by dragging the mouse from its first character to its last. */
async function dragOver(page: Page, text: string): Promise<void> {
  const ends = await inPage<{ first: { left: number; y: number }; last: { right: number; y: number } }>(
    page,
    TEXT_ENDS,
    text,
  );
  await page.mouse.move(ends.first.left + 1, ends.first.y);
  await page.mouse.down();
  await page.mouse.move(ends.last.right - 1, ends.last.y, { steps: 8 });
  await page.mouse.up();
}

async function openClip(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.locator('.clip-row', { hasText: title }).first().click();
  await page.locator('.pdf-page.drawn').first().waitFor();
}

/** Browser side: records the text of every range registered as a flash (the reader's way of showing a place). */
const RECORD_FLASHES = `() => {
  window.__flashes = [];
  const set = HighlightRegistry.prototype.set;
  HighlightRegistry.prototype.set = function (name, highlight) {
    if (name.startsWith('gloss-flash')) window.__flashes.push(...[...highlight].map((r) => r.toString()));
    return set.call(this, name, highlight);
  };
}`;

describe('Gloss UI: the PDF page reader', () => {
  const h = useHarness();
  let paperId = '';
  let paperTitle = '';

  it('draws the pages with a text layer holding the stored text', async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const { page } = h();
    const clip = await h()
      .service()
      .clipPdf({ data: pdfFixtureData('paper.pdf'), fileName: 'paper.pdf' });
    paperId = clip.id;
    paperTitle = clip.title;
    await page.reload();
    await openClip(page, clip.title);
    const stored = (await h().service().getClip(clip.id)).text;
    expect(await inPage<string>(page, `() => document.querySelector('.article-body').textContent`)).toBe(stored);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-reader.png') });
    // Opened again from the library: page one is drawn while the reader opens (the column's width is known
    // now) and swapped in; the page is the same, text layer and picture.
    await openClip(page, clip.title);
    expect(await inPage<string>(page, `() => document.querySelector('.article-body').textContent`)).toBe(stored);
    expect(await inPage<boolean>(page, PAGE_ONE_INKED)).toBe(true);

    // Pages: a thumbnail per page, drawn; one leads to its page.
    const bar = page.getByRole('toolbar', { name: 'PDF pages' });
    await bar.getByRole('button', { name: 'Pages' }).click();
    const thumbs = page.getByRole('list', { name: 'Pages' });
    await expect(thumbs.getByRole('listitem').count()).resolves.toBe(4);
    const thumbInked = `() => { const c = document.querySelector('.pdf-thumbs li[data-page="3"] canvas'); if (!c.width) return false; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true; return false; }`;
    await expect.poll(() => inPage<boolean>(page, thumbInked), SLOW).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-thumbnails.png') });
    await thumbs.getByRole('img', { name: 'Page 3' }).click();
    await expect.poll(() => bar.getByRole('textbox', { name: 'Page number' }).inputValue(), SLOW).toBe('3');
    await expect(thumbs.count()).resolves.toBe(0);
    // Back to page one (drawn) for the next test.
    await bar.getByRole('textbox', { name: 'Page number' }).fill('1');
    await page.keyboard.press('Enter');
    await page.locator('.pdf-page[data-page="1"].drawn').waitFor();
    await expect.poll(() => bar.getByRole('textbox', { name: 'Page number' }).inputValue(), SLOW).toBe('1');
    await page.locator('.article-body').click({ position: { x: 5, y: 5 } });
    h().assertNoErrors();
  });

  it('highlights words selected on the page, with a note, and paints them there again after a reload', async () => {
    const { page } = h();
    await dragOver(page, CLAIM);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByRole('complementary', { name: 'Highlights' }).getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    await note.click();
    await page.keyboard.type('The paper’s main claim');
    await expect
      .poll(async () => (await h().service().getClip(paperId)).highlights[0]?.note, SLOW)
      .toBe('The paper’s main claim');
    const [saved] = (await h().service().getClip(paperId)).highlights;
    expect(saved!.target.selector[0].exact).toBe(CLAIM);
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-yellow'), SLOW).toEqual([CLAIM]);

    await h().restart();
    await openClip(page, paperTitle);
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-yellow'), SLOW).toEqual([CLAIM]);
    await expect.poll(() => inPage<boolean>(page, PAINTED_ON_PAGE, ['gloss-yellow', 1]), SLOW).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-highlight.png') });
    h().assertNoErrors();
  });

  it('keeps the words selected on a page selected when zooming draws the page again', async () => {
    const { page } = h();
    await dragOver(page, CLAIM);
    const selected = () => inPage<string>(page, `() => String(window.getSelection())`);
    expect(await selected()).toContain(CLAIM.slice(0, 20));
    const before = await selected();
    const canvasWidth = `() => document.querySelector('.pdf-page[data-page="1"] canvas').width`;
    const width = await inPage<number>(page, canvasWidth);
    await page.getByRole('toolbar', { name: 'PDF pages' }).getByRole('button', { name: 'Zoom in' }).click();
    // Page one is drawn again at the new zoom…
    await expect.poll(() => inPage<number>(page, canvasWidth), SLOW).toBeGreaterThan(width);
    await page.locator('.pdf-page[data-page="1"].drawn').waitFor();
    // …and the same words are still selected, on the page's text layer.
    expect(await selected()).toBe(before);
    const onLayer = await inPage<boolean>(
      page,
      `() => { const s = window.getSelection(); return s.rangeCount === 1 && !!s.anchorNode.parentElement.closest('.pdf-text-layer') && !!s.focusNode.parentElement.closest('.pdf-text-layer'); }`,
    );
    expect(onLayer).toBe(true);
    await page.getByRole('toolbar', { name: 'PDF pages' }).getByRole('button', { name: 'Fit width' }).click();
    h().assertNoErrors();
  });

  it('finds a word from page 200 of a 300-page report and opens that page, drawing only pages near it', async () => {
    const { page } = h();
    await h()
      .service()
      .clipPdf({ data: pdfFixtureData('report-300.pdf'), fileName: 'report-300.pdf' });
    await h().service().indexReady();
    await inPage(page, RECORD_FLASHES);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search' }).click();
    await page.getByRole('combobox', { name: 'Search your library' }).fill('zeppelin');
    const results = page.getByRole('listbox', { name: 'Results' });
    await results.locator('.result').first().click();
    await expect.poll(() => inPage<boolean>(page, PAGE_IN_VIEW, 200), SLOW).toBe(true);
    await expect.poll(() => inPage<string[]>(page, '() => window.__flashes'), SLOW).toContain('zeppelin');
    await expect(page.getByRole('textbox', { name: 'Page number' }).inputValue()).resolves.toBe('200');
    // Light: a handful of pages drawn, not three hundred.
    const drawn = await inPage<number>(page, `() => document.querySelectorAll('.pdf-page.drawn').length`);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(10);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-search-page-200.png') });
    h().assertNoErrors();
  });

  it('reads a large PDF by byte range, and shows the text with the reason when the original was changed on disk', async () => {
    const { page } = h();
    // The report as LaTeX writes it (1.1 MB, balanced page tree): larger than the first read, so by range.
    const large = await h()
      .service()
      .clipPdf({
        data: pdfFixtureData('report-300-tree.pdf'),
        fileName: 'report-300-tree.pdf',
        title: 'Tree report',
        onDuplicate: 'copy',
      });
    const reads: Array<{ range: string | undefined; status: number | undefined }> = [];
    page.on('requestfinished', (request) => {
      if (!request.url().includes('/gloss-asset/')) return;
      void request.response().then((r) => reads.push({ range: request.headers()['range'], status: r?.status() }));
    });
    await page.reload();
    await openClip(page, large.title);
    await expect.poll(() => reads.length, SLOW).toBeGreaterThan(1);
    for (const read of reads) expect(read).toMatchObject({ range: expect.stringMatching(/^bytes=/), status: 206 });
    h().assertNoErrors();

    // A PDF whose original was changed since it was clipped: nothing of it is drawn, the reason is given.
    const changed = await h()
      .service()
      .clipPdf({
        data: pdfFixtureData('preprint.pdf'),
        fileName: 'preprint.pdf',
        title: 'Changed preprint',
        onDuplicate: 'copy',
      });
    const file = join(h().libraryDir, 'clips', changed.id, 'original.pdf');
    const bytes = readFileSync(file);
    bytes[300] = bytes[300]! ^ 0xff;
    writeFileSync(file, bytes);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.locator('.clip-row', { hasText: changed.title }).first().click();
    await page.getByText('changed on disk since it was clipped').waitFor();
    const stored = (await h().service().getClip(changed.id)).text;
    expect(await inPage<string>(page, `() => document.querySelector('.article-body').textContent`)).toBe(stored);
    expect(await page.locator('.pdf-page.drawn').count()).toBe(0);
    // The browser logs the refused request (409); nothing else may be reported.
    const refused = h().errors.filter((e) => /\b409\b/.test(e));
    expect(refused.length).toBeGreaterThan(0);
    h().errors.splice(0, h().errors.length, ...h().errors.filter((e) => !refused.includes(e)));
    h().assertNoErrors();
  });

  it('shows a scan (no text layer) as pages with a clear “no text” note', async () => {
    const { page } = h();
    const clip = await h()
      .service()
      .clipPdf({ data: pdfFixtureData('scan.pdf'), fileName: 'scan.pdf' });
    await page.reload();
    await openClip(page, clip.title);
    await expect(page.getByRole('status').filter({ hasText: 'No text in this PDF' }).count()).resolves.toBe(1);
    // The page is drawn: its canvas holds a picture, not blank pixels.
    const inked = await inPage<boolean>(
      page,
      `() => { const c = document.querySelector('.pdf-page.drawn canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true; return false; }`,
    );
    expect(inked).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-scan.png') });
    h().assertNoErrors();
  });
});

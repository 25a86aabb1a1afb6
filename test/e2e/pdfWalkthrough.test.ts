/**
 * The README's PDF walkthrough, end to end in the real renderer against the real core: an arXiv-style
 * preprint (test/fixtures/pdf/preprint.pdf) dropped on the window, read (its bookmarks lead to a section),
 * three claims highlighted with notes, one quoted in a notebook page, the paper found again by a word from
 * its last page, and a BibTeX entry with its DOI that a reference manager's parser reads back.
 * Screenshots go to SCREENSHOTS_DIR (docs/screenshots with GLOSS_SCREENSHOTS=1).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { PAGE_IN_VIEW, pdfFixtureData, SLOW } from './pdfHelpers';
import { inPage, PAINTED, SCREENSHOTS_DIR, SELECT_TEXT, useHarness } from './harness';

const PREPRINT = pdfFixtureData('preprint.pdf');
const TITLE = 'Margins That Remember: How Researchers Return to Their Highlights';
const CLAIMS = [
  {
    text: 'Researchers who re-read their highlights within a week recalled twice as many sources a month later.',
    note: 'Re-reading, not marking, does the remembering',
  },
  {
    text: 'A note written beside a highlight made that passage three times more likely to be cited in a draft.',
    note: 'Notes → citations: the case for writing beside the text',
  },
  {
    text: 'Quoting a passage together with its source kept the citation correct in 94 percent of drafts.',
    note: 'Quote with the source attached, always',
  },
];

/**
 * Browser side: scrolls the words `text` to the middle of the view; true once they are in a drawn page's
 * text layer (a page is drawn when it comes near the view).
 */
const SHOW_TEXT = `(text) => {
  const root = document.querySelector('.article-body');
  const start = root.textContent.indexOf(text);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (start < pos + n.data.length) {
      const drawn = !!n.parentElement.closest('.pdf-text-layer');
      n.parentElement.scrollIntoView({ block: 'center' });
      return drawn;
    }
    pos += n.data.length;
  }
  return false;
}`;

describe('Gloss UI: a researcher’s PDF, from drop to citation', () => {
  const h = useHarness();
  let clipId = '';

  it('drops an arXiv preprint, reads it by its bookmarks, and highlights three claims with notes', async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const { page } = h();
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(PREPRINT)}), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '2403.01234v1.pdf', { type: 'application/pdf' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    })()`);
    const dropped = page.getByRole('region', { name: 'Dropped files' });
    const open = dropped.getByRole('button', { name: `Open “${TITLE}”` });
    await open.waitFor(SLOW);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-1-dropped.png') });
    await open.click();
    await dropped.getByRole('button', { name: 'Done' }).click();
    await page.locator('.pdf-page.drawn').first().waitFor(SLOW);
    clipId = (await h().service().listClips()).find((c) => c.title === TITLE)!.id;
    const meta = (await h().service().getClip(clipId)).meta;
    expect(meta.biblio).toMatchObject({ doi: '10.48550/arXiv.2403.01234', arxiv: '2403.01234' });

    // The PDF's bookmarks, in order; one leads to its page.
    await page.getByRole('toolbar', { name: 'PDF pages' }).getByRole('button', { name: 'Contents' }).click();
    const contents = page.getByRole('list', { name: 'Contents' });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-2-reader.png') });
    await expect(contents.getByRole('button').allTextContents()).resolves.toEqual([
      '1 Introduction1',
      '2 Method2',
      '3 Results3',
      '4 Discussion4',
      'Acknowledgements4',
    ]);
    await contents.getByRole('button', { name: /3 Results/ }).click();
    await expect.poll(() => inPage<boolean>(page, PAGE_IN_VIEW, 3), SLOW).toBe(true);

    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    const notes = page.getByRole('complementary', { name: 'Highlights' });
    for (const [i, claim] of CLAIMS.entries()) {
      await expect.poll(() => inPage<boolean>(page, SHOW_TEXT, claim.text), SLOW).toBe(true);
      await expect(inPage<string>(page, SELECT_TEXT, claim.text)).resolves.toBe(claim.text);
      await toolbar.getByRole('button', { name: 'Add note' }).click();
      const note = notes.locator('.hl-item', { hasText: claim.text }).getByRole('textbox', { name: 'Note' });
      await note.waitFor(SLOW);
      await note.click();
      await page.keyboard.type(claim.note);
      await expect
        .poll(async () => (await h().service().getClip(clipId)).highlights.map((x) => x.note).sort(), SLOW)
        .toEqual(
          CLAIMS.slice(0, i + 1)
            .map((c) => c.note)
            .sort(),
        );
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => inPage<string[]>(page, PAINTED, 'gloss-yellow'), SLOW).toHaveLength(3);
    await expect.poll(() => inPage<boolean>(page, PAGE_IN_VIEW, 3), SLOW).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-3-highlights.png') });
    h().assertNoErrors();
  });

  it('quotes a claim in a notebook page, and the quote leads back to its page', async () => {
    const { page } = h();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notebook' }).click();
    await page.getByRole('button', { name: 'New page' }).first().click();
    await page.getByRole('textbox', { name: 'Page title' }).fill('Chapter 2: why notes matter');
    await page.getByRole('textbox', { name: 'Page', exact: true }).click();
    await page.keyboard.type('The strongest evidence so far:');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '❝ Quote' }).click();
    const picker = page.getByRole('dialog', { name: 'Insert a quote' });
    await picker.getByRole('textbox', { name: 'Find a highlight' }).fill('three times');
    await picker.getByRole('button', { name: new RegExp(`^${CLAIMS[1]!.text.slice(0, 30)}`) }).click();
    await expect.poll(() => page.locator('.quote-block').count(), SLOW).toBe(1);
    // The page's Markdown copy, written by the core once the page is saved, quotes the claim with its source.
    const markdown = async () => {
      const [summary] = await h().service().listPages();
      return summary ? readFileSync(join(h().libraryDir, 'pages', summary.id, 'page.md'), 'utf8') : '';
    };
    await expect.poll(markdown, SLOW).toContain(`> ${CLAIMS[1]!.text}\n>\n> — ${TITLE}`);
    await expect.poll(() => page.locator('.page-status').textContent(), SLOW).toBe('Saved');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-4-notebook.png') });

    await page.locator('.quote-block').getByRole('button').first().click();
    await expect.poll(() => inPage<boolean>(page, PAGE_IN_VIEW, 3), SLOW).toBe(true);
    await expect.poll(() => page.locator('.hl-item.active .hl-text').textContent(), SLOW).toBe(CLAIMS[1]!.text);
    h().assertNoErrors();
  });

  it('finds the paper by a word from its last page, and exports BibTeX with its DOI', async () => {
    const { page } = h();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search' }).click();
    await page.getByRole('combobox', { name: 'Search your library' }).fill('Ushant');
    const results = page.getByRole('listbox', { name: 'Results' });
    await results.locator('.result', { hasText: TITLE }).first().waitFor(SLOW);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-5-search.png') });
    await results.locator('.result', { hasText: TITLE }).first().click();
    await expect.poll(() => inPage<boolean>(page, PAGE_IN_VIEW, 4), SLOW).toBe(true);

    await page.getByRole('button', { name: 'Cite…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export citations' });
    const preview = dialog.locator('.cite-preview');
    await expect.poll(() => preview.textContent(), SLOW).toContain('doi = {10.48550/arXiv.2403.01234}');
    const bib = (await preview.textContent())!;
    const [item] = new Cite(bib).data as Array<{ title: string; DOI: string; author: Array<{ family: string }> }>;
    expect(item).toMatchObject({ title: TITLE, DOI: '10.48550/arXiv.2403.01234' });
    expect(item!.author.map((a) => a.family)).toEqual(['Calloway', 'Wren']);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-6-bibtex.png') });
    h().assertNoErrors();
  });
});

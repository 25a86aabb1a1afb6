import { describe, expect, it } from 'vitest';
import { articleText } from '../article/text';
import { readPdfDraft, stopPdfWorker } from './pdfInWorker';
import { pdfArticleHtml, pdfTextIfBuiltFrom } from './pdfArticleHtml';
import { pdfFixture } from './testFixtures';

describe('a PDF clip’s HTML checked against its text without parsing it', { timeout: 120_000 }, () => {
  it('gives the text of the HTML clipping built, exactly as parsing it does, and null for anything else', async () => {
    const draft = await readPdfDraft(pdfFixture('paper.pdf'));
    stopPdfWorker();
    const { html, text } = { html: draft.html, text: articleText(draft.html) };
    const starts = draft.pdf!.pageStarts;
    expect(pdfTextIfBuiltFrom(html, text, starts)).toBe(text);
    // The HTML changed (one word, one tag), the text changed, or the pages cut elsewhere: parse instead.
    expect(pdfTextIfBuiltFrom(html.replace('Reading', 'Writing'), text, starts)).toBeNull();
    expect(pdfTextIfBuiltFrom(html.replace('<p>', '<p class="x">'), text, starts)).toBeNull();
    expect(pdfTextIfBuiltFrom(html, text.replace('Reading', 'Writing'), starts)).toBeNull();
    expect(pdfTextIfBuiltFrom(html, text, [0, starts[1]! + 1, ...starts.slice(2)])).toBeNull();
    expect(pdfTextIfBuiltFrom(html, text, [])).toBeNull();
  });

  it('parses instead when the text holds what the HTML parser would not keep as it is', () => {
    for (const odd of ['a\rb', 'a\r\nb', 'a\0b', 'a\uD800b']) {
      const pages = [
        { text: `Page one ${odd}`, paragraphs: [`Page one ${odd}`] },
        { text: '', paragraphs: [] },
      ];
      const html = pdfArticleHtml(pages);
      const text = `Page one ${odd}\n\n`;
      expect(pdfTextIfBuiltFrom(html, text, [0, text.length])).toBeNull();
    }
    // Markup-like text and astral characters are kept by parsing, and so by the check.
    const pages = [{ text: 'x < y & <b>z</b> 𝛼', paragraphs: ['x < y & <b>z</b> 𝛼'] }];
    const html = pdfArticleHtml(pages);
    expect(articleText(html)).toBe(pages[0]!.text);
    expect(pdfTextIfBuiltFrom(html, pages[0]!.text, [0])).toBe(pages[0]!.text);
  });
});

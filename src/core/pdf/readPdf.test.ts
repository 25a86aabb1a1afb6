import { describe, expect, it } from 'vitest';
import { articleText } from '../article/text';
import { pageAt } from '../common/pdfLayout';
import { GlossError } from '../errors';
import { readPdfDraft } from './pdfInWorker';
import { pdfFixture } from './testFixtures';

describe('reading PDFs (pdf.js in the worker)', { timeout: 120_000 }, () => {
  it('reads a two-column paper: title, authors and DOI from page one, words whole, no running header or page numbers', async () => {
    const bytes = pdfFixture('paper.pdf');
    const draft = await readPdfDraft(bytes, { fileName: 'paper.pdf' });
    expect(draft.title).toBe('Tidal Rhythms in Coastal Reading Habits');
    expect(draft.byline).toBe('Ada Marlowe, Benedikt Sørensen, Chiara Okafor');
    expect(draft.biblio).toMatchObject({
      type: 'article-journal',
      doi: '10.5555/gloss.2024.0042',
      containerTitle: 'Journal of Reproducible Examples',
      volume: '12',
      pages: '101-117',
    });
    expect(draft.pdf).toMatchObject({ file: 'original.pdf', pages: 4, bytes: bytes.byteLength, hasText: true });
    expect(draft.pdfBytes).toBe(bytes);
    // The invariant every selector relies on: the stored HTML reads as exactly the stored text.
    expect(articleText(draft.html)).toBe(draft.text);
    // Hyphenated line ends are joined; no "measure- ment" is left.
    expect(draft.text).not.toMatch(/\p{Ll}- \p{Ll}/u);
    expect(draft.text).toContain('incontrovertible tide tables');
    // The header of pages 2–4 and the page numbers are gone; the journal line of page one stays.
    expect(draft.text).not.toContain('Volume 12');
    expect(draft.text).not.toMatch(/\n\n[1-4]\n/);
    // Reading order: page one's abstract, then the first column's claim.
    expect(draft.text.indexOf('Abstract')).toBeLessThan(draft.text.indexOf('Claim one'));
    const starts = draft.pdf!.pageStarts;
    expect(starts[0]).toBe(0);
    expect(starts).toHaveLength(4);
    expect(draft.text.slice(starts[1]! - 2, starts[1])).toBe('\n\n');
  });

  it('reads a 300-page report, each page at its place in the text', async () => {
    const draft = await readPdfDraft(pdfFixture('report-300.pdf'));
    expect(draft.pdf?.pages).toBe(300);
    expect(draft.title).toBe('Annual Survey of Harbour Libraries');
    const starts = draft.pdf!.pageStarts;
    for (const n of [1, 150, 200, 300]) expect(pageAt(starts, draft.text.indexOf(`pagemark${n} `))).toBe(n - 1);
    expect(pageAt(starts, draft.text.indexOf('zeppelin'))).toBe(199);
    expect(draft.text).not.toContain('Page 200 of 300');
    expect(draft.text.match(/Annual Survey of Harbour Libraries/g)).toBeNull();
  });

  it('reads a scan (pictures only) as a PDF without text, still with its title and author', async () => {
    const draft = await readPdfDraft(pdfFixture('scan.pdf'), { fileName: 'notes.pdf' });
    expect(draft.title).toBe('Scanned Field Notes');
    expect(draft.byline).toBe('Dana Whitcombe');
    expect(draft.pdf).toMatchObject({ pages: 2, hasText: false });
    expect(draft.text.trim()).toBe('');
  });

  it('refuses a password-protected PDF with a clear reason (and the fixture is truly encrypted: it opens with its password)', async () => {
    const error = await readPdfDraft(pdfFixture('protected.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlossError);
    expect(error).toMatchObject({ code: 'unsupported-content', message: expect.stringContaining('password') });
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: pdfFixture('protected.pdf'), password: 'secret', verbosity: 0 })
      .promise;
    const content = await (await doc.getPage(1)).getTextContent();
    expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('protected memo is readable');
    await doc.destroy();
  });

  it('refuses a cut-off download, a file that is not a PDF and a damaged one with a clear error', async () => {
    await expect(readPdfDraft(pdfFixture('truncated.pdf'))).rejects.toMatchObject({
      code: 'corrupt-file',
      message: expect.stringContaining('cut off'),
    });
    await expect(readPdfDraft(new TextEncoder().encode('<html>not a pdf</html>'))).rejects.toMatchObject({
      code: 'corrupt-file',
      message: expect.stringContaining('not a PDF'),
    });
    // Every xref offset and object header overwritten: nothing of the structure is left to recover.
    const damaged = pdfFixture('paper.pdf');
    const text = Buffer.from(damaged).toString('latin1');
    for (const m of text.matchAll(/\d+ 0 obj|xref|trailer|startxref/g))
      damaged.fill(0x21, m.index, m.index + m[0].length);
    const result = await readPdfDraft(damaged).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(GlossError);
    expect((result as GlossError).code).toBe('corrupt-file');
  });
});

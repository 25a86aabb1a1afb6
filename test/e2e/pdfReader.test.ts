/**
 * The PDF page reader in the real renderer against the real core, on the generated fixtures
 * (test/fixtures/pdf): pages drawn by pdf.js with a text layer whose text is the clip's stored text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inPage, REPO_ROOT, SCREENSHOTS_DIR, useHarness } from './harness';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/pdf');
const pdfData = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');

describe('Gloss UI: the PDF page reader', () => {
  const h = useHarness();

  it('draws the pages with a text layer holding the stored text', async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const { page } = h();
    const clip = await h()
      .service()
      .clipPdf({ data: pdfData('paper.pdf'), fileName: 'paper.pdf' });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.locator('.clip-row', { hasText: clip.title }).first().click();
    await page.locator('.pdf-page.drawn').first().waitFor();
    const stored = (await h().service().getClip(clip.id)).text;
    expect(await inPage<string>(page, `() => document.querySelector('.article-body').textContent`)).toBe(stored);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pdf-reader.png') });
    h().assertNoErrors();
  });
});

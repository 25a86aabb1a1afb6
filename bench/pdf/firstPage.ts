/**
 * Time to the first PDF page painted, in the built renderer (out/renderer) in Chromium through the UI-test
 * harness: from the click on the clip's row in the library to the first frame after a page of the PDF is
 * drawn (canvas and text layer). The first open also loads the PDF reader's code and starts pdf.js's worker;
 * later opens (back to the library, open again) are timed apart. A peer measured in the same run: the same
 * text clipped as a plain article, click → article painted, so the ratio says what the pages cost on a
 * machine whose absolute numbers are noisy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_DIR, REPO_ROOT, startHarness } from '../../test/e2e/harness';

/** Browser side: clicks the clip row titled `title`; resolves with the ms until the first drawn page is painted. */
const OPEN_TO_PAINT = `([title, selector]) => new Promise((resolve) => {
  const row = [...document.querySelectorAll('.clip-row')].find((r) => r.textContent.includes(title));
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  row.click();
})`;

/** What was measured: the PDF's first and later opens, and the later opens of the same text as an article (ms). */
export interface FirstPageNumbers {
  first: number;
  later: number[];
  article: number[];
}

/** Measures `fixture` (see the module comment); null when the renderer is not built. */
export async function firstPagePainted(fixture: string, opens: number): Promise<FirstPageNumbers | null> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return null;
  const h = await startHarness();
  try {
    const data = readFileSync(join(REPO_ROOT, 'test/fixtures/pdf', fixture)).toString('base64');
    const clip = await h.service().clipPdf({ data, fileName: fixture });
    const text = (await h.service().getClip(clip.id)).text;
    const peer = await h.service().clipText({ text: `The same report as an article\n\n${text}`, onDuplicate: 'copy' });
    await h.open();
    const { page } = h;
    const library = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' });
    const timeOpens = async (title: string, selector: string, count: number) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        await library.click();
        await page.locator('.clip-row', { hasText: title }).first().waitFor();
        times.push((await page.evaluate(`(${OPEN_TO_PAINT})(${JSON.stringify([title, selector])})`)) as number);
      }
      return times;
    };
    const pdf = await timeOpens(clip.title, '.pdf-page.drawn', opens + 1);
    const article = await timeOpens(peer.title, '.article-body p', opens);
    h.assertNoErrors();
    return { first: pdf[0]!, later: pdf.slice(1), article };
  } finally {
    await h.close();
  }
}

/**
 * Time to the first PDF page painted, in the built renderer (out/renderer) in Chromium through the UI-test
 * harness: from the click on the clip's row in the library to the first frame after a page of the PDF is
 * drawn (canvas and text layer). The very first open also loads the PDF reader's code and starts pdf.js's
 * worker; then PDFs not opened before in the session (copies of the same report, each its own clip and file:
 * the file is read, checked and parsed every time) are what the target is about; reopening a PDF just read
 * (back to the library, open it again) is timed apart. A peer measured in the same run: the same text
 * clipped as a plain article, click → article painted, so the ratio says what the pages cost on a machine
 * whose absolute numbers are noisy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDF_OPEN_STEPS } from '../../src/renderer/src/pdf/openTiming';
import { RENDERER_DIR, REPO_ROOT, startHarness } from '../../test/e2e/harness';

/** Browser side: clicks the clip row titled `title`; resolves with the ms until the first drawn page is painted. */
const OPEN_TO_PAINT = `([title, selector]) => new Promise((resolve) => {
  const row = [...document.querySelectorAll('.clip-row')].find((r) => r.textContent.includes(title));
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      const steps = {};
      for (const m of performance.getEntriesByType('mark'))
        if (m.name.startsWith('gloss-pdf:') && m.startTime >= started) steps[m.name.slice(10)] = m.startTime - started;
      resolve({ ms: performance.now() - started, steps });
    }, 0));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  row.click();
})`;

/** One open: click → painted, and when each step of opening the PDF (pdf/openTiming.ts) was reached (ms). */
interface Open {
  ms: number;
  steps: Record<string, number>;
}

/** What was measured (ms): the window's first PDF open, PDFs opened for the first time, reopens, and the article peer. */
export interface FirstPageNumbers {
  first: number;
  fresh: number[];
  /** For the PDFs not opened before: the median time from the click to each step of opening it. */
  freshSteps: Array<[step: string, ms: number]>;
  reopen: number[];
  article: number[];
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** Measures `fixture` (see the module comment); null when the renderer is not built. */
export async function firstPagePainted(fixture: string, opens: number): Promise<FirstPageNumbers | null> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return null;
  const h = await startHarness();
  try {
    const data = readFileSync(join(REPO_ROOT, 'test/fixtures/pdf', fixture)).toString('base64');
    const clips = [];
    for (let i = 0; i <= opens; i++)
      clips.push(
        await h.service().clipPdf({ data, fileName: fixture, title: `Report copy ${i + 1}`, onDuplicate: 'copy' }),
      );
    const text = (await h.service().getClip(clips[0]!.id)).text;
    const peer = await h.service().clipText({ text: `The same report as an article\n\n${text}`, onDuplicate: 'copy' });
    await h.open();
    const { page } = h;
    const library = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' });
    const timeOpen = async (title: string, selector: string) => {
      await library.click();
      await page.locator('.clip-row', { hasText: title }).first().waitFor();
      return (await page.evaluate(`(${OPEN_TO_PAINT})(${JSON.stringify([title, selector])})`)) as Open;
    };
    const pdf: Open[] = [];
    for (const clip of clips) pdf.push(await timeOpen(clip.title, '.pdf-page.drawn'));
    // Back and forth between the last two PDFs read.
    const reopen: number[] = [];
    for (let i = 0; i < opens; i++) reopen.push((await timeOpen(clips[opens - (i % 2)]!.title, '.pdf-page.drawn')).ms);
    const article: number[] = [];
    for (let i = 0; i < opens; i++) article.push((await timeOpen(peer.title, '.article-body p')).ms);
    h.assertNoErrors();
    const fresh = pdf.slice(1);
    const freshSteps = PDF_OPEN_STEPS.flatMap((step): Array<[string, number]> => {
      const at = fresh.flatMap((o) => (step in o.steps ? [o.steps[step]!] : []));
      return at.length ? [[step, median(at)]] : [];
    });
    return { first: pdf[0]!.ms, fresh: fresh.map((o) => o.ms), freshSteps, reopen, article };
  } finally {
    await h.close();
  }
}

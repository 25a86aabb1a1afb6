/**
 * Reading pages in the worker thread: the same article as in-thread, a clear error when a page takes too
 * long or too much memory (and the next page still works), and the event loop keeps running meanwhile.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractFromHtml } from './extractHtml';
import {
  DEFAULT_EXTRACTION_LIMITS,
  extractArticle,
  stopExtractionWorker,
  useExtractionWorker,
} from './extractInWorker';

const URL = 'https://heavy.example/survey';
const para = (i: number) =>
  `<p>Entry ${i}: the survey counted <a href="/birds/${i}">herons</a> along the river each morning, and the <em>volunteers</em> wrote every sighting into a shared notebook.</p>`;
const table = (i: number) =>
  `<table><tr><th>Site ${i}</th><td>${i * 3}</td></tr><tr><td colspan="2">${'<span>nested</span>'.repeat(5)}</td></tr></table>`;
/** An article of `n` paragraphs (with lists and tables) inside page chrome: seconds of work for jsdom at n = 500. */
function heavyPage(n: number): string {
  const body = Array.from({ length: n }, (_, i) =>
    i % 50 === 49 ? table(i) + '<ul><li>one</li><li>two</li></ul>' : para(i),
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>River survey</title></head><body><nav><a href="/">Home</a></nav><article><h1>River survey</h1>${body}</article><footer>Footer</footer></body></html>`;
}
const SMALL = heavyPage(12);

describe('extractArticle (worker thread)', () => {
  afterAll(() => stopExtractionWorker());

  it('gives the same article as extracting in-thread, for a small and a heavy page', async () => {
    expect(await extractArticle(SMALL, { url: URL, origin: 'url' })).toEqual(
      extractFromHtml(SMALL, { url: URL, origin: 'url' }),
    );
    const heavy = heavyPage(500);
    const draft = await extractArticle(heavy, { url: URL, origin: 'url' });
    expect(draft.text).toContain('Entry 498');
    expect(draft).toEqual(extractFromHtml(heavy, { url: URL, origin: 'url' }));
  }, 120_000);

  it('keeps the event loop ticking while a heavy page is read', async () => {
    await extractArticle(SMALL, { url: URL }); // the worker is up
    let ticks = 0;
    const interval = setInterval(() => ticks++, 1);
    try {
      await extractArticle(heavyPage(500), { url: URL });
    } finally {
      clearInterval(interval);
    }
    // In-thread, the same read would run in one synchronous stretch: no tick could happen during it.
    expect(ticks).toBeGreaterThan(10);
  }, 120_000);

  it('gives the error of the page itself (no article) as in-thread', async () => {
    await expect(extractArticle('<html><body><nav>menu</nav></body></html>', { url: URL })).rejects.toMatchObject({
      code: 'extraction-failed',
      message: 'Could not find any article text on heavy.example.',
    });
  }, 60_000);

  it('fails a page over the time budget with a clear error, and the next page still works', async () => {
    // The budget runs from when the worker picks the page up, so starting the worker is not counted.
    const limits = { ...DEFAULT_EXTRACTION_LIMITS, timeoutMs: 50 };
    await expect(extractArticle(heavyPage(500), { url: URL }, limits)).rejects.toMatchObject({
      code: 'extraction-failed',
      message: 'The page at heavy.example took too long to read (over 50 ms), so it was not clipped.',
    });
    expect((await extractArticle(SMALL, { url: URL })).title).toBe('River survey');
  }, 120_000);

  it('fails a page over the memory cap with a clear error, and the next page still works', async () => {
    const limits = { ...DEFAULT_EXTRACTION_LIMITS, memoryMb: 64 };
    expect((await extractArticle(SMALL, {}, limits)).title).toBe('River survey'); // the cap fits an ordinary page
    await expect(extractArticle(heavyPage(20_000), {}, limits)).rejects.toMatchObject({
      code: 'extraction-failed',
      message: 'The page needed too much memory to read (over 64 MB), so it was not clipped.',
    });
    expect((await extractArticle(SMALL, {})).title).toBe('River survey');
  }, 120_000);
});

describe('extractArticle where the worker cannot start', () => {
  afterAll(() => useExtractionWorker(undefined));

  it('reads the page in-thread instead, with a warning, so clipping keeps working', async () => {
    useExtractionWorker(join(tmpdir(), 'gloss-no-such-worker', 'extractWorker.js'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await extractArticle(SMALL, { url: URL })).toEqual(extractFromHtml(SMALL, { url: URL }));
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringContaining("the page reader's worker could not start"),
      ]);
    } finally {
      warn.mockRestore();
    }
  }, 60_000);
});

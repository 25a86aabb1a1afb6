/**
 * The page reader's worker (and the Markdown converter's) as the desktop app ships it: the file electron-vite bundles from
 * core/clipper/extractWorker.ts (needs `npx electron-vite build`) runs on its own in a worker thread and
 * gives the same article as reading in-thread. Electron's main process runs the same file the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractFromHtml } from '../../src/core/clipper/extractHtml';
import { extractArticle, useExtractionWorker } from '../../src/core/clipper/extractInWorker';
import { clipMarkdown } from '../../src/core/export/markdown';
import { clipMarkdownInWorker, holdMarkdownWorker, useMarkdownWorker } from '../../src/core/export/markdownInWorker';
import type { ClipDocument } from '../../src/core/model';
import { REPO_ROOT } from './pageHelpers';

const CHUNKS = join(REPO_ROOT, 'out/main/chunks');
const PAGE = readFileSync(join(REPO_ROOT, 'test/fixtures/clipper/article-page.html'), 'utf8');

describe('the bundled page reader worker', () => {
  afterAll(() => {
    useExtractionWorker(undefined);
    useMarkdownWorker(undefined);
  });

  it('is built beside the main bundle and named in it', () => {
    const workers = readdirSync(CHUNKS).filter((f) => /^extractWorker-.*\.js$/.test(f));
    expect(workers).toHaveLength(1);
    expect(readFileSync(join(REPO_ROOT, 'out/main/index.js'), 'utf8')).toContain(`chunks/${workers[0]}`);
  });

  it('reads a page to the same article as in-thread', async () => {
    const [worker] = readdirSync(CHUNKS).filter((f) => /^extractWorker-.*\.js$/.test(f));
    useExtractionWorker(join(CHUNKS, worker!));
    const opts = { url: 'https://coastal.example/energy', origin: 'url' as const };
    expect(await extractArticle(PAGE, opts)).toEqual(extractFromHtml(PAGE, opts));
    await expect(extractArticle('<html><body></body></html>', opts)).rejects.toMatchObject({
      code: 'extraction-failed',
    });
  }, 60_000);

  it('converts a clip to the same Markdown as in-thread (the Markdown converter, bundled the same way)', async () => {
    const [worker] = readdirSync(CHUNKS).filter((f) => /^markdownWorker-.*\.js$/.test(f));
    expect(readFileSync(join(REPO_ROOT, 'out/main/index.js'), 'utf8')).toContain(`chunks/${worker}`);
    useMarkdownWorker(join(CHUNKS, worker!));
    const warn = vi.spyOn(console, 'warn');
    const release = holdMarkdownWorker();
    const document = {
      meta: { id: '20250305-k3v9q0xz', title: 'Tidal power', url: 'https://coastal.example/energy', tags: ['sea'] },
      html: '<h2>Winter</h2><p>The turbines ran <em>all winter</em>.</p><ul><li>one</li></ul>',
      text: '',
      highlights: [],
    } as unknown as ClipDocument;
    try {
      expect(await clipMarkdownInWorker(document)).toBe(clipMarkdown(document));
    } finally {
      release();
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  }, 60_000);
});

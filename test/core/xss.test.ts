/**
 * The XSS corpus through every way into the library (web page, pasted HTML, pasted text, the CLI with an
 * HTML file, a folder import, highlight notes): what is stored is inert, and stays the same when sanitised again (no
 * mutation through a re-parse). Importers, notebook quotes and Markdown re-import: xssImporters.test.ts. The Chromium side (test/e2e/xss.test.ts) proves nothing runs when shown.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../src/core/clipper/sanitize';
import { importFrom } from '../../src/core/import';
import { tempDir } from '../../src/core/library/testHelpers';
import { createGlossService, type GlossService } from '../../src/core/service';
import { hostilePage, payloadBatches, XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { startHostileSite, type HostileSite } from '../fixtures/xss/site';
import { expectInert, storedArticles } from '../fixtures/xss/stored';
import { gloss } from './cliHelpers';

const BATCHES = payloadBatches(10);

describe('XSS corpus', () => {
  let library: string;
  let service: GlossService;
  let site: HostileSite;

  beforeAll(async () => {
    library = await tempDir('xss');
    service = await createGlossService({ libraryDir: library });
    site = await startHostileSite(BATCHES);
  });

  afterAll(async () => {
    await service?.close();
    await site?.close();
  });

  it('has at least 100 payloads, each with its own canary number', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    expect(XSS_PAYLOADS.map((p) => p.n)).toEqual(XSS_PAYLOADS.map((_, i) => i + 1));
  });

  it('a page that is only a <frameset> fails with a clear message instead of crashing the clipper', async () => {
    await expect(
      service.clipHtml({ html: '<html><frameset><frame src="https://example.org/a"></frameset></html>' }),
    ).rejects.toMatchObject({
      code: 'extraction-failed',
    });
  });

  it('sanitises every payload on its own to inert HTML', { timeout: 120_000 }, () => {
    for (const p of XSS_PAYLOADS)
      expectInert(sanitizeArticleHtml(p.html, 'https://example.org/page'), `payload ${p.n} (${p.family}): ${p.html}`);
  });

  it('stores only inert HTML for web pages, pasted HTML, pasted text and highlight notes', async () => {
    for (const [i, batch] of BATCHES.entries()) {
      await service.clipUrl({ url: `${site.base}/batch/${i}` });
      await service.clipHtml({ html: hostilePage(100 + i, batch), url: `https://example.org/batch/${i}` });
    }
    const text = XSS_PAYLOADS.map((p) => p.html).join('\n\n');
    const pasted = await service.clipText({
      text: `Pasted hostile text <script>__xss(9500)</script>\n\n${text}`,
      title: '<img src=x onerror=__xss(9501)>',
    });
    const doc = await service.getClip(pasted.id);
    // Pasted text is text: the markup is shown as written, never parsed into elements.
    expect(doc.text).toMatch(/<img src=x onerror=__xss\(\d+\)>/);
    const first = await service.addHighlight({ clipId: pasted.id, start: 0, end: 6 });
    for (const p of XSS_PAYLOADS.slice(0, 20))
      await service.updateHighlight({ clipId: pasted.id, highlightId: first.id, note: p.html });
    expect((await service.getClip(pasted.id)).highlights[0]!.note).toBe(XSS_PAYLOADS[19]!.html);

    const stored = await storedArticles(library);
    expect(stored.size).toBe(BATCHES.length * 2 + 1);
    for (const [id, html] of stored) expectInert(html, `clips/${id}/article.html`);
  }, 180_000);

  it('stores only inert HTML for a folder import of hostile pages and hostile file names', async () => {
    const folder = await tempDir('xss-import');
    const importLibrary = await tempDir('xss-imported');
    await writeFile(join(folder, 'hostile.html'), hostilePage(200, XSS_PAYLOADS));
    await writeFile(join(folder, '<img src=x onerror=__xss(9800)>.md'), XSS_PAYLOADS.map((p) => p.html).join('\n\n'));
    const importer = await createGlossService({ libraryDir: importLibrary });
    await importFrom(importer, 'folder', folder);
    const titles = (await importer.listClips()).map((c) => c.title);
    await importer.close();
    const stored = await storedArticles(importLibrary);
    expect(stored.size, titles.join(' | ')).toBe(2);
    for (const [id, html] of stored) expectInert(html, `imported clips/${id}/article.html`);
  }, 120_000);

  it('stores only inert HTML for an HTML file clipped with the CLI', async () => {
    const cliLibrary = await tempDir('xss-cli');
    const file = join(cliLibrary, 'hostile.html');
    await writeFile(file, hostilePage(99, XSS_PAYLOADS));
    const { code } = await gloss(join(cliLibrary, 'lib'), ['clip', file]);
    expect(code).toBe(0);
    const stored = await storedArticles(join(cliLibrary, 'lib'));
    expect(stored.size).toBe(1);
    for (const [id, html] of stored) expectInert(html, `CLI clips/${id}/article.html`);
  }, 60_000);
});

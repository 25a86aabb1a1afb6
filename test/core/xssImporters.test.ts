/**
 * The XSS corpus through every importer (Readwise CSV, Omnivore export, Pocket HTML and CSV, whose pages
 * come from a real local server), through notebook quotes, and through a Markdown export imported back:
 * what is stored is inert, hostile addresses are neither fetched nor kept, and notes stay plain text.
 * The Chromium side (test/e2e/xssViews.test.ts) shows the same libraries with the canary armed.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../src/core/export/library';
import { importFrom } from '../../src/core/import';
import { createGlossService, type GlossService } from '../../src/core/service';
import { payloadBatches, XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { hostileNotebookPage } from '../fixtures/xss/notebook';
import { startHostileSite, type HostileSite } from '../fixtures/xss/site';
import { HOSTILE_URLS, writeHostileExports, type HostileExports } from '../fixtures/xss/sources';
import { expectLibraryInert } from '../fixtures/xss/stored';

const BATCHES = payloadBatches(10);

async function storedMetas(library: string): Promise<Array<{ url: string | null; title: string }>> {
  const ids = await readdir(join(library, 'clips'));
  return Promise.all(ids.map(async (id) => JSON.parse(await readFile(join(library, 'clips', id, 'meta.json'), 'utf8'))));
}

describe('XSS corpus through the importers, notebook quotes and Markdown re-import', () => {
  let root: string;
  let site: HostileSite;
  let exports: HostileExports;
  let service: GlossService;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gloss-xss-importers-'));
    site = await startHostileSite(BATCHES);
    exports = await writeHostileExports(root, site.base, BATCHES);
    service = await createGlossService({ libraryDir: join(root, 'library') });
  });

  afterAll(async () => {
    await service?.close();
    await site?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('stores only inert articles from every importer, and keeps no hostile address', async () => {
    const reports = {
      readwise: await importFrom(service, 'readwise', exports.readwiseCsv),
      omnivore: await importFrom(service, 'omnivore', exports.omnivoreFolder),
      pocketHtml: await importFrom(service, 'pocket', exports.pocketHtml),
      pocketCsv: await importFrom(service, 'pocket', exports.pocketCsv),
    };
    expect(reports.readwise.imported).toBe(BATCHES.length);
    expect(reports.omnivore.imported).toBe(BATCHES.length);
    expect(reports.pocketHtml.imported).toBe(BATCHES.length);
    expect(reports.pocketCsv.imported).toBe(BATCHES.length);
    for (const report of [reports.omnivore, reports.pocketHtml, reports.pocketCsv]) {
      expect(report.placeholders, 'every linked page was fetched and read').toBe(0);
      expect(report.skipped.length, JSON.stringify(report.skipped)).toBe(HOSTILE_URLS.length);
    }
    expect(await expectLibraryInert(service.libraryPath, 'imported')).toBe(BATCHES.length * 4);
    for (const meta of await storedMetas(service.libraryPath)) expect(meta.url ?? 'http://', meta.title).toMatch(/^https?:\/\//);
    // Notes are kept as the text they were, never parsed: the reader shows them as text.
    const notes = (await service.listHighlights()).map((h) => h.highlight.note);
    expect(notes).toContain(`quokkacanary note ${XSS_PAYLOADS[0]!.html}`);
  }, 300_000);

  it('stores a notebook page quoting hostile highlights as plain data (its Markdown copy is re-imported below)', async () => {
    const page = await hostileNotebookPage(service);
    const stored = await service.getPage(page.id);
    expect(JSON.stringify(stored.doc)).toContain(XSS_PAYLOADS[0]!.html.replace(/"/g, '\\"'));
  }, 60_000);

  it('exports the hostile library to Markdown and imports that folder back as inert articles', async () => {
    const out = join(root, 'markdown');
    const exported = await exportLibrary(service, { format: 'md', out });
    expect(exported.clips).toBe(BATCHES.length * 4);
    expect(exported.pages).toBe(1);
    const again = await createGlossService({ libraryDir: join(root, 'reimported') });
    try {
      const report = await importFrom(again, 'folder', out);
      expect(report.imported).toBe(BATCHES.length * 4 + 1);
      expect(await expectLibraryInert(again.libraryPath, 're-imported')).toBe(BATCHES.length * 4 + 1);
      for (const meta of await storedMetas(again.libraryPath)) expect(meta.url ?? 'http://', meta.title).toMatch(/^https?:\/\//);
    } finally {
      await again.close();
    }
  }, 300_000);
});

/**
 * The XSS corpus through every importer (Readwise CSV, Omnivore export, Pocket HTML and CSV, whose pages
 * come from a real local server), the bookmarklet endpoint (a real HTTP client, JSON and form), notebook
 * quotes, and a Markdown export of all of it imported back:
 * what is stored is inert, hostile addresses are neither fetched nor kept, and notes stay plain text.
 * The Chromium side (test/e2e/xssViews.test.ts) shows the same libraries with the canary armed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../src/core/export/library';
import { importFrom } from '../../src/core/import';
import { endpointLimits } from '../../src/core/endpoint/rateLimit';
import { send } from '../../src/core/endpoint/testNetwork';
import { tempDir } from '../../src/core/library/testHelpers';
import { createGlossService, type GlossService } from '../../src/core/service';
import { executableVectors } from '../fixtures/xss/inert';
import { hostilePage, payloadBatches, XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { hostileNotebookPage } from '../fixtures/xss/notebook';
import { startHostileSite, type HostileSite } from '../fixtures/xss/site';
import { HOSTILE_URLS, writeHostileExports, type HostileExports } from '../fixtures/xss/sources';
import { expectLibraryInert } from '../fixtures/xss/stored';

const BATCHES = payloadBatches(10);

async function storedMetas(library: string): Promise<Array<{ url: string | null; title: string }>> {
  const ids = await readdir(join(library, 'clips'));
  return Promise.all(
    ids.map(async (id) => JSON.parse(await readFile(join(library, 'clips', id, 'meta.json'), 'utf8'))),
  );
}

describe('XSS corpus through the importers, notebook quotes and Markdown re-import', () => {
  let root: string;
  let site: HostileSite;
  let exports: HostileExports;
  let service: GlossService;

  beforeAll(async () => {
    root = await tempDir('xss-importers');
    site = await startHostileSite(BATCHES);
    exports = await writeHostileExports(root, site.base, BATCHES);
    service = await createGlossService({ libraryDir: join(root, 'library') });
  });

  afterAll(async () => {
    await service?.close();
    await site?.close();
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
    for (const meta of await storedMetas(service.libraryPath))
      expect(meta.url ?? 'http://', meta.title).toMatch(/^https?:\/\//);
    // Notes are kept as the text they were, never parsed: the reader shows them as text.
    const notes = (await service.listHighlights()).map((h) => h.highlight.note);
    expect(notes).toContain(`quokkacanary note ${XSS_PAYLOADS[0]!.html}`);
  }, 300_000);

  it('stores a notebook page quoting hostile highlights as plain data (its Markdown copy is re-imported below)', async () => {
    const page = await hostileNotebookPage(service);
    const stored = await service.getPage(page.id);
    expect(JSON.stringify(stored.doc)).toContain(XSS_PAYLOADS[0]!.html.replace(/"/g, '\\"'));
  }, 60_000);

  it('stores only inert articles from the bookmarklet endpoint (JSON and form), whose answer pages are inert too', async () => {
    const port = (await service.startClipEndpoint({ limits: endpointLimits(1000) })).port!;
    const token = (await service.getSettings()).clipEndpoint.token;
    const before = (await service.listClips()).length;
    for (const [i, batch] of BATCHES.entries()) {
      // Two different pages per batch (the endpoint updates a clip whose text it already holds).
      const payload = (via: 'json' | 'form', n: number) =>
        JSON.stringify({
          token,
          url: `${site.base}/batch/${i}?via=${via}`,
          html: hostilePage(n, batch),
          title: `Endpoint ${i} ${batch[0]!.html}`,
          selection: batch[1]?.html ?? '',
        });
      const asJson = await send(port, { body: payload('json', 200 + i) });
      expect(asJson.status, asJson.body).toBe(200);
      expect(asJson.headers['content-type']).toMatch(/^application\/json/);
      // The form fallback answers with a page in the person's browser: the clip's title must stay text there.
      const asForm = await send(port, {
        body: new URLSearchParams({ payload: payload('form', 300 + i) }).toString(),
        type: 'application/x-www-form-urlencoded',
      });
      expect(asForm.status, asForm.body).toBe(200);
      const page = asForm.body.replace(
        /^<!doctype html><meta charset="utf-8"><title>Gloss<\/title><p style="[^"<>]*">/,
        '<p>',
      );
      expect(executableVectors(page), asForm.body).toEqual([]);
      expect(new JSDOM(page).window.document.body.textContent).toContain(batch[0]!.html);
    }
    expect((await service.listClips()).length).toBe(before + BATCHES.length * 2);
    await expectLibraryInert(service.libraryPath, 'endpoint');
    for (const meta of await storedMetas(service.libraryPath))
      expect(meta.url ?? 'http://', meta.title).toMatch(/^https?:\/\//);
  }, 300_000);

  it('exports the hostile library to Markdown and imports that folder back as inert articles', async () => {
    const out = join(root, 'markdown');
    const exported = await exportLibrary(service, { format: 'md', out });
    const clips = (await service.listClips()).length;
    expect(exported.clips).toBe(clips);
    expect(exported.pages).toBe(1);
    const again = await createGlossService({ libraryDir: join(root, 'reimported') });
    try {
      const report = await importFrom(again, 'folder', out);
      expect(report.imported).toBe(clips + 1);
      expect(await expectLibraryInert(again.libraryPath, 're-imported')).toBe(clips + 1);
      for (const meta of await storedMetas(again.libraryPath))
        expect(meta.url ?? 'http://', meta.title).toMatch(/^https?:\/\//);
    } finally {
      await again.close();
    }
  }, 300_000);
});

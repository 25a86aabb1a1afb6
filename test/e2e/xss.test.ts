/**
 * The XSS corpus shown in every view of the real renderer (Chromium, real core): reader, library list,
 * search results and the highlight panel with hostile notes. The page gets a canary `__xss(n)` that
 * reports to the test from any frame; the test fails if any payload calls it, opens a dialog, navigates,
 * adds a frame, or makes a non-image request to another host. The page's CSP is switched off, so this
 * proves the sanitisers alone hold (the CSP is a second wall).
 *
 * Ways in: web pages from a local server, pasted HTML, pasted text, the CLI with an HTML file, highlight
 * notes, and article files edited behind the app's back (which only the renderer's own sanitiser guards).
 * Importers, notebook quotes and Markdown re-import: xssViews.test.ts.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostilePage, payloadBatches, XSS_PAYLOADS, XSS_SEARCH_WORD } from '../fixtures/xss/payloads';
import { startHostileSite, type HostileSite } from '../fixtures/xss/site';
import { tempDir } from '../../src/core/library/testHelpers';
import type { Harness } from './harness';
import { gloss } from '../core/cliHelpers';
import { startHarness } from './harness';
import { armCanary, drawEveryLibraryRow, canarySelfTest, openEveryClip, searchEach, SETTLE_MS } from './xssCanary';

const BATCHES = payloadBatches(10);

describe('Gloss UI: no script from a clipped page ever runs', () => {
  let h: Harness;
  let site: HostileSite;
  let fired: string[] = [];

  beforeAll(async () => {
    site = await startHostileSite(BATCHES);
    const base = site.base;

    // The app's CSP alone would block inline handlers; it is off here so the test proves the sanitisers hold
    // by themselves (defence in depth), and the self-test proves the canary would see a hit.
    h = await startHarness({ bypassCSP: true });
    fired = await armCanary(h);

    // Every way in, before the app opens.
    const service = h.service();
    for (const [i, batch] of BATCHES.entries()) {
      await service.clipUrl({ url: `${base}/batch/${i}` });
      await service.clipHtml({
        html: hostilePage(100 + i, batch),
        title: `Pasted <img src=x onerror=__xss(${9600 + i})> ${i}`,
      });
      const tampered = await service.clipText({
        text: `Tampered batch ${i}\n\nThis ${XSS_SEARCH_WORD} clip's article file is replaced on disk.`,
      });
      const dir = join(h.libraryDir, 'clips', tampered.id);
      await writeFile(
        join(dir, 'article.html'),
        `<p>${XSS_SEARCH_WORD} tampered ${i}</p>${batch.map((p) => p.html).join('\n')}`,
      );
      await rm(join(dir, 'article.txt'), { force: true });
    }
    const pasted = await service.clipText({
      title: `<svg onload=__xss(9700)> Pasted text`,
      text: `Hostile notes and pasted markup\n\n${XSS_PAYLOADS.map((p) => `${XSS_SEARCH_WORD} ${p.html}`).join('\n\n')}`,
    });
    const { text } = await service.getClip(pasted.id);
    for (const p of XSS_PAYLOADS.filter((_, i) => i % 6 === 0)) {
      const at = text.indexOf(p.html);
      if (at < 0) continue;
      const hl = await service.addHighlight({
        clipId: pasted.id,
        start: at,
        end: at + Math.min(p.html.length, 30),
        note: p.html,
      });
      await service.updateHighlight({
        clipId: pasted.id,
        highlightId: hl.id,
        note: `${XSS_SEARCH_WORD} note ${p.html}`,
      });
    }
    // The CLI writes to the same library folder; a restart makes the app's service read it.
    const cliFile = join(await tempDir('xss-cli'), 'hostile.html');
    await writeFile(cliFile, hostilePage(77, XSS_PAYLOADS));
    expect((await gloss(h.libraryDir, ['clip', cliFile])).code).toBe(0);
    await h.open();
    await h.restart();
    await h.service().indexReady();
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('would see a payload that ran (canary self-test)', async () => {
    expect(await canarySelfTest(h, fired)).toEqual(['canary called: self-test']);
  });

  it('runs nothing in the library list', async () => {
    const rows = h.page.locator('.clip-row');
    await rows.first().waitFor();
    // The list is virtualised: scroll it through so that every row is drawn once.
    expect((await drawEveryLibraryRow(h.page)).size).toBe(BATCHES.length * 3 + 2);
    await h.page.waitForTimeout(SETTLE_MS);
    expect(fired).toEqual([]);
  });

  it('runs nothing when each clip is opened in the reader, hostile notes included', async () => {
    const withNotes = (await h.service().listClips()).find((c) => c.highlightCount > 0);
    expect(withNotes?.highlightCount).toBeGreaterThan(10);
    expect(await openEveryClip(h, fired)).toEqual([]);
  }, 240_000);

  it('runs nothing in search results over the hostile pages and notes', async () => {
    expect(await searchEach(h, fired, [XSS_SEARCH_WORD, 'onerror', 'script', 'javascript'])).toEqual([]);
  }, 60_000);

  it('leaves the app and its bridge intact', async () => {
    await expect(
      h.page.evaluate(`typeof window.gloss.listClips === 'function' && typeof window.__xss === 'function'`),
    ).resolves.toBe(true);
    expect(fired).toEqual([]);
  });
});

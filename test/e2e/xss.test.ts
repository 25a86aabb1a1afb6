/**
 * The XSS corpus shown in every view of the real renderer (Chromium, real core): reader, library list,
 * search results and the highlight panel with hostile notes. The page gets a canary `__xss(n)` that
 * reports to the test from any frame; the test fails if any payload calls it, opens a dialog, navigates,
 * adds a frame, or makes a non-image request to another host. The page's CSP is switched off, so this
 * proves the sanitisers alone hold (the CSP is a second wall).
 *
 * Ways in: web pages from a local server, pasted HTML, pasted text, the CLI with an HTML file, highlight
 * notes, and article files edited behind the app's back (which only the renderer's own sanitiser guards).
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostilePage, payloadBatches, XSS_PAYLOADS, XSS_SEARCH_WORD } from '../fixtures/xss/payloads';
import type { Harness } from './harness';
import { REPO_ROOT, startHarness } from './harness';

const BATCHES = payloadBatches(10);
/** Long enough for image errors, autofocus, animations and meta refresh to have fired. */
const SETTLE_MS = 400;
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const CANARY = `(() => {
  const report = (what) => { try { window.__xssReport(String(what)); } catch {} };
  Object.defineProperty(window, '__xss', { value: (n) => report(n), writable: false, configurable: false });
})();`;

function runCli(library: string, file: string): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'clip', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, GLOSS_LIBRARY: library },
      stdio: 'ignore',
    });
    child.on('error', fail);
    child.on('close', done);
  });
}

describe('Gloss UI: no script from a clipped page ever runs', () => {
  let h: Harness;
  let site: Server;
  const fired: string[] = [];

  beforeAll(async () => {
    site = createServer((req, res) => {
      const batch = Number(/^\/batch\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
      if (!BATCHES[batch]) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostilePage(batch, BATCHES[batch]));
    });
    await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

    // The app's CSP alone would block inline handlers; it is off here so the test proves the sanitisers hold
    // by themselves (defence in depth), and the self-test proves the canary would see a hit.
    h = await startHarness({ bypassCSP: true });
    const { context, page } = h;
    await context.exposeBinding('__xssReport', (_source, what: string) => void fired.push(`canary called: ${what}`));
    await context.addInitScript({ content: CANARY });
    // Nothing leaves the machine; anything but an image from another host counts as a hit.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        const req = route.request();
        if (req.resourceType() !== 'image') fired.push(`${req.resourceType()} request to ${req.url()}`);
        return req.resourceType() === 'image'
          ? route.fulfill({ status: 200, contentType: 'image/gif', body: GIF })
          : route.fulfill({ status: 200, contentType: 'text/javascript', body: `__xss('remote ${req.url()}')` });
      },
    );
    page.on('dialog', (dialog) => {
      fired.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('frameattached', (frame) => fired.push(`frame attached: ${frame.url()}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && !frame.url().startsWith(h.url)) fired.push(`navigated to ${frame.url()}`);
    });
    page.on('pageerror', (error) => fired.push(`page error: ${error.message}`));

    // Every way in, before the app opens.
    const service = h.service();
    for (const [i, batch] of BATCHES.entries()) {
      await service.clipUrl({ url: `${base}/batch/${i}` });
      await service.clipHtml({ html: hostilePage(100 + i, batch), title: `Pasted <img src=x onerror=__xss(${9600 + i})> ${i}` });
      const tampered = await service.clipText({ text: `Tampered batch ${i}\n\nThis ${XSS_SEARCH_WORD} clip's article file is replaced on disk.` });
      const dir = join(h.libraryDir, 'clips', tampered.id);
      await writeFile(join(dir, 'article.html'), `<p>${XSS_SEARCH_WORD} tampered ${i}</p>${batch.map((p) => p.html).join('\n')}`);
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
      const hl = await service.addHighlight({ clipId: pasted.id, start: at, end: at + Math.min(p.html.length, 30), note: p.html });
      await service.updateHighlight({ clipId: pasted.id, highlightId: hl.id, note: `${XSS_SEARCH_WORD} note ${p.html}` });
    }
    // The CLI writes to the same library folder; a restart makes the app's service read it.
    const cliFile = join(h.libraryDir, '..', `gloss-xss-${process.pid}.html`);
    await writeFile(cliFile, hostilePage(77, XSS_PAYLOADS));
    expect(await runCli(h.libraryDir, cliFile)).toBe(0);
    await rm(cliFile, { force: true });
    await h.open();
    await h.restart();
    await h.service().indexReady();
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    await new Promise((ok) => site?.close(ok));
  });

  it('would see a payload that ran (canary self-test)', async () => {
    await h.page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img id="selftest" src="x" onerror="__xss(\\'self-test\\')">')`);
    await expect.poll(() => fired.length).toBe(1);
    expect(fired.splice(0)).toEqual(['canary called: self-test']);
    await h.page.evaluate(`document.getElementById('selftest').remove()`);
  });

  it('runs nothing in the library list', async () => {
    const rows = h.page.locator('.clip-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(BATCHES.length * 3 + 2);
    await h.page.waitForTimeout(SETTLE_MS);
    expect(fired).toEqual([]);
  });

  it('runs nothing when each clip is opened in the reader, hostile notes included', async () => {
    const { page } = h;
    const clips = await h.service().listClips();
    const withNotes = clips.find((c) => c.highlightCount > 0);
    expect(withNotes?.highlightCount).toBeGreaterThan(10);
    for (const clip of clips) {
      await page.locator(`.clip-row[data-clip-id="${clip.id}"]`).click();
      await page.locator('.article-body').waitFor();
      if (clip === withNotes) await page.locator('.hl-item').first().waitFor();
      await page.waitForTimeout(SETTLE_MS);
      expect(fired, `after opening "${clip.title}"`).toEqual([]);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Library/ }).click();
      await page.locator('.clip-list').waitFor();
    }
  }, 240_000);

  it('runs nothing in search results over the hostile pages and notes', async () => {
    const { page } = h;
    const box = page.getByRole('combobox', { name: 'Search your library' });
    if (!(await box.isVisible())) await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Search/ }).click();
    for (const query of [XSS_SEARCH_WORD, 'onerror', 'script', 'javascript']) {
      await box.fill(query);
      await page.getByRole('listbox', { name: 'Results' }).locator('.result').first().waitFor();
      await page.waitForTimeout(SETTLE_MS);
      expect(fired, `after searching "${query}"`).toEqual([]);
    }
  }, 60_000);

  it('leaves the app and its bridge intact', async () => {
    await expect(h.page.evaluate(`typeof window.gloss.listClips === 'function' && typeof window.__xss === 'function'`)).resolves.toBe(true);
    expect(fired).toEqual([]);
  });
});

/**
 * Issue 18, "the bookmarklet on a browser's PDF viewer tab sends the address": the endpoint takes a PDF's
 * address (no page HTML), downloads it through the URL clipper's fetch from a real loopback server, and
 * clips it as a PDF; a login page at a `.pdf` address, a refused or cut-off download fail with a message
 * the bookmarklet shows; the same PDF again waits in the app like any page sent again; an address on this
 * computer is fetched only for a tab of that same origin.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDF_NEEDS_LOGIN } from '../clipper';
import { tempDir } from '../library/testHelpers';
import { pdfFixture } from '../pdf/testFixtures';
import { createGlossService, type GlossService } from '../service';
import { endpointLimits } from './rateLimit';
import { send } from './testNetwork';

const paper = pdfFixture('paper.pdf');
const LOGIN =
  '<!doctype html><html><head><title>Sign in</title></head><body><form><p>Sign in to read this article. Institutional access and subscriptions are available.</p><input name="user"></form></body></html>';

describe('the bookmarklet on a PDF viewer tab', { timeout: 120_000 }, () => {
  let service: GlossService;
  let site: Server;
  let base: string;
  const hits: string[] = [];

  beforeEach(async () => {
    hits.length = 0;
    site = createServer((req, res) => {
      hits.push(req.url ?? '');
      const pdf = (bytes: Uint8Array) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(bytes);
      if (req.url === '/abs/2401.0042') res.writeHead(302, { location: '/pdf/2401.0042' }).end();
      else if (req.url === '/pdf/2401.0042') pdf(paper);
      else if (req.url === '/mirror/paper.pdf') pdf(paper);
      else if (req.url === '/elsewhere.pdf')
        res.writeHead(302, { location: base.replace('127.0.0.1', 'localhost') + '/pdf/2401.0042' }).end();
      else if (req.url === '/paywalled.pdf') res.writeHead(200, { 'content-type': 'text/html' }).end(LOGIN);
      else if (req.url === '/labelled.pdf') pdf(Buffer.from(LOGIN));
      else if (req.url === '/members.pdf') res.writeHead(401, { 'www-authenticate': 'Basic' }).end();
      else if (req.url === '/cut.pdf') pdf(pdfFixture('truncated.pdf'));
      else if (req.url === '/locked.pdf') pdf(pdfFixture('protected.pdf'));
      else res.writeHead(404).end();
    });
    await new Promise<void>((ready) => site.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    service = await createGlossService({ libraryDir: await tempDir() });
  });
  afterEach(async () => {
    await service.close();
    await new Promise((done) => site.close(done));
  });

  async function start() {
    const info = await service.startClipEndpoint({ limits: endpointLimits(1000) });
    return { port: info.port!, token: (await service.getSettings()).clipEndpoint.token };
  }
  /** What the bookmarklet posts from a PDF tab: the address only; `origin` is the tab's, as a browser sends it. */
  const sendPdf = (port: number, token: string, url: string, origin = base) =>
    send(port, { body: JSON.stringify({ token, url, kind: 'pdf' }), origin });

  it('downloads the PDF at the tab’s address (after redirects) and clips it as a PDF, byte for byte', async () => {
    const { port, token } = await start();
    const res = await sendPdf(port, token, `${base}/abs/2401.0042#page=2`);
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body);
    expect(answer).toMatchObject({ ok: true, title: 'Tidal Rhythms in Coastal Reading Habits' });
    const doc = await service.getClip(answer.id);
    expect(doc.meta).toMatchObject({ url: `${base}/pdf/2401.0042`, pdf: { pages: 4, bytes: paper.byteLength } });
    expect(doc.meta.biblio?.doi).toBe('10.5555/gloss.2024.0042');
    const original = await fs.readFile(path.join(service.libraryPath, 'clips', answer.id, 'original.pdf'));
    expect(createHash('sha256').update(original).digest('hex')).toBe(createHash('sha256').update(paper).digest('hex'));
    expect(hits).toEqual(['/abs/2401.0042', '/pdf/2401.0042']);
  });

  it('a login page, a refusal, a cut-off or locked file fail with a message for the person, and add nothing', async () => {
    const { port, token } = await start();
    for (const name of ['/paywalled.pdf', '/labelled.pdf', '/members.pdf']) {
      const res = await sendPdf(port, token, base + name);
      expect(res.status, name).toBe(422);
      expect(JSON.parse(res.body), name).toEqual({ ok: false, error: PDF_NEEDS_LOGIN });
    }
    const cut = JSON.parse((await sendPdf(port, token, `${base}/cut.pdf`)).body);
    expect(cut.error).toContain('cut off');
    const locked = JSON.parse((await sendPdf(port, token, `${base}/locked.pdf`)).body);
    expect(locked.error).toContain('password');
    // The form fallback (a page whose CSP forbids the fetch) shows the same message on its page.
    const form = await send(port, {
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({
        payload: JSON.stringify({ token, url: `${base}/paywalled.pdf`, kind: 'pdf' }),
      }).toString(),
      origin: base,
    });
    expect(form.body).toContain('needs your browser’s login; download it and drop the file into Gloss');
    // An address typed into the app that names a PDF is held to the same rule: no “Sign in” clip.
    await expect(service.clipUrl({ url: `${base}/paywalled.pdf` })).rejects.toMatchObject({ message: PDF_NEEDS_LOGIN });
    expect(await service.listClips()).toHaveLength(0);
  });

  it('the same PDF again (same file, another address) waits in the app to be applied, its file kept beside it', async () => {
    const { port, token } = await start();
    const first = JSON.parse((await sendPdf(port, token, `${base}/pdf/2401.0042`)).body);
    const again = await sendPdf(port, token, `${base}/mirror/paper.pdf`);
    expect(again.status).toBe(202);
    expect(JSON.parse(again.body)).toMatchObject({ ok: true, waiting: true, id: first.id });
    expect(await service.listClips()).toHaveLength(1);
    const inbox = path.join(service.libraryPath, 'inbox');
    expect((await fs.readdir(inbox)).sort()).toEqual([`${first.id}.json`, `${first.id}.pdf`]);
    expect(Buffer.compare(await fs.readFile(path.join(inbox, `${first.id}.pdf`)), Buffer.from(paper))).toBe(0);
    expect(await service.getBrowserUpdate({ id: first.id })).toMatchObject({ url: `${base}/mirror/paper.pdf` });
    await service.applyBrowserUpdate({ id: first.id });
    const doc = await service.getClip(first.id);
    expect(doc.meta).toMatchObject({ url: `${base}/mirror/paper.pdf`, pdf: { pages: 4 } });
    const original = await fs.readFile(path.join(service.libraryPath, 'clips', first.id, 'original.pdf'));
    expect(Buffer.compare(original, Buffer.from(paper))).toBe(0);
    expect(await fs.readdir(inbox)).toEqual([]);
  });

  it('a PDF over the size cap is refused by the URL clipper’s fetch, named as a PDF', async () => {
    await service.close();
    service = await createGlossService({ libraryDir: await tempDir(), fetch: { maxPdfBytes: 4096 } });
    const { port, token } = await start();
    const res = await sendPdf(port, token, `${base}/pdf/2401.0042`);
    expect(JSON.parse(res.body).error).toBe(
      `The PDF at ${new URL(base).host} is larger than 4 KB, so it was not clipped.`,
    );
    await expect(service.clipUrl({ url: `${base}/pdf/2401.0042` })).rejects.toMatchObject({ code: 'too-large' });
    expect(await service.listClips()).toHaveLength(0);
  });

  it('takes web addresses only, and one on this computer only from a tab of that same origin', async () => {
    const { port, token } = await start();
    for (const url of ['file:///etc/passwd', 'data:application/pdf;base64,JVBERi0=', 'javascript:alert(1)']) {
      const res = await sendPdf(port, token, url);
      expect(res.status, url).toBe(400);
    }
    const fromElsewhere = await sendPdf(port, token, `${base}/pdf/2401.0042`, 'https://journal.example');
    expect(fromElsewhere.status).toBe(422);
    expect(JSON.parse(fromElsewhere.body).error).toContain('private network');
    const noOrigin = await sendPdf(port, token, `http://localhost:${new URL(base).port}/pdf/2401.0042`, '');
    expect(noOrigin.status).toBe(422);
    expect(hits).toEqual([]);
    // Every redirect is checked again: from the tab's origin to another one on this computer is refused.
    const redirected = await sendPdf(port, token, `${base}/elsewhere.pdf`);
    expect(JSON.parse(redirected.body).error).toContain('localhost');
    expect(hits).toEqual(['/elsewhere.pdf']);
    expect(await service.listClips()).toHaveLength(0);
  });
});

/**
 * Issue 19, items 1 and 7. A hostile page reads the bookmarklet's token (it wraps JSON.stringify before the
 * bookmarklet runs) and posts its own version of an article the library holds: the clip does not change,
 * the new version waits with the page's origin for the person to compare and apply or discard. Floods of
 * wrong tokens and preflights, or one client's flood, never lock the real bookmarklet out; tokens expire.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { findQuote } from '../anchoring/describe';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { endpointLimits } from './rateLimit';
import { startClipEndpoint } from './server';
import { send } from './testNetwork';

const article = (
  figure: string,
) => `<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>
<p>The harbour authority reported a ${figure} this year, the council said on Tuesday after a long meeting.</p>
<p>Maintenance costs fell by a third as the new cranes needed fewer repairs than the old ones did.</p>
<p>The authority plans to spend part of it on dredging the eastern channel before the winter storms.</p>
</article></body></html>`;

const URL_ = 'https://harbour.example/budget';

/**
 * Runs the bookmarklet as a page would: `pageScript` runs first in the same JavaScript world (so it can wrap
 * globals), then the bookmarklet. The page's fetch is Node's, sending the page's Origin like a browser does.
 */
async function runBookmarklet(
  bookmarklet: string,
  page: { url: string; html: string; origin: string },
  pageScript: string,
) {
  const posted: Promise<unknown>[] = [];
  const element = () => ({ setAttribute() {}, appendChild() {}, remove() {}, submit() {} });
  const context: Record<string, unknown> = {
    location: { href: page.url },
    document: {
      title: 'Harbour budget',
      documentElement: { outerHTML: page.html },
      body: { appendChild() {} },
      createElement: element,
    },
    window: { getSelection: () => '' },
    setTimeout: () => 0,
    fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
      const done = fetch(url, { ...init, headers: { ...init.headers, origin: page.origin } });
      posted.push(done);
      return done;
    },
    stolen: [] as string[],
  };
  context['globalThis'] = context;
  runInNewContext(pageScript, context);
  runInNewContext(decodeURIComponent(bookmarklet.slice('javascript:'.length)), context);
  await Promise.all(posted);
  return context['stolen'] as string[];
}

describe('the clip endpoint against a page that steals its token', { timeout: 60_000 }, () => {
  let service: GlossService;
  afterEach(async () => service?.close());

  it('cannot change a clip without the person seeing it: the new version waits, with its origin', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const info = await service.startClipEndpoint({ limits: endpointLimits(1000) });
    const port = info.port!;
    const token = (await service.getSettings()).clipEndpoint.token;

    // The person clips the article and highlights the figure.
    const first = await send(port, {
      origin: 'https://harbour.example',
      body: JSON.stringify({ token, url: URL_, html: article('surplus of four million') }),
    });
    expect(first.status).toBe(200);
    const clipId = JSON.parse(first.body).id as string;
    const range = findQuote((await service.getClip(clipId)).text, 'surplus of four million')!;
    await service.addHighlight({ clipId, ...range, note: 'Check' });

    // Later the person clips a page on evil.example, which wraps JSON.stringify to read the token.
    const stolen = await runBookmarklet(
      info.bookmarklet!,
      { url: 'https://evil.example/post', html: article('nothing'), origin: 'https://evil.example' },
      `var s = JSON.stringify; JSON.stringify = function (v) { if (v && v.token) stolen.push(v.token); return s.apply(JSON, arguments); };`,
    );
    expect(stolen).toEqual([token]);

    // With it, the page posts its own version of the harbour article.
    const forged = await send(port, {
      origin: 'https://evil.example',
      body: JSON.stringify({ token: stolen[0], url: URL_, html: article('DEFICIT of forty million') }),
    });
    expect(forged.status).toBe(202);
    expect(JSON.parse(forged.body)).toMatchObject({ ok: true, waiting: true, id: clipId });

    // The clip and its highlight are as the person left them.
    const clip = await service.getClip(clipId);
    expect(clip.text).toContain('surplus of four million');
    expect(clip.text).not.toContain('DEFICIT');
    expect(clip.highlights.map((h) => clip.text.slice(h.anchor!.start, h.anchor!.end))).toEqual([
      'surplus of four million',
    ]);

    // The app shows what waits, where it came from, and what it would change.
    const waiting = await service.getBrowserUpdate({ id: clipId });
    expect(waiting).toMatchObject({ clipId, origin: 'https://evil.example', changed: 2 });
    expect(waiting!.removed.join(' ')).toContain('surplus of four million');
    expect(waiting!.added.join(' ')).toContain('DEFICIT of forty million');
    const recent = (await service.getClipEndpoint()).recent;
    expect(recent[0]).toMatchObject({ origin: 'https://evil.example', outcome: 'waiting', status: 202 });
    expect(recent.map((r) => r.origin)).toContain('https://harbour.example');

    // Discarded, it is gone and the clip never changed.
    await service.discardBrowserUpdate({ id: clipId });
    expect(await service.getBrowserUpdate({ id: clipId })).toBeNull();
    expect((await service.getClip(clipId)).text).toContain('surplus of four million');

    // Only the person's own "apply" replaces the text (highlights re-anchored, the changed one orphaned).
    await send(port, { body: JSON.stringify({ token, url: URL_, html: article('surplus of five million') }) });
    const report = await service.applyBrowserUpdate({ id: clipId });
    expect(report.orphaned).toHaveLength(1);
    expect((await service.getClip(clipId)).text).toContain('surplus of five million');
    expect(await service.getBrowserUpdate({ id: clipId })).toBeNull();
  });

  it('counts only authenticated requests per client; bad tokens and preflights have their own limits', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const port = (await service.startClipEndpoint({ limits: endpointLimits(3, { bad: 5, preflight: 5 }) })).port!;
    const token = (await service.getSettings()).clipEndpoint.token;
    const statuses = async (n: number, opts: Parameters<typeof send>[1]) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await send(port, opts)).status);
      return out;
    };
    const wrong = await statuses(100, { body: JSON.stringify({ token: 'guess', url: URL_, html: 'x' }) });
    expect(wrong.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
    expect(new Set(wrong.slice(5))).toEqual(new Set([429]));
    const preflights = await statuses(100, { method: 'OPTIONS' });
    expect(new Set(preflights.slice(5))).toEqual(new Set([429]));
    const page = (n: number) => article(`surplus of ${n} million`).replace('Harbour budget</h1>', `Page ${n}</h1>`);
    const clip = (n: number, origin: string) =>
      send(port, { origin, body: JSON.stringify({ token, url: `${URL_}/${n}`, html: page(n) }) });
    // After 200 bad requests, the real bookmarklet still clips.
    expect((await clip(1, 'https://a.example')).status).toBe(200);
    expect((await clip(2, 'https://a.example')).status).toBe(200);
    expect((await clip(3, 'https://a.example')).status).toBe(200);
    expect((await clip(4, 'https://a.example')).status).toBe(429);
    // One client's flood leaves another's allowance alone.
    expect((await clip(5, 'https://b.example')).status).toBe(200);
  });

  it('refuses an expired token with a message saying so', async () => {
    const received: string[] = [];
    const endpoint = await startClipEndpoint({
      port: 0,
      token: () => ({ value: 'secret', expiresAt: new Date(Date.now() - 1000).toISOString() }),
      clip: async (request) => {
        received.push(request.url);
        return { id: 'x', title: 'x', waiting: false };
      },
      limits: endpointLimits(),
    });
    try {
      const res = await send(endpoint.port, { body: JSON.stringify({ token: 'secret', url: URL_, html: 'x' }) });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error).toMatch(/expired/);
      expect(received).toEqual([]);
    } finally {
      await endpoint.close();
    }
  });
});

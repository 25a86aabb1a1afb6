import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { bookmarkletUrl } from './bookmarklet';
import { endpointLimits } from './rateLimit';
import { send } from './testNetwork';

const PAGE = `<html><head><title>Tidal Power Comes of Age | Harbour Review</title><meta property="og:title" content="Tidal Power Comes of Age"></head>
<body><nav>Home News</nav><article><h1>Tidal Power Comes of Age</h1>
${[1, 2, 3, 4].map((i) => `<p>Paragraph ${i}: the estuary turbines ran through every winter storm, and the engineers who kept them turning wrote down what they learned.</p>`).join('')}
</article></body></html>`;

describe('the bookmarklet’s clip endpoint', () => {
  let service: GlossService;
  afterEach(async () => service?.close());

  async function start(limit = 1000, maxBytes?: number) {
    service = await createGlossService({ libraryDir: await tempDir() });
    const info = await service.startClipEndpoint({ limits: endpointLimits(limit), maxBytes });
    const token = (await service.getSettings()).clipEndpoint.token;
    return { port: info.port!, token, info };
  }

  it('clips a page sent with the right token, with its selection as a highlight, and tells the page', async () => {
    const { port, token, info } = await start();
    expect(info.running).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(info.bookmarklet).toBe(bookmarkletUrl(port, token));
    const nextCommand = service.nextCommand();
    const selection = 'Paragraph 3: the estuary turbines ran through\n every winter storm';
    const res = await send(port, {
      body: JSON.stringify({
        token,
        url: 'https://harbour.example/tidal?utm_source=x',
        html: PAGE,
        title: 'Tidal Power Comes of Age',
        selection,
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const answer = JSON.parse(res.body);
    expect(answer).toMatchObject({ ok: true, title: 'Tidal Power Comes of Age' });
    await expect(nextCommand).resolves.toBe('reload-library');
    const clip = (await service.listClips()).find((c) => c.id === answer.id);
    expect(clip).toMatchObject({
      url: 'https://harbour.example/tidal?utm_source=x',
      title: 'Tidal Power Comes of Age',
      highlightCount: 1,
    });
    // Clipping the same page again adds nothing: the new version waits in the app (browserUpdate.test.ts).
    const again = await send(port, {
      body: JSON.stringify({ token, url: 'https://harbour.example/tidal', html: PAGE, selection }),
    });
    expect(again.status).toBe(202);
    expect(JSON.parse(again.body)).toMatchObject({ ok: true, waiting: true, id: answer.id });
    expect(await service.listClips()).toHaveLength(1);
    expect((await service.listClips())[0]!.highlightCount).toBe(1);
  });

  it('refuses a missing or wrong token, other methods, other hosts and an oversized body', async () => {
    const { port, token } = await start(1000, 64 * 1024);
    const body = (t?: string) =>
      JSON.stringify({ ...(t !== undefined && { token: t }), url: 'https://a.example/', html: PAGE });
    expect((await send(port, { body: body() })).status).toBe(401);
    expect((await send(port, { body: body('x'.repeat(token.length)) })).status).toBe(403);
    expect((await send(port, { body: body(token.slice(0, -1)) })).status).toBe(403);
    expect((await send(port, { method: 'GET' })).status).toBe(405);
    expect((await send(port, { method: 'PUT', body: body(token) })).status).toBe(405);
    expect((await send(port, { body: body(token), host: 'evil.example:80' })).status).toBe(403);
    expect((await send(port, { body: 'not json' })).status).toBe(400);
    const huge = JSON.stringify({ token, url: 'https://a.example/', html: 'x'.repeat(100 * 1024) });
    expect((await send(port, { body: huge })).status).toBe(413);
    const preflight = await send(port, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-private-network']).toBe('true');
    expect(await service.listClips()).toHaveLength(0);
  });

  it('answers a form post (the fallback for pages that forbid fetch) with a small page', async () => {
    const { port, token } = await start();
    const payload = JSON.stringify({ token, url: 'https://harbour.example/tidal', html: PAGE, title: 'Tidal <Power>' });
    const res = await send(port, {
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ payload }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Clipped to Gloss: “Tidal &#60;Power&#62;”');
  });

  it('slows a flood down with 429', async () => {
    const { port, token } = await start(30);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await send(port, { body: JSON.stringify({ token: 'wrong' + i }) })).status);
    expect(statuses.slice(0, 30).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(token).toBeTruthy();
  });

  it('regenerates the token: the old one stops working', async () => {
    const { port, token } = await start();
    const info = await service.regenerateClipToken();
    const fresh = (await service.getSettings()).clipEndpoint.token;
    expect(fresh).not.toBe(token);
    expect(info.bookmarklet).toContain(encodeURIComponent(JSON.stringify(fresh)));
    const body = (t: string) => JSON.stringify({ token: t, url: 'https://a.example/', html: PAGE });
    expect((await send(port, { body: body(token) })).status).toBe(403);
    expect((await send(port, { body: body(fresh) })).status).toBe(200);
  });

  it('falls back to another port when the preferred one is taken', async () => {
    const first = await start();
    const other = await createGlossService({ libraryDir: await tempDir() });
    try {
      const second = await other.startClipEndpoint();
      expect(second.running).toBe(true);
      expect(second.port).not.toBe(first.port);
    } finally {
      await other.close();
    }
  });
});

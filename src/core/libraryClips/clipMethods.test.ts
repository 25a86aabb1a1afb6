import { afterEach, describe, expect, it } from 'vitest';
import { GLOSS_METHODS } from '../api';
import { createApiClient } from '../apiClient';
import { dispatchApiCall } from '../dispatch';
import { normalizeUrl } from '../clipper/urls';
import { GlossError } from '../errors';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { illustratedPage, PNG, startServer, type TestServer } from '../import/testServer';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';

const para = (i: number) =>
  `<p>Paragraph ${i}: the estuary turbines ran through every winter storm, and the engineers who kept them turning wrote down what they learned.</p>`;
const page = (title: string, extra = '') =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${[1, 2, 3, 4].map(para).join('')}${extra}</article></body></html>`;

describe('normalizeUrl', () => {
  it('drops tracking parameters, fragments, default ports and trailing slashes; keeps www', () => {
    expect(
      normalizeUrl(
        'HTTPS://www.Example.org:443/a/b/?utm_source=x&b=2&fbclid=1&a=1&mc_cid=3&mc_eid=4&igshid=5&ref=hn#top',
      ),
    ).toBe('https://www.example.org/a/b?a=1&b=2');
    expect(normalizeUrl('http://example.org:80/')).toBe('http://example.org/');
    expect(normalizeUrl('http://example.org:8080/x')).toBe('http://example.org:8080/x');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('clipping an article twice', { timeout: 60_000 }, () => {
  let service: GlossService;
  let server: TestServer | undefined;
  afterEach(async () => {
    await service?.close();
    await server?.close();
    server = undefined;
  });

  it('asks by default, naming the clip, when the address matches after normalising', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    await service.clipHtml({ html: page('Tidal Power'), url: 'https://news.example/tidal/' });
    const again = service.clipHtml({
      html: page('Tidal Power', '<p>Updated.</p>'),
      url: 'https://news.example/tidal?utm_source=feed#comments',
    });
    await expect(again).rejects.toBeInstanceOf(GlossError);
    await expect(again).rejects.toMatchObject({
      code: 'duplicate',
      message: expect.stringContaining('“Tidal Power” is already in your library'),
    });
    expect(await service.listClips()).toHaveLength(1);
  });

  it('carries the existing clip as data across the IPC envelope, for each front end to word its own choice', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const first = await service.clipHtml({ html: page('Tidal Power'), url: 'https://news.example/tidal/' });
    const api = createApiClient(GLOSS_METHODS, (method, args) => dispatchApiCall(service!, method, args));
    const error = await api.clipUrl({ url: 'https://news.example/tidal' }).catch((e: unknown) => e);
    const meta = (await service.getClip(first.id)).meta;
    expect(error).toMatchObject({
      code: 'duplicate',
      existing: { id: first.id, title: 'Tidal Power', clippedAt: meta.clippedAt },
    });
    // The core states the fact; the choice (buttons, flags) is the front end's.
    expect((error as Error).message).toBe(
      `“Tidal Power” is already in your library (clipped ${meta.clippedAt.slice(0, 10)}).`,
    );
  });

  it('finds the same text without an address by its content hash', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    await service.clipHtml({ html: page('Tidal Power'), url: 'https://a.example/1' });
    await expect(service.clipHtml({ html: page('Tidal Power') })).rejects.toMatchObject({ code: 'duplicate' });
    // A short text says too little to be called the same article.
    await service.clipText({ text: 'Short note.' });
    await expect(service.clipText({ text: 'Short note.' })).resolves.toBeTruthy();
  });

  it('updates the existing clip in place, keeping and re-anchoring its highlights, or keeps both', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const first = await service.clipHtml({ html: page('Tidal Power'), url: 'https://news.example/tidal' });
    const doc = await service.getClip(first.id);
    const quote = 'the engineers who kept them turning';
    const start = doc.text.indexOf(quote);
    await service.addHighlight({ clipId: first.id, start, end: start + quote.length });

    const updated = await service.clipHtml({
      html: page('Tidal Power', '<p>A correction was added later.</p>'),
      url: 'https://news.example/tidal#x',
      onDuplicate: 'update',
    });
    expect(updated.id).toBe(first.id);
    expect(updated.highlightCount).toBe(1);
    const after = await service.getClip(first.id);
    expect(after.text).toContain('A correction was added later.');
    const h = after.highlights[0]!;
    expect(after.text.slice(h.anchor!.start, h.anchor!.end)).toBe(quote);

    const copy = await service.clipHtml({
      html: page('Tidal Power'),
      url: 'https://news.example/tidal',
      onDuplicate: 'copy',
    });
    expect(copy.id).not.toBe(first.id);
    expect(await service.listClips()).toHaveLength(2);
  });

  it('asks before fetching when the typed address is already clipped, and updates from the page', async () => {
    server = await startServer();
    service = await createGlossService({ libraryDir: await tempDir() });
    const first = await service.clipUrl({ url: `${server.base}/article` });
    await expect(service.clipUrl({ url: `${server.base}/article?utm_medium=email` })).rejects.toMatchObject({
      code: 'duplicate',
    });
    const updated = await service.clipUrl({ url: `${server.base}/article`, onDuplicate: 'update' });
    expect(updated.id).toBe(first.id);
    expect(await service.listClips()).toHaveLength(1);
  });

  it('remembers the link a page was clipped from when it redirected, and knows the clip by it', async () => {
    server = await startServer();
    const dir = await tempDir();
    service = await createGlossService({ libraryDir: dir });
    const clip = await service.clipUrl({ url: `${server.base}/old-article` });
    expect(clip).toMatchObject({ url: `${server.base}/article`, aliases: [`${server.base}/old-article`] });
    server.hits.length = 0;
    await expect(service.clipUrl({ url: `${server.base}/old-article?utm_source=feed` })).rejects.toMatchObject({
      code: 'duplicate',
    });
    // Known by its old address before any fetch.
    expect(server.hits).toEqual([]);
    await expect(service.clipUrl({ url: `${server.base}/article` })).rejects.toMatchObject({ code: 'duplicate' });
    await service.close();
    service = await createGlossService({ libraryDir: dir });
    expect((await service.getClip(clip.id)).meta.aliases).toEqual([`${server.base}/old-article`]);
  });

  it('re-clips a page that moved with its images and highlights, keeping the old address; retryClip is the same step', async () => {
    server = await startServer();
    service = await createGlossService({ libraryDir: await tempDir(), images: {} });
    const html = illustratedPage().replace('<img src="/figure.png" alt="A kelp frond">', '');
    const pasted = await service.clipHtml({ html, url: `${server.base}/short/kelp` });
    const { text } = await service.getClip(pasted.id);
    const quote = 'without a single unplanned stop';
    await service.addHighlight({
      clipId: pasted.id,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
    });

    const report = await service.reclip({ id: pasted.id });
    expect(report).toMatchObject({ placed: 1, orphaned: [] });
    expect(report.clip).toMatchObject({
      id: pasted.id,
      url: `${server.base}/illustrated`,
      aliases: [`${server.base}/short/kelp`],
      highlightCount: 1,
    });
    const after = await service.getClip(pasted.id);
    const image = /src="(images\/[0-9a-f]+\.png)"/.exec(after.html)![1]!;
    expect(await fs.readFile(path.join(service.libraryPath, 'clips', pasted.id, image))).toEqual(PNG);
    expect(after.text.slice(after.highlights[0]!.anchor!.start, after.highlights[0]!.anchor!.end)).toBe(quote);
    await expect(service.clipUrl({ url: `${server.base}/short/kelp` })).rejects.toMatchObject({ code: 'duplicate' });

    const retried = await service.retryClip(pasted.id);
    expect(retried).toMatchObject({
      id: pasted.id,
      url: `${server.base}/illustrated`,
      aliases: [`${server.base}/short/kelp`],
    });
    const note = await service.clipText({ text: 'Short note.' });
    await expect(service.retryClip(note.id)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { importFrom, type ImportReport } from './index';
import { normalizeUrl } from '../clipper/urls';
import { readReadwiseCsv } from './readwise';
import { fixtureCopy, FIXTURES, illustratedPage, PNG, startServer, type TestServer } from './testServer';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';

let server: TestServer;
let work: string;
let service: GlossService;

beforeAll(async () => {
  server = await startServer();
  work = await tempDir();
  service = await createGlossService({
    libraryDir: path.join(work, 'library'),
    fetch: { timeoutMs: 5000 },
    images: {},
  });
});

afterAll(async () => {
  await service.close();
  await server.close();
});

const titles = async () => (await service.listClips()).map((c) => c.title).sort();

describe('normalizeUrl', () => {
  it('drops tracking parameters, fragments and trailing slashes', () => {
    expect(normalizeUrl('https://Example.org/a/?utm_source=x&b=2&fbclid=1&a=1&gclid=2&ref=hn#top')).toBe(
      'https://example.org/a?a=1&b=2',
    );
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('Readwise CSV', () => {
  it('groups rows by book with notes, colours and dates', () => {
    const entries = readReadwiseCsv(readFileSync(path.join(FIXTURES, 'readwise-export.csv'), 'utf8'));
    expect(entries.map((e) => [e.title, e.byline, e.highlights.length])).toEqual([
      ['Tidal Power Comes of Age', 'Ines Calder', 2],
      ['Upstream: Selected Essays', 'Mary Oliver', 2],
    ]);
    expect(entries[0]!.highlights[0]).toMatchObject({
      note: 'First winter without downtime',
      color: 'yellow',
      createdAt: '2025-03-05T09:12:44.000Z',
    });
  });

  it('refuses a file without the Readwise columns even when it has no rows, instead of importing nothing', () => {
    for (const csv of ['', 'name,email\n', '\u0000\u0001binary']) {
      expect(() => readReadwiseCsv(csv, 'notes.csv'), JSON.stringify(csv)).toThrow(
        /notes\.csv does not look like a Readwise export: no Highlight or Book Title column\./,
      );
    }
    expect(readReadwiseCsv('Highlight,Book Title,Note\n', 'notes.csv')).toEqual([]);
  });
});

describe('imports into a library', { timeout: 120_000 }, () => {
  let pocket: ImportReport;

  it('imports Pocket: fetches pages, dedupes tracking variants, keeps a failed page as a placeholder, skips non-pages', async () => {
    const file = await fixtureCopy('ril_export.html', work, server.base);
    const progress: number[] = [];
    pocket = await importFrom(service, 'pocket', file, { onProgress: (p) => progress.push(p.done) });
    expect(pocket).toMatchObject({ imported: 2, merged: 0, placeholders: 1 });
    expect(pocket.skipped.map((s) => s.reason)).toEqual([
      'Already in the library.',
      expect.stringMatching(/not a web address/),
    ]);
    expect(progress.at(-1)).toBe(4);
    const clips = await service.listClips();
    const placeholder = clips.find((c) => c.placeholder)!;
    expect(placeholder).toMatchObject({ title: 'A page that has since disappeared', url: `${server.base}/gone` });
    expect(placeholder.placeholder!.reason).toMatch(/404/);
  });

  it('refuses a web page that is not a Pocket export, instead of importing its every link', async () => {
    const before = await service.listClips();
    const page = path.join(work, 'article.html');
    await fs.writeFile(
      page,
      illustratedPage().replace('</article>', '<a href="/">Home</a><a href="/news">News</a></article>'),
    );
    await expect(importFrom(service, 'pocket', page)).rejects.toThrow(
      /article\.html does not look like a Pocket export: none of its links has Pocket's time_added\./,
    );
    expect(await service.listClips()).toEqual(before);
  });

  it('attaches Readwise highlights to the fetched clip by quote and makes a highlights clip for a book', async () => {
    const report = await importFrom(service, 'readwise', path.join(FIXTURES, 'readwise-export.csv'));
    // Readwise books carry no address: the tidal one matches the page Pocket brought in by title and author.
    expect(report).toMatchObject({ imported: 1, merged: 1, highlights: { placed: 4, orphaned: 0, duplicates: 0 } });
    const tidal = (await service.listClips()).find((c) => c.title === 'Tidal Power Comes of Age')!;
    expect(tidal.highlightCount).toBe(2);
    const book = (await service.listClips()).find((c) => c.title === 'Upstream: Selected Essays')!;
    const document = await service.getClip(book.id);
    expect(document.meta.byline).toBe('Mary Oliver');
    expect(document.highlights.map((h) => [h.target.selector[0].exact, h.note, h.anchor !== null])).toEqual([
      ['Attention is the beginning of devotion.', 'On attention, again', true],
      ['Instructions for living a life: Pay attention. Be astonished. Tell about it.', '', true],
    ]);
  });

  it('imports Omnivore with its Markdown content; a quote not in the text is kept as an orphan', async () => {
    const dir = await fixtureCopy('omnivore', work, server.base);
    const report = await importFrom(service, 'omnivore', dir);
    // The second item points at the missing page Pocket already brought in: it is the same placeholder.
    expect(report).toMatchObject({ imported: 1, highlights: { placed: 1, orphaned: 1, duplicates: 0 } });
    const trains = (await service.listClips()).find((c) => c.title === 'Night Trains Are Back')!;
    expect(trains.url).toBe('https://rail.example/night-trains?utm_campaign=newsletter');
    const { highlights } = await service.getClip(trains.id);
    expect(highlights.find((h) => h.note === 'Good figure for the report')!.anchor).not.toBeNull();
    expect(highlights.find((h) => h.target.selector[0].exact.startsWith('A sentence'))!.anchor).toBeNull();
  });

  it('imports a plain folder of .md and .html files and says why other files were skipped', async () => {
    const report = await importFrom(service, 'folder', path.join(FIXTURES, 'folder'));
    expect(report.imported).toBe(2);
    expect(report.skipped).toEqual([
      { source: 'photo.jpg', title: null, reason: 'Not an .html, .md, .txt or .pdf file.' },
    ]);
    expect(await titles()).toEqual(
      expect.arrayContaining(['Field notes', expect.stringMatching(/^Saved Page About Kelp/)]),
    );
  });

  it('downloads the pictures of an imported page as a first clip does', async () => {
    const dir = path.join(work, 'saved-pages');
    await fs.mkdir(dir, { recursive: true });
    const html = illustratedPage().replace('src="/figure.png"', `src="${server.base}/figure.png"`);
    await fs.writeFile(
      path.join(dir, 'kelp.html'),
      html.replace(/Kelp Forests Return/g, 'Kelp, Saved Offline').replace('Divers counted', 'Volunteers counted'),
    );
    const report = await importFrom(service, 'folder', dir);
    expect(report.imported).toBe(1);
    const { html: saved } = await service.getClip(report.clipIds[0]!);
    const image = /src="(images\/[0-9a-f]+\.png)"/.exec(saved)![1]!;
    expect(readFileSync(path.join(service.libraryPath, 'clips', report.clipIds[0]!, image))).toEqual(PNG);
  });

  it('reads a saved page in the encoding its <meta charset> declares', async () => {
    const dir = path.join(work, 'saved-legacy');
    await fs.mkdir(dir, { recursive: true });
    const paragraph = `<p>The \x91caf\xe9\x92 by the harbour charges \x805 a cup \x97 \x93fair\x94, the regulars say every morning.</p>`;
    const page = `<html><head><meta charset="windows-1252"><title>Caf\xe9 prices</title></head><body><article><h1>Caf\xe9 prices</h1>${paragraph.repeat(6)}</article></body></html>`;
    await fs.writeFile(path.join(dir, 'cafe.html'), Buffer.from(page, 'latin1'));
    const report = await importFrom(service, 'folder', dir);
    expect(report.imported).toBe(1);
    const { meta, text } = await service.getClip(report.clipIds[0]!);
    expect(meta.title).toBe('Café prices');
    expect(text).toContain('The ‘café’ by the harbour charges €5 a cup — “fair”, the regulars say');
  });

  it('adds nothing when every import runs again', async () => {
    const before = await service.listClips();
    const highlightsBefore = before.reduce((n, c) => n + c.highlightCount, 0);
    const again = [
      await importFrom(service, 'pocket', path.join(work, 'ril_export.html')),
      await importFrom(service, 'readwise', path.join(FIXTURES, 'readwise-export.csv')),
      await importFrom(service, 'omnivore', path.join(work, 'omnivore')),
      await importFrom(service, 'folder', path.join(FIXTURES, 'folder')),
    ];
    for (const report of again) expect(report).toMatchObject({ imported: 0, merged: 0 });
    const after = await service.listClips();
    expect(after).toHaveLength(before.length);
    expect(after.reduce((n, c) => n + c.highlightCount, 0)).toBe(highlightsBefore);
  });

  it('retries a placeholder when the page is back at a new address (Pocket CSV import): a full clip with its images', async () => {
    server.setGone(false);
    const file = await fixtureCopy('pocket-export.csv', work, server.base);
    const report = await importFrom(service, 'pocket', file);
    expect(report).toMatchObject({ imported: 0, merged: 1, placeholders: 0 });
    const clip = (await service.listClips()).find((c) => c.aliases?.includes(`${server.base}/gone`))!;
    expect(clip).toMatchObject({ url: `${server.base}/illustrated`, title: 'A page that has since disappeared' });
    expect(clip.placeholder).toBeUndefined();
    const { html, text } = await service.getClip(clip.id);
    expect(text).toContain('the kelp canopy is thicker');
    const image = /src="(images\/[0-9a-f]+\.png)"/.exec(html)![1]!;
    expect(readFileSync(path.join(service.libraryPath, 'clips', clip.id, image))).toEqual(PNG);

    // Its old address still finds it: importing the list again changes nothing.
    const count = (await service.listClips()).length;
    server.hits.length = 0;
    const again = await importFrom(service, 'pocket', file);
    expect(again).toMatchObject({ imported: 0, merged: 0, placeholders: 0 });
    expect(await service.listClips()).toHaveLength(count);
    expect(server.hits).not.toContain('/gone');
  });

  it('remembers the address a redirecting link came from: importing it again, or the page it leads to, adds nothing', async () => {
    const list = path.join(work, 'redirects.csv');
    await fs.writeFile(
      list,
      `title,url,time_added,tags,status\nShort link,${server.base}/short/kelp?utm_source=x,1700000000,,unread\nOld link,${server.base}/old-article,1700000000,,unread\n`,
    );
    const before = (await service.listClips()).length;
    const report = await importFrom(service, 'pocket', list);
    // The kelp page is the placeholder fetched above; the old link leads to the tidal article Pocket brought in.
    expect(report).toMatchObject({ imported: 0, merged: 0 });
    expect(report.skipped.map((s) => s.reason)).toEqual(['Already in the library.', 'Already in the library.']);
    expect(await service.listClips()).toHaveLength(before);
  });
});

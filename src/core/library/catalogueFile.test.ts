import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogueFilePath, catalogueDetailsPath, CATALOGUE_FORMAT } from './catalogueFile';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
const open = (dir: string) => LibraryStore.open(dir, { textOf, catalogue: true });
const clipFile = (dir: string, id: string, name: string) => path.join(dir, 'clips', id, name);

/** A library of three clips (one with a highlight), closed so its catalogue file is saved. */
async function library() {
  const dir = await tempDir();
  const store = await open(dir);
  const [a, b, c] = [
    await store.createClip(draft('Alpha')),
    await store.createClip(draft('Beta')),
    await store.createClip(draft('Gamma')),
  ];
  await store.writeAnnotations(a!.id, [highlight(a!.id, 'h1')]);
  await store.close();
  return { dir, a: a!, b: b!, c: c! };
}

/** What a list shows of a store: titles with highlight counts, newest first. */
const rows = (store: LibraryStore) => store.list().map((m) => `${m.title}:${store.highlightsOf(m.id).length}`);

const lines = async (file: string) => (await fs.readFile(file, 'utf8')).trim().split('\n');

describe('the catalogue file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps only what a list shows in the rows file, the rest in a details file from the same save', async () => {
    const { dir, a } = await library();
    const rowsFile = await lines(catalogueFilePath(dir));
    // A head line, one line per clip, the closing line; no highlight (nor its selectors) among the rows.
    expect(rowsFile).toHaveLength(5);
    expect(rowsFile.join('\n')).not.toMatch(/highlights|TextQuoteSelector|excerpt|contentHash/);
    const row = JSON.parse(rowsFile.find((l) => l.includes(a.id))!.replace(/,$/, ''));
    expect(Object.keys(row).sort()).toEqual(['id', 'meta', 'stamp']);
    expect(Object.keys(row.meta).sort()).toEqual([
      'byline',
      'clippedAt',
      'id',
      'published',
      'site',
      'title',
      'url',
      'words',
    ]);
    const detailsFile = await lines(catalogueDetailsPath(dir));
    expect(detailsFile).toHaveLength(5);
    const generation = (line: string) => JSON.parse(`${line}]}`).generation as string;
    expect(generation(detailsFile[0]!)).toBe(generation(rowsFile[0]!));
    const entry = JSON.parse(detailsFile.find((l) => l.includes(a.id))!.replace(/,$/, ''));
    expect(entry.highlights).toEqual([highlight(a.id, 'h1')]);
    expect(entry.meta).toMatchObject({ origin: 'url', lang: expect.anything() });
    expect(entry.meta).not.toHaveProperty('title');
  });

  it('gives back exactly what was saved: metadata, highlights and conflicted copies', async () => {
    const { dir, b } = await library();
    await fs.copyFile(clipFile(dir, b.id, 'meta.json'), clipFile(dir, b.id, 'meta (conflicted copy).json'));
    const plain = await LibraryStore.open(dir, { textOf });
    await (await open(dir)).close();
    const store = await open(dir);
    expect(store.opening).toEqual({ reused: 3, reread: 0, catalogueProblem: null });
    for (const meta of plain.list()) {
      expect(store.getMeta(meta.id)).toEqual(meta);
      expect(store.highlightsOf(meta.id)).toEqual(plain.highlightsOf(meta.id));
    }
    expect(store.conflicts()).toEqual(plain.conflicts());
  });

  it('is reused when no clip changed: nothing is read again, and the library is the same', async () => {
    const { dir } = await library();
    const plain = await LibraryStore.open(dir, { textOf });
    const store = await open(dir);
    expect(store.opening).toEqual({ reused: 3, reread: 0, catalogueProblem: null });
    expect(rows(store)).toEqual(rows(plain));
    expect(rows(store)).toEqual(['Gamma:0', 'Beta:0', 'Alpha:1']);
  });

  it("vouches for the app's own writes: edited clips are not read again at the next start", async () => {
    const { dir, a, b } = await library();
    const store = await open(dir);
    await store.updateMeta(b.id, { title: 'Beta, renamed', tags: ['kept'] });
    await store.updateAnnotations(a.id, (hs) => [...hs, highlight(a.id, 'h2')]);
    await store.deleteClip(store.list().find((m) => m.title === 'Gamma')!.id);
    await store.close();
    const next = await open(dir);
    expect(next.opening).toEqual({ reused: 2, reread: 0, catalogueProblem: null });
    expect(rows(next)).toEqual(['Beta, renamed:0', 'Alpha:2']);
    expect(next.getMeta(b.id).tags).toEqual(['kept']);
  });

  it('picks up clips edited, added or removed behind the app’s back', async () => {
    const { dir, a, b, c } = await library();
    // A hand edit in place (same file, new content) of one clip's title and of another's highlights.
    const metaFile = clipFile(dir, b.id, 'meta.json');
    await fs.writeFile(metaFile, (await fs.readFile(metaFile, 'utf8')).replace('"Beta"', '"Beta, edited by hand"'));
    const hand = { schema: 1, clipId: c.id, highlights: [highlight(c.id, 'x1'), highlight(c.id, 'x2')] };
    await fs.writeFile(clipFile(dir, c.id, 'annotations.json'), JSON.stringify(hand));
    // Another program adds a clip (here: a store that knows nothing of the catalogue) and a sync removes one.
    const other = await LibraryStore.open(dir, { textOf });
    const added = await other.createClip(draft('Delta'));
    await fs.rm(path.join(dir, 'clips', a.id), { recursive: true });

    const store = await open(dir);
    expect(store.opening).toMatchObject({ reused: 0, reread: 3 });
    expect(rows(store)).toEqual(['Delta:0', 'Gamma:2', 'Beta, edited by hand:0']);
    expect(store.getMeta(added.id).title).toBe('Delta');
    expect(() => store.getMeta(a.id)).toThrow(/No clip/);
    await store.close();
    // The catalogue saved on close holds what was read: the next start reads nothing.
    const next = await open(dir);
    expect(next.opening).toEqual({ reused: 3, reread: 0, catalogueProblem: null });
    expect(rows(next)).toEqual(rows(store));
  });

  it('never hides damage: a clip damaged behind its back is read, quarantined and reported', async () => {
    const { dir, a } = await library();
    await fs.writeFile(clipFile(dir, a.id, 'annotations.json'), '{"schema":1,"clipId":"');
    await fs.rm(clipFile(dir, a.id, 'article.html'));
    const store = await open(dir);
    expect(store.opening).toMatchObject({ reused: 2, reread: 1 });
    expect(store.list().map((m) => m.title)).toEqual(['Gamma', 'Beta']);
    expect(store.problems()).toEqual([expect.objectContaining({ reason: expect.stringMatching(/article\.html/) })]);
  });

  it('notices a conflicted copy a sync tool left beside a clip file', async () => {
    const { dir, b } = await library();
    await fs.copyFile(clipFile(dir, b.id, 'meta.json'), clipFile(dir, b.id, 'meta (conflicted copy).json'));
    const store = await open(dir);
    expect(store.opening).toMatchObject({ reused: 2, reread: 1 });
    expect(store.conflicts()).toEqual([expect.objectContaining({ clipId: b.id, file: 'meta.json', tool: 'dropbox' })]);
    await store.close();
    // Kept in the catalogue: still offered after the next start, without reading the clip.
    const next = await open(dir);
    expect(next.opening.reread).toBe(0);
    expect(next.conflicts()).toEqual(store.conflicts());
  });

  it('is written once per change: saving again with nothing changed leaves the file alone', async () => {
    const { dir } = await library();
    const store = await open(dir);
    const file = catalogueFilePath(dir);
    // Every save replaces the file by a rename, so it gets another inode (while the old one is in use); a save with
    // nothing to write keeps it.
    const inode = async () => (await fs.stat(file)).ino;
    await store.createClip(draft('Delta'));
    await store.saveCatalogue();
    const saved = await inode();
    await store.saveCatalogue();
    expect(await inode()).toBe(saved);
    await store.close();
    expect(await inode()).toBe(saved);
    const next = await open(dir);
    expect(next.opening).toEqual({ reused: 4, reread: 0, catalogueProblem: null });
    await next.createClip(draft('Epsilon'));
    await next.close();
    expect(await inode()).not.toBe(saved);
  });

  it.each([
    ['cut off', (raw: string) => raw.slice(0, raw.length - 40), /damaged/],
    ['not JSON', () => '\u0000\u00ff garbage', /damaged/],
    [
      'of another version',
      (raw: string) => raw.replace(`"format":${CATALOGUE_FORMAT}`, '"format":999'),
      /another version/,
    ],
    [
      'holding an entry Gloss would not write',
      (raw: string) => raw.replace(/"meta":\{"id":"[^"]+"/, '"meta":{"id":"someone-else"'),
      /damaged/,
    ],
  ])('is rebuilt from the files, with a warning, when it is %s', async (_, spoil, problem) => {
    const { dir } = await library();
    const file = catalogueFilePath(dir);
    await fs.writeFile(file, spoil(await fs.readFile(file, 'utf8')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = await open(dir);
    expect(store.opening).toEqual({ reused: 0, reread: 3, catalogueProblem: expect.stringMatching(problem) });
    expect(warn).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/catalogue .*was not used.*3 clips were read/));
    expect(rows(store)).toEqual(['Gamma:0', 'Beta:0', 'Alpha:1']);
    await store.close();
    expect((await open(dir)).opening).toEqual({ reused: 3, reread: 0, catalogueProblem: null });
    expect(warn).toHaveBeenCalledOnce();
  });

  it.each([
    ['missing', (dir: string) => fs.rm(catalogueDetailsPath(dir)), /no catalogue-details\.json/],
    [
      'cut off',
      async (dir: string) => {
        const raw = await fs.readFile(catalogueDetailsPath(dir), 'utf8');
        await fs.writeFile(catalogueDetailsPath(dir), raw.slice(0, raw.length - 40));
      },
      /damaged/,
    ],
    [
      'from another save (a save cut off between the two files)',
      async (dir: string) => {
        const before = await fs.readFile(catalogueDetailsPath(dir));
        const store = await open(dir);
        await store.createClip(draft('Delta'));
        await store.close();
        await fs.writeFile(catalogueDetailsPath(dir), before);
      },
      /different saves/,
    ],
    [
      'holding a highlight Gloss would not write',
      async (dir: string) => {
        const raw = await fs.readFile(catalogueDetailsPath(dir), 'utf8');
        await fs.writeFile(catalogueDetailsPath(dir), raw.replace('"selector":[', '"selector":[null,'));
      },
      /damaged \(an entry/,
    ],
  ])('is rebuilt from the files when its details file is %s', async (_, spoil, problem) => {
    const { dir } = await library();
    await spoil(dir);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = await open(dir);
    expect(store.opening).toEqual({
      reused: 0,
      reread: store.list().length,
      catalogueProblem: expect.stringMatching(problem),
    });
    expect(rows(store).slice(-3)).toEqual(['Gamma:0', 'Beta:0', 'Alpha:1']);
    await store.close();
    expect((await open(dir)).opening).toMatchObject({ reread: 0, catalogueProblem: null });
  });

  it('starts without a warning when there is no catalogue yet', async () => {
    const { dir } = await library();
    await fs.rm(catalogueFilePath(dir));
    const warn = vi.spyOn(console, 'warn');
    expect((await open(dir)).opening).toEqual({ reused: 0, reread: 3, catalogueProblem: 'There is no catalogue yet.' });
    expect(warn).not.toHaveBeenCalled();
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossError } from '../errors';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

async function libraryWithTwoClips() {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir, { textOf });
  const a = await store.createClip(draft('First'), new Date('2024-05-01T10:00:00Z'));
  const b = await store.createClip(draft('Second'), new Date('2024-05-02T10:00:00Z'));
  return { dir, store, a, b };
}

const clipFile = (dir: string, id: string, name: string) => path.join(dir, 'clips', id, name);

describe('LibraryStore basics', () => {
  it('creates the folder tree and round-trips a clip', async () => {
    const dir = path.join(await tempDir(), 'new-library');
    const store = await LibraryStore.open(dir, { textOf });
    expect((await fs.readdir(dir)).sort()).toEqual(['clips', 'quarantine', 'trash']);
    const meta = await store.createClip(
      draft('Talks', 'Negotiations resumed on Tuesday.'),
      new Date('2024-05-17T08:00:00Z'),
    );
    expect(meta.id).toMatch(/^20240517-[0-9a-z]{8}$/);
    expect(meta).toMatchObject({ title: 'Talks', words: 4, clippedAt: '2024-05-17T08:00:00.000Z', origin: 'url' });
    expect(store.getMeta(meta.id)).toEqual(meta);
    expect(await store.readArticle(meta.id)).toEqual({
      html: '<p>Negotiations resumed on Tuesday.</p>',
      text: 'Negotiations resumed on Tuesday.',
    });
    expect(await store.readAnnotations(meta.id)).toEqual([]);
    expect((await fs.readdir(path.join(dir, 'clips', meta.id))).sort()).toEqual([
      'annotations.json',
      'article.html',
      'article.txt',
      'meta.json',
    ]);
    const onDisk = JSON.parse(await fs.readFile(clipFile(dir, meta.id, 'meta.json'), 'utf8'));
    expect(onDisk).toEqual({ schema: 1, ...meta });
  });

  it('lists newest first and sees everything again after a restart', async () => {
    const { dir, store, a, b } = await libraryWithTwoClips();
    await store.writeAnnotations(a.id, [highlight(a.id, 'h1')]);
    await store.updateMeta(b.id, { title: 'Second, renamed' });
    expect(store.list().map((m) => m.id)).toEqual([b.id, a.id]);

    const reopened = await LibraryStore.open(dir, { textOf });
    expect(reopened.list()).toEqual(store.list());
    expect(reopened.getMeta(b.id).title).toBe('Second, renamed');
    expect(await reopened.readAnnotations(a.id)).toEqual([highlight(a.id, 'h1')]);
    expect(reopened.problems()).toEqual([]);
  });

  it('reports unknown ids as not-found with a human message', async () => {
    const { store } = await libraryWithTwoClips();
    expect(() => store.getMeta('nope')).toThrow(new GlossError('not-found', 'No clip with id "nope".'));
    await expect(store.readArticle('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rejects ids that could step outside the library', async () => {
    const { store } = await libraryWithTwoClips();
    for (const bad of ['../etc', '..', 'a/b', 'a\\b', '', 'x'.repeat(81), '.hidden']) {
      expect(() => store.getMeta(bad)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
      await expect(store.readArticle(bad)).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.writeAnnotations(bad, [])).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.deleteClip(bad)).rejects.toMatchObject({ code: 'invalid-input' });
    }
  });

  it('rebuilds a missing article.txt with textOf and caches it', async () => {
    const { dir, a } = await libraryWithTwoClips();
    await fs.rm(clipFile(dir, a.id, 'article.txt'));
    let calls = 0;
    const reopened = await LibraryStore.open(dir, { textOf: (html) => (calls++, textOf(html)) });
    expect(await reopened.readArticleText(a.id)).toBe('Negotiations resumed on Tuesday.');
    expect(await fs.readFile(clipFile(dir, a.id, 'article.txt'), 'utf8')).toBe('Negotiations resumed on Tuesday.');
    await reopened.readArticle(a.id);
    expect(calls).toBe(1);
    // The text alone comes from article.txt: it does not need the article's HTML.
    await fs.rm(clipFile(dir, a.id, 'article.html'));
    expect(await reopened.readArticleText(a.id)).toBe('Negotiations resumed on Tuesday.');
    await expect(reopened.readArticle(a.id)).rejects.toMatchObject({ code: 'corrupt-file' });
  });

  it('deletes by moving the clip folder to the trash', async () => {
    const { dir, store, a, b } = await libraryWithTwoClips();
    await store.deleteClip(a.id);
    expect(store.list().map((m) => m.id)).toEqual([b.id]);
    const trash = await fs.readdir(path.join(dir, 'trash'));
    expect(trash).toHaveLength(1);
    expect(trash[0]).toContain(a.id);
    expect(await fs.readFile(path.join(dir, 'trash', trash[0]!, 'meta.json'), 'utf8')).toContain('"First"');
    expect((await LibraryStore.open(dir, { textOf })).list().map((m) => m.id)).toEqual([b.id]);
    await expect(store.deleteClip(a.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses invalid metadata patches and highlights', async () => {
    const { store, a, b } = await libraryWithTwoClips();
    await expect(store.updateMeta(a.id, { words: -1 })).rejects.toMatchObject({ code: 'invalid-input' });
    const bad = { ...highlight(a.id, 'h1'), color: 'red' } as never;
    await expect(store.writeAnnotations(a.id, [bad])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.writeAnnotations(a.id, [highlight(b.id, 'h1')])).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(store.getMeta(a.id).words).toBe(4);
  });

  it('counts words in any script', async () => {
    const store = await LibraryStore.open(await tempDir(), { textOf });
    const meta = await store.createClip(draft('Кафе', 'Переговоры возобновились во вторник. Café déjà-vu!'));
    expect(meta.words).toBe(7);
  });
});

describe('LibraryStore concurrency', () => {
  it('serialises writes: every concurrent write lands whole, in call order', async () => {
    const { dir, store, a } = await libraryWithTwoClips();
    const lists = Array.from({ length: 10 }, (_, i) =>
      Array.from({ length: i + 1 }, (_, j) => highlight(a.id, `h${j}`)),
    );
    await Promise.all(lists.map((l) => store.writeAnnotations(a.id, l)));
    expect(await store.readAnnotations(a.id)).toHaveLength(10);
    expect((await fs.readdir(path.join(dir, 'clips', a.id))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('updateAnnotations loses none of many quick changes', async () => {
    const { dir, store, a } = await libraryWithTwoClips();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => store.updateAnnotations(a.id, (hs) => [...hs, highlight(a.id, `h${i}`)])),
    );
    const ids = (await (await LibraryStore.open(dir, { textOf })).readAnnotations(a.id)).map((h) => h.id);
    expect(ids.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `h${i}`).sort());
  });

  it('a failing change does not block later ones', async () => {
    const { store, a } = await libraryWithTwoClips();
    const failing = store.updateAnnotations(a.id, () => {
      throw new Error('boom');
    });
    const ok = store.updateAnnotations(a.id, (hs) => [...hs, highlight(a.id, 'h1')]);
    await expect(failing).rejects.toThrow('boom');
    expect(await ok).toHaveLength(1);
  });
});

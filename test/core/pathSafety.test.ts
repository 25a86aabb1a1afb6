/**
 * Hostile ids cannot reach files outside the library: every id from outside is checked before it is
 * joined onto a path, in the store and again at the API door, and the library's own scan only ever
 * follows plain clip folders.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../src/core/dispatch';
import { LibraryStore } from '../../src/core/library/store';
import { draft, highlight, tempDir } from '../../src/core/library/testHelpers';
import { createGlossService, type GlossService } from '../../src/core/service';

const HOSTILE_IDS = [
  '..',
  '.',
  '../outside',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'clips/../../outside',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  'ok\u0000../../outside',
  'ok/../../outside',
  '%2e%2e%2foutside',
  '\u2025outside', // two-dot leader
  '\uff0e\uff0e\uff0foutside', // fullwidth ../
  '\u202e\u2066txt.exe', // bidi overrides
  'caf\u00e9',
  'a'.repeat(81),
  'x'.repeat(100_000),
  '',
  ' ',
  'id with space',
  'id\n',
];

describe('path safety', () => {
  let root: string;
  let library: string;
  let sentinel: string;
  let store: LibraryStore;
  let service: GlossService;
  let goodId: string;

  beforeAll(async () => {
    root = await tempDir();
    library = path.join(root, 'library');
    sentinel = path.join(root, 'outside');
    await fs.mkdir(sentinel);
    await fs.writeFile(path.join(sentinel, 'meta.json'), 'do not touch');
    store = await LibraryStore.open(library);
    goodId = (await store.createClip(draft())).id;
  });

  afterAll(async () => {
    await service?.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('LibraryStore refuses every hostile id with invalid-input', async () => {
    for (const id of HOSTILE_IDS) {
      const label = JSON.stringify(id.slice(0, 40));
      expect(() => store.getMeta(id), label).toThrow(expect.objectContaining({ code: 'invalid-input' }));
      expect(() => store.clipFilePath(id, 'meta.json'), label).toThrow(expect.objectContaining({ code: 'invalid-input' }));
      for (const call of [
        () => store.readArticle(id),
        () => store.readAnnotations(id),
        () => store.writeAnnotations(id, []),
        () => store.updateAnnotations(id, (h) => h),
        () => store.updateMeta(id, { title: 'x' }),
        () => store.replaceArticle(id, draft()),
        () => store.deleteClip(id),
      ]) {
        await expect(call(), label).rejects.toMatchObject({ code: 'invalid-input' });
      }
    }
    // Error messages echo at most a short piece of the id.
    await expect(store.deleteClip('x'.repeat(100_000))).rejects.toSatisfy((e: Error) => e.message.length < 200);
    expect(await fs.readFile(path.join(sentinel, 'meta.json'), 'utf8')).toBe('do not touch');
  });

  it('refuses highlights whose ids or clip ids would name other paths', async () => {
    for (const id of ['../h', 'h/../../x', '..']) {
      await expect(store.writeAnnotations(goodId, [highlight(goodId, id)])).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.writeAnnotations(goodId, [{ ...highlight(goodId, 'h1'), clipId: id }])).rejects.toMatchObject({ code: 'invalid-input' });
    }
  });

  it('dispatchApiCall refuses hostile ids before the core sees them', async () => {
    service = await createGlossService({ libraryDir: library });
    const calls: Array<[string, (id: string) => unknown[]]> = [
      ['getClip', (id) => [id]],
      ['deleteClip', (id) => [id]],
      ['retryClip', (id) => [id]],
      ['addHighlight', (id) => [{ clipId: id, start: 0, end: 4 }]],
      ['updateHighlight', (id) => [{ clipId: goodId, highlightId: id, note: 'n' }]],
      ['deleteHighlight', (id) => [{ clipId: id, highlightId: 'h1' }]],
    ];
    for (const id of HOSTILE_IDS) {
      for (const [method, args] of calls) {
        const envelope = await dispatchApiCall(service, method, args(id));
        expect(envelope, `${method}(${JSON.stringify(id.slice(0, 40))})`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
    expect((await service.listClips()).map((c) => c.id)).toEqual([goodId]);
    expect(await fs.readFile(path.join(sentinel, 'meta.json'), 'utf8')).toBe('do not touch');
  });

  it('opening ignores symlinked and oddly named folders instead of following them out of the library', async () => {
    const clips = path.join(library, 'clips');
    await fs.symlink(sentinel, path.join(clips, '20240101-linkedout'), 'dir');
    await fs.mkdir(path.join(clips, '..weird..'));
    await fs.writeFile(path.join(clips, '..weird..', 'meta.json'), '{}');
    const reopened = await LibraryStore.open(library);
    expect(reopened.list().map((m) => m.id)).toEqual([goodId]);
    expect(reopened.problems()).toEqual([]);
    expect(await fs.readFile(path.join(sentinel, 'meta.json'), 'utf8')).toBe('do not touch');
    expect(await fs.readdir(sentinel)).toEqual(['meta.json']);
  });

  it('a meta.json that names another id is quarantined, not trusted as a path', async () => {
    const id = (await store.createClip(draft('Liar'))).id;
    const file = path.join(library, 'clips', id, 'meta.json');
    const meta = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ ...meta, id: '../outside' }));
    const reopened = await LibraryStore.open(library);
    expect(reopened.list().map((m) => m.id)).not.toContain(id);
    expect(reopened.problems().some((p) => p.file === `clips/${id}/meta.json`)).toBe(true);
    expect(await fs.readdir(sentinel)).toEqual(['meta.json']);
  });
});

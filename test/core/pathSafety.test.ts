/**
 * Hostile ids cannot reach files outside the library: every id from outside is checked before it is
 * joined onto a path, in the store and again at the API door, and the library's own scan only ever
 * follows plain clip folders. The `gloss-asset://` protocol serves a clip's own images and refuses every
 * other URL, however encoded, and every symlink out of the library.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../src/core/dispatch';
import { answerAssetRequest, resolveAssetUrl } from '../../src/core/library/assetRequest';
import { writeClipImages } from '../../src/core/library/clipImages';
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
  });

  it('LibraryStore refuses every hostile id with invalid-input', async () => {
    for (const id of HOSTILE_IDS) {
      const label = JSON.stringify(id.slice(0, 40));
      expect(() => store.getMeta(id), label).toThrow(expect.objectContaining({ code: 'invalid-input' }));
      expect(() => store.clipFilePath(id, 'meta.json'), label).toThrow(
        expect.objectContaining({ code: 'invalid-input' }),
      );
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
      await expect(store.writeAnnotations(goodId, [highlight(goodId, id)])).rejects.toMatchObject({
        code: 'invalid-input',
      });
      await expect(store.writeAnnotations(goodId, [{ ...highlight(goodId, 'h1'), clipId: id }])).rejects.toMatchObject({
        code: 'invalid-input',
      });
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
        expect(envelope, `${method}(${JSON.stringify(id.slice(0, 40))})`).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
      }
    }
    expect((await service.listClips()).map((c) => c.id)).toEqual([goodId]);
    expect(await fs.readFile(path.join(sentinel, 'meta.json'), 'utf8')).toBe('do not touch');
  });

  it('opening sets aside a symlinked clip folder and ignores oddly named ones, never following them out of the library', async () => {
    const clips = path.join(library, 'clips');
    await fs.symlink(sentinel, path.join(clips, '20240101-linkedout'), 'dir');
    await fs.mkdir(path.join(clips, '..weird..'));
    await fs.writeFile(path.join(clips, '..weird..', 'meta.json'), '{}');
    const reopened = await LibraryStore.open(library);
    expect(reopened.list().map((m) => m.id)).toEqual([goodId]);
    // The link itself is moved to quarantine and reported; what it points to is left alone.
    expect(reopened.problems()).toEqual([
      expect.objectContaining({
        file: 'clips/20240101-linkedout',
        reason: expect.stringMatching(/is a link to a folder outside the library; Gloss does not follow links/),
      }),
    ]);
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

describe('gloss-asset:// protocol', () => {
  const IMAGE = 'ab'.repeat(16) + '.png';
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
    'base64',
  );
  let root: string;
  let library: string;
  let id: string;
  let otherId: string;

  beforeAll(async () => {
    root = await tempDir();
    library = path.join(root, 'library');
    const store = await LibraryStore.open(library);
    id = (await store.createClip(draft())).id;
    otherId = (await store.createClip(draft('Other'))).id;
    await writeClipImages(library, id, [{ name: IMAGE, bytes: PNG }]);
    // Secrets beside and outside the library that a traversal would reach.
    await fs.writeFile(path.join(root, 'secret.png'), 'outside the library');
    await fs.writeFile(path.join(library, 'clips', id, 'images', 'cd'.repeat(16) + '.txt'), 'not an image name');
    // Symlinks inside the library that point outside it: an image file, an images folder, a clip folder.
    const linkedImages = path.join(library, 'clips', otherId, 'images');
    await fs.mkdir(path.join(root, 'elsewhere'));
    await fs.writeFile(path.join(root, 'elsewhere', IMAGE), 'outside the library');
    await fs.symlink(path.join(root, 'elsewhere'), linkedImages, 'dir');
    await fs.symlink(
      path.join(root, 'secret.png'),
      path.join(library, 'clips', id, 'images', 'ef'.repeat(16) + '.png'),
    );
    await fs.symlink(path.join(root, 'elsewhere'), path.join(library, 'clips', '20240101-linkedout'), 'dir');
  });

  const get = (url: string) => answerAssetRequest(library, 'GET', url);

  it('serves a real image of a clip', async () => {
    const answer = await get(`gloss-asset://${id}/${IMAGE}`);
    expect(answer).toMatchObject({ status: 200, mime: 'image/png' });
    expect(Buffer.from((answer as { bytes: Uint8Array }).bytes).equals(PNG)).toBe(true);
  });

  it('refuses every hostile URL with 404', async () => {
    const hostile = [
      `gloss-asset://${id}/../${otherId}/${IMAGE}`,
      `gloss-asset://${id}/../../../secret.png`,
      `gloss-asset://${id}/%2e%2e/%2e%2e/%2e%2e/secret.png`,
      `gloss-asset://${id}/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.png`,
      `gloss-asset://${id}/..%2f..%2f..%2fsecret.png`,
      `gloss-asset://${id}/images%2f${IMAGE}`,
      `gloss-asset://${id}/..\\..\\..\\secret.png`,
      `gloss-asset://${id}/${IMAGE}\\..\\..\\secret.png`,
      `gloss-asset://${id}/%5c..%5c..%5csecret.png`,
      `gloss-asset:///${path.join(root, 'secret.png')}`,
      `gloss-asset://${id}/${path.join(root, 'secret.png')}`,
      `gloss-asset://${id}//${root}/secret.png`,
      `gloss-asset://${id}/C:%5cWindows%5cwin.ini`,
      `gloss-asset://${id}/${IMAGE}%00.txt`,
      `gloss-asset://${id}/${IMAGE}\u0000`,
      `gloss-asset://${id}%00/${IMAGE}`,
      `gloss-asset://${id}/\u2025/secret.png`,
      `gloss-asset://${id}/\uff0e\uff0e\uff0fsecret.png`,
      `gloss-asset://${id}/%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.png`,
      `gloss-asset://${id}/${'cd'.repeat(16)}.txt`,
      `gloss-asset://${id}/meta.json`,
      `gloss-asset://${id}/images`,
      `gloss-asset://${id}/`,
      `gloss-asset://${id}`,
      `gloss-asset://${id}/images/${IMAGE}`,
      `gloss-asset://${id}/${IMAGE}?x=1`,
      `gloss-asset://${id}/${IMAGE}?`,
      `gloss-asset://${id}/${IMAGE}#frag`,
      `gloss-asset://${id}:80/${IMAGE}`,
      `gloss-asset://user:pw@${id}/${IMAGE}`,
      `gloss-asset://evil.example/${IMAGE}`,
      `gloss-asset://127.0.0.1/${IMAGE}`,
      `gloss-asset://localhost/${IMAGE}`,
      `gloss-asset://${id}.evil.example/${IMAGE}`,
      `gloss-asset://../${IMAGE}`,
      `gloss-asset://%2e%2e/${IMAGE}`,
      `gloss-asset://clips/${id}/${IMAGE}`,
      `gloss-asset://not_a_clip/${IMAGE}`,
      `gloss-asset://20991231-zzzzzzzz/${IMAGE}`,
      `gloss-asset://caf%C3%A9/${IMAGE}`,
      `gloss-asset://${'a'.repeat(81)}/${IMAGE}`,
      `gloss-asset://${otherId}/${IMAGE}`, // its images folder is a symlink out of the library
      `gloss-asset://${id}/${'ef'.repeat(16)}.png`, // an image name that is a symlink out of the library
      `gloss-asset://20240101-linkedout/${IMAGE}`, // a clip folder that is a symlink out of the library
      `file://${path.join(root, 'secret.png')}`,
      `https://${id}/${IMAGE}`,
      `gloss-assets://${id}/${IMAGE}`,
      'not a url',
      '',
    ];
    for (const url of hostile) expect(await get(url), JSON.stringify(url)).toEqual({ status: 404 });
    expect(await answerAssetRequest(library, 'POST', `gloss-asset://${id}/${IMAGE}`)).toEqual({ status: 405 });
  });

  it('resolves only the one file a good URL names (pure, no disk)', () => {
    expect(resolveAssetUrl(library, `gloss-asset://${id}/${IMAGE}`)).toEqual({
      path: path.join(library, 'clips', id, 'images', IMAGE),
      mime: 'image/png',
    });
    expect(resolveAssetUrl(library, `gloss-asset://${id}/x/../${IMAGE}`)).toBeNull();
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../dispatch';
import { createGlossService } from '../service';
import { conflictOf } from './conflicts';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

describe('conflictOf', () => {
  it.each([
    ['meta (conflicted copy).json', 'meta.json', 'dropbox'],
    ["annotations (Alice's conflicted copy 2025-01-01).json", 'annotations.json', 'dropbox'],
    ['annotations (Alice’s conflicted copy 2025-01-01 (1)).json', 'annotations.json', 'dropbox'],
    ['article (Bob-Laptop conflicted copy).html', 'article.html', 'dropbox'],
    ['meta.sync-conflict-20250101-123456-ABCDEF7.json', 'meta.json', 'syncthing'],
    ['article.sync-conflict-20250101-123456-XYZ1234.html', 'article.html', 'syncthing'],
    ['meta (1).json', 'meta.json', 'google-drive'],
    ['annotations (12).json', 'annotations.json', 'google-drive'],
    ['annotations-Dell-PC.json', 'annotations.json', 'onedrive'],
  ])('reads %s as a copy of %s (%s)', (name, file, tool) => {
    expect(conflictOf(name)).toEqual({ file, tool });
  });

  it.each([
    'meta.json',
    'annotations.json',
    '.meta.json.a1b2c3d4e5f6.tmp',
    '.gloss-creating',
    'notes (1).txt',
    'other (conflicted copy).json',
    'meta (x).json',
    'meta.sync-conflict.json',
  ])('leaves %s alone', (name) => expect(conflictOf(name)).toBeNull());
});

async function libraryWithConflicts() {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir);
  const clip = await store.createClip(draft('Ours'));
  await store.writeAnnotations(clip.id, [highlight(clip.id, 'h1')]);
  const folder = path.join(dir, 'clips', clip.id);
  const meta = JSON.parse(await fs.readFile(path.join(folder, 'meta.json'), 'utf8'));
  await fs.writeFile(
    path.join(folder, "meta (Alice's conflicted copy 2025-01-01).json"),
    JSON.stringify({ ...meta, title: 'Theirs' }),
  );
  await fs.writeFile(
    path.join(folder, 'annotations.sync-conflict-20250101-123456-ABCDEF7.json'),
    JSON.stringify({ schema: 1, clipId: clip.id, highlights: [] }),
  );
  await fs.writeFile(path.join(folder, 'meta (1).json'), '{"schema":1,"id":');
  return { dir, id: clip.id, folder };
}

describe('sync conflicts in the library', () => {
  it('are listed on open with both versions, and the library opens normally', async () => {
    const { dir, id } = await libraryWithConflicts();
    const store = await LibraryStore.open(dir);
    expect(store.problems()).toEqual([]);
    expect(store.getMeta(id).title).toBe('Ours');
    expect(store.conflicts()).toEqual([
      {
        clipId: id,
        file: 'annotations.json',
        current: `clips/${id}/annotations.json`,
        conflict: `clips/${id}/annotations.sync-conflict-20250101-123456-ABCDEF7.json`,
        tool: 'syncthing',
      },
      {
        clipId: id,
        file: 'meta.json',
        current: `clips/${id}/meta.json`,
        conflict: `clips/${id}/meta (1).json`,
        tool: 'google-drive',
      },
      {
        clipId: id,
        file: 'meta.json',
        current: `clips/${id}/meta.json`,
        conflict: `clips/${id}/meta (Alice's conflicted copy 2025-01-01).json`,
        tool: 'dropbox',
      },
    ]);
  });

  it('keeping either version moves the other to the trash, never deletes it', async () => {
    const { dir, id, folder } = await libraryWithConflicts();
    const store = await LibraryStore.open(dir);
    await store.resolveConflict(id, `clips/${id}/meta (Alice's conflicted copy 2025-01-01).json`, 'conflict');
    expect(store.getMeta(id).title).toBe('Theirs');
    await store.resolveConflict(id, `clips/${id}/annotations.sync-conflict-20250101-123456-ABCDEF7.json`, 'current');
    expect(await store.readAnnotations(id)).toHaveLength(1);
    const trash = await fs.readdir(path.join(dir, 'trash'));
    expect(trash).toHaveLength(2);
    const trashedMeta = trash.find((n) => n.endsWith(`${id}-meta.json`))!;
    expect(JSON.parse(await fs.readFile(path.join(dir, 'trash', trashedMeta), 'utf8')).title).toBe('Ours');
    expect(store.conflicts().map((c) => c.conflict)).toEqual([`clips/${id}/meta (1).json`]);
    expect((await LibraryStore.open(dir)).conflicts()).toHaveLength(1);
    expect((await fs.readdir(folder)).sort()).toEqual([
      'annotations.json',
      'article.html',
      'article.txt',
      'meta (1).json',
      'meta.json',
    ]);
  });

  it('refuses to keep a damaged copy, and refuses paths it did not list', async () => {
    const { dir, id } = await libraryWithConflicts();
    const store = await LibraryStore.open(dir);
    await expect(store.resolveConflict(id, `clips/${id}/meta (1).json`, 'conflict')).rejects.toMatchObject({
      code: 'corrupt-file',
      message: expect.stringMatching(/cannot be kept: meta\.json is not valid JSON/),
    });
    expect(store.getMeta(id).title).toBe('Ours');
    for (const bad of [`clips/${id}/meta.json`, '../outside', `clips/${id}/../../x (1).json`]) {
      await expect(store.resolveConflict(id, bad, 'current')).rejects.toMatchObject({ code: 'not-found' });
    }
    expect(store.conflicts()).toHaveLength(3);
  });

  it('are offered through GlossApi: getLibraryInfo lists them and resolveConflict settles one', async () => {
    const { dir, id } = await libraryWithConflicts();
    const service = await createGlossService({ libraryDir: dir });
    const info = await dispatchApiCall(service, 'getLibraryInfo', []);
    expect(info).toMatchObject({
      ok: true,
      value: { conflicts: expect.arrayContaining([expect.objectContaining({ clipId: id, tool: 'dropbox' })]) },
    });
    const file = `clips/${id}/meta (Alice's conflicted copy 2025-01-01).json`;
    expect(await dispatchApiCall(service, 'resolveConflict', [{ clipId: id, file, keep: 'conflict' }])).toEqual({
      ok: true,
      value: null,
    });
    expect((await service.listClips())[0]!.title).toBe('Theirs');
    expect(
      await dispatchApiCall(service, 'resolveConflict', [{ clipId: '../x', file, keep: 'conflict' }]),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchApiCall(service, 'resolveConflict', [{ clipId: id, file, keep: 'both' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await service.close();
  });
});

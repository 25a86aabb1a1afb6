import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './store';
import { draft, tempDir } from './testHelpers';
import { CREATING_MARKER } from './unfinished';

describe('clips whose saving was cut off', () => {
  it('are moved to the trash on open, not reported as damage', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const kept = await store.createClip(draft('Kept'));
    // What a kill between article.html and meta.json leaves behind.
    const cut = path.join(dir, 'clips', '20240101-cutoff00');
    await fs.mkdir(cut);
    await fs.writeFile(path.join(cut, CREATING_MARKER), '');
    await fs.writeFile(path.join(cut, 'article.html'), '<p>half</p>');
    const reopened = await LibraryStore.open(dir);
    expect(reopened.list().map((m) => m.id)).toEqual([kept.id]);
    expect(reopened.problems()).toEqual([]);
    const trash = await fs.readdir(path.join(dir, 'trash'));
    expect(trash).toEqual([expect.stringMatching(/-20240101-cutoff00-unfinished$/)]);
  });

  it('are kept when only the marker was left after meta.json landed', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const clip = await store.createClip(draft('Done'));
    await expect(fs.stat(path.join(dir, 'clips', clip.id, CREATING_MARKER))).rejects.toMatchObject({ code: 'ENOENT' });
    await fs.writeFile(path.join(dir, 'clips', clip.id, CREATING_MARKER), '');
    const reopened = await LibraryStore.open(dir);
    expect(reopened.list().map((m) => m.id)).toEqual([clip.id]);
    await expect(fs.stat(path.join(dir, 'clips', clip.id, CREATING_MARKER))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a finished clip that lost meta.json is still quarantined and reported', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const clip = await store.createClip(draft('Lost'));
    await fs.rm(path.join(dir, 'clips', clip.id, 'meta.json'));
    const reopened = await LibraryStore.open(dir);
    expect(reopened.problems()).toMatchObject([{ file: `clips/${clip.id}/meta.json` }]);
  });
});

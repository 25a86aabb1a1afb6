/**
 * Corruption cases recovery.test.ts leaves out: old or odd schema versions, and highlight files from a
 * newer Gloss. Each is set aside with a message that says what is wrong; the rest of the library works.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

async function setup() {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir);
  const good = await store.createClip(draft('Good'));
  const victim = await store.createClip(draft('Victim'));
  await store.writeAnnotations(victim.id, [highlight(victim.id, 'h1')]);
  return { dir, good, victim, file: (id: string, name: string) => path.join(dir, 'clips', id, name) };
}

describe('LibraryStore with files of the wrong version', () => {
  it.each([
    ['schema 0', 0, /does not have the expected shape \(schema:/],
    ['a schema written as text', '1', /does not have the expected shape \(schema:/],
    ['no schema at all', undefined, /does not have the expected shape \(schema:/],
    ['a newer schema', 7, /made by a newer version of Gloss \(format 7; this version reads format 1\)\. Update Gloss/],
  ])('sets aside meta.json with %s and says why', async (_label, schema, reason) => {
    const { dir, good, victim, file } = await setup();
    const meta = JSON.parse(await fs.readFile(file(victim.id, 'meta.json'), 'utf8'));
    await fs.writeFile(file(victim.id, 'meta.json'), JSON.stringify({ ...meta, schema }));
    const store = await LibraryStore.open(dir);
    expect(store.list().map((m) => m.id)).toEqual([good.id]);
    expect(store.problems()).toMatchObject([
      { file: `clips/${victim.id}/meta.json`, reason: expect.stringMatching(reason) },
    ]);
  });

  it('sets aside highlights from a newer Gloss; the clip still opens and the file is kept', async () => {
    const { dir, victim, file } = await setup();
    const raw = JSON.stringify({ schema: 2, clipId: victim.id, highlights: [], comments: [] });
    await fs.writeFile(file(victim.id, 'annotations.json'), raw);
    const store = await LibraryStore.open(dir);
    expect(store.list()).toHaveLength(2);
    expect(await store.readAnnotations(victim.id)).toEqual([]);
    const [problem] = store.problems();
    expect(problem!.reason).toMatch(/annotations\.json was made by a newer version of Gloss/);
    expect(await fs.readFile(path.join(dir, problem!.quarantinedAs), 'utf8')).toBe(raw);
  });

  it('sets aside a zero-length meta.json (a sync tool or disk that lost the data)', async () => {
    const { dir, good, victim, file } = await setup();
    await fs.writeFile(file(victim.id, 'meta.json'), '');
    const store = await LibraryStore.open(dir);
    expect(store.list().map((m) => m.id)).toEqual([good.id]);
    expect(store.problems()[0]!.reason).toMatch(/not valid JSON/);
  });
});

describe('LibraryStore when the quarantine cannot be written (a read-only library)', () => {
  // Tests run as root on CI, where permissions do not stop a rename: the quarantine folder is made a link to
  // another file system instead (/proc), where every move fails as a read-only library's does.
  it.runIf(process.platform === 'linux')(
    'still opens, reports the damaged files as left where they are, and changes nothing on disk',
    async () => {
      const { dir, good, victim, file } = await setup();
      await fs.writeFile(file(victim.id, 'meta.json'), '{"schema": 1, "title": "cut');
      await fs.writeFile(file(good.id, 'annotations.json'), 'garbage');
      await fs.rm(path.join(dir, 'quarantine'), { recursive: true });
      await fs.symlink('/proc', path.join(dir, 'quarantine'));
      const store = await LibraryStore.open(dir);
      expect(store.list().map((m) => m.id)).toEqual([good.id]);
      expect(await store.readAnnotations(good.id)).toEqual([]);
      const where = /could not be moved to the quarantine folder \(.+\), so it is left where it is\./;
      expect(store.problems()).toEqual([
        expect.objectContaining({
          file: `clips/${victim.id}/meta.json`,
          quarantinedAs: '',
          reason: expect.stringMatching(where),
        }),
        expect.objectContaining({
          file: `clips/${good.id}/annotations.json`,
          quarantinedAs: '',
          reason: expect.stringMatching(where),
        }),
      ]);
      expect(await fs.readFile(file(victim.id, 'meta.json'), 'utf8')).toBe('{"schema": 1, "title": "cut');
      expect(await fs.readFile(file(good.id, 'annotations.json'), 'utf8')).toBe('garbage');
    },
  );
});

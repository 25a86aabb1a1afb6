import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFilePath, catalogueDetailsPath, CATALOGUE_FORMAT } from './catalogueFile';
import { listFromCatalogue } from './listFromCatalogue';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
const clipFile = (dir: string, id: string, name: string) => path.join(dir, 'clips', id, name);

/** A library of three clips (one with highlights), closed so its catalogue file is saved. */
async function library() {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir, { textOf, catalogue: true });
  const clips = [await store.createClip(draft('Alpha')), await store.createClip(draft('Beta'))];
  await store.writeAnnotations(clips[0]!.id, [highlight(clips[0]!.id, 'h1'), highlight(clips[0]!.id, 'h2')]);
  await store.close();
  // What a list shows of each clip, newest first, as the store has it.
  const listed = store.list().map(({ id, title, site, byline, published, url, words, clippedAt }) => {
    return { id, title, site, byline, published, url, words, clippedAt };
  });
  return { dir, clips, listed };
}

describe('listing from the catalogue file', () => {
  it("gives the store's list, without reading a clip, while the catalogue is up to date", async () => {
    const { dir, clips, listed } = await library();
    // Highlights are not part of a list: changing them behind the catalogue's back does not matter to it.
    await fs.writeFile(clipFile(dir, clips[0]!.id, 'annotations.json'), '{"schema":1,"clipId":"x","highlights":[]}');
    expect(await listFromCatalogue(dir)).toEqual({ clips: listed, problems: 0 });
    expect(listed.map((m) => m.title)).toEqual(['Beta', 'Alpha']);
  });

  it('reads only the rows file: the details file may be missing or damaged', async () => {
    const { dir, listed } = await library();
    await fs.writeFile(catalogueDetailsPath(dir), '{"cut off');
    expect(await listFromCatalogue(dir)).toEqual({ clips: listed, problems: 0 });
    await fs.rm(catalogueDetailsPath(dir));
    expect(await listFromCatalogue(dir)).toEqual({ clips: listed, problems: 0 });
  });

  it('lists an empty library', async () => {
    const dir = await tempDir();
    await (await LibraryStore.open(dir, { textOf, catalogue: true })).close();
    expect(await listFromCatalogue(dir)).toEqual({ clips: [], problems: 0 });
  });

  it.each([
    [
      'a meta.json edited in place',
      async (dir: string, id: string) => {
        const file = clipFile(dir, id, 'meta.json');
        await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"Beta"', '"Beta, by hand"'));
      },
    ],
    ['a clip folder removed', (dir: string, id: string) => fs.rm(path.join(dir, 'clips', id), { recursive: true })],
    [
      'a clip folder added',
      (dir: string, id: string) =>
        fs.cp(path.join(dir, 'clips', id), path.join(dir, 'clips', 'copied-by-hand'), { recursive: true }),
    ],
    ['no catalogue', (dir: string) => fs.rm(catalogueFilePath(dir))],
    [
      'a cut-off catalogue',
      async (dir: string) => {
        const raw = await fs.readFile(catalogueFilePath(dir), 'utf8');
        await fs.writeFile(catalogueFilePath(dir), raw.slice(0, raw.length - 5));
      },
    ],
    [
      'a catalogue of the format before it was cut in two',
      async (dir: string) => {
        const raw = await fs.readFile(catalogueFilePath(dir), 'utf8');
        await fs.writeFile(catalogueFilePath(dir), raw.replace(`"format":${CATALOGUE_FORMAT}`, '"format":1'));
      },
    ],
  ])('leaves the list to the store after %s', async (_, change) => {
    const { dir, listed } = await library();
    await change(dir, listed[0]!.id);
    expect(await listFromCatalogue(dir)).toBeNull();
  });
});

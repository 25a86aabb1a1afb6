import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { LISTED_BEGINNING_COMPLETIONS } from './compactIndex';
import { IndexChangedError, readIndexFile, writeIndexFile } from './indexFile';
import { SearchIndex } from './searchIndex';
import { highlight, meta } from './testDocs';

const texts: Record<string, string> = {
  tide: 'Tidal power plants turn the tide into power. Tide tables tell when the tide turns.',
  cafe: 'Le café du coin ouvre à sept heures. Les habitués arrivent tôt.',
  ru: 'Переговоры между профсоюзами и министерством возобновились во вторник.',
  old: 'An article that is replaced below, so its first version is discarded.',
};

function buildIndex() {
  const index = new SearchIndex({ readText: async (id) => texts[id] ?? '' });
  for (const [id, text] of Object.entries(texts))
    index.addClip(meta(id, `Title of ${id}`, { site: `${id}.example` }), text);
  index.setHighlights(meta('tide', 'Title of tide'), [
    highlight('tide', 'h1', texts['tide']!, 'Tide tables', 'check the harbour'),
  ]);
  // Replaced and removed documents leave dead postings behind, which the saved file leaves out.
  index.addClip(meta('old', 'Replaced title'), 'A second version about harbours.');
  index.removeClip('cafe');
  return index;
}

const tempFile = async () => path.join(await tempDir('index'), 'index', 'search.idx');
// Scores may differ in the last digits: a word's rarity counts removed documents until the index is saved.
const ids = async (index: SearchIndex, q: string) =>
  (await index.search(q)).map((r) => `${r.kind}:${r.highlightId ?? r.id}`);
/** What results show from the index itself (a loaded one reads it from the file): all but scores and article snippets. */
const shown = async (index: SearchIndex, q: string) =>
  (await index.search(q))
    .map(({ id, kind, highlightId, title, site, published, clippedAt, snippet, position }) => ({
      ...{ id, kind, highlightId, title, site, published, clippedAt },
      quote: kind === 'highlight' ? { snippet, position } : null,
    }))
    .sort((a, b) => `${a.kind}:${a.highlightId ?? a.id}`.localeCompare(`${b.kind}:${b.highlightId ?? b.id}`));

describe('the saved index file', () => {
  it('reads back an index that answers every query as the original did', async () => {
    const index = buildIndex();
    const file = await tempFile();
    const bytes = await writeIndexFile(file, index, new Map([['tide', 'fp']]));
    expect(bytes).toBe((await fs.stat(file)).size);
    const read = await readIndexFile(file, { readText: async (id) => texts[id] ?? '' });
    if (!read.ok) throw new Error(read.problem);
    expect(read.fingerprints).toEqual(new Map([['tide', 'fp']]));
    expect(read.index.documentCount).toBe(index.documentCount);
    expect(read.index.clipIds().sort()).toEqual(index.clipIds().sort());
    for (const q of [
      'tide',
      'tid',
      'harbour',
      'переговоры',
      'cafe',
      'replaced',
      'article',
      'site:tide.example',
      '"tide tables"',
    ]) {
      expect(await ids(read.index, q)).toEqual(await ids(index, q));
      expect(await shown(read.index, q)).toEqual(await shown(index, q));
    }
    expect(await ids(read.index, 'tide')).toHaveLength(2);
    expect(await ids(read.index, 'discarded')).toEqual([]);
  });

  it('takes changes after a load (added to the loaded lists without copying them) and saves them again', async () => {
    const file = await tempFile();
    await writeIndexFile(file, buildIndex(), new Map());
    const read = await readIndexFile(file, { readText: async (id) => texts[id] ?? '' });
    if (!read.ok) throw new Error(read.problem);
    const loaded = read.index;
    loaded.addClip(
      meta('tide2', 'Spring tides', { site: 'spring.example' }),
      'The tide rose twice as high at the harbour wall.',
    );
    loaded.addClip(meta('tide', 'Title of tide'), 'Tide tables were rewritten: the tide turns later now.');
    expect((await ids(loaded, 'tide')).sort()).toEqual(['article:tide', 'article:tide2', 'highlight:h1']);
    expect(await ids(loaded, '"tide rose"')).toEqual(['article:tide2']);
    expect(await ids(loaded, 'power')).toEqual([]);
    // A two-letter beginning and a filter read the loaded lists and what was added to them since.
    expect((await ids(loaded, 'ti')).sort()).toEqual([
      'article:old',
      'article:ru',
      'article:tide',
      'article:tide2',
      'highlight:h1',
    ]);
    expect(await ids(loaded, 'site:spring.example')).toEqual(['article:tide2']);
    // Saved again: what was shown (parsed) and what was not (still the file's text) come back alike.
    await writeIndexFile(file, loaded, new Map());
    const again = await readIndexFile(file, { readText: async (id) => texts[id] ?? '' });
    if (!again.ok) throw new Error(again.problem);
    for (const q of ['tide', 'tid', 'ti', 'site:spring.example', 'harbour', 'rewritten', 'power', '"tide rose"']) {
      expect((await ids(again.index, q)).sort()).toEqual((await ids(loaded, q)).sort());
      expect(await shown(again.index, q)).toEqual(await shown(loaded, q));
    }
  });

  it('finds a damaged file out: postings or lists naming no document, out of order, or cut off', async () => {
    const file = await tempFile();
    await writeIndexFile(file, buildIndex(), new Map());
    const whole = await fs.readFile(file);
    /** The file with the first document number of the first chunk of `type` (2 postings, 4 lists) set to `doc`. */
    const withFirstDoc = (type: number, doc: number) => {
      const bytes = Buffer.from(whole);
      let names = 0;
      for (let at = 0; at < bytes.length; at += 8 + ((bytes.readUInt32LE(at) + 3) & ~3)) {
        const [length, kind] = [bytes.readUInt32LE(at), bytes.readUInt32LE(at + 4)];
        if (kind === 1)
          names = (Object.values(JSON.parse(bytes.toString('utf8', at + 8, at + 8 + length)))[0] as unknown[]).length;
        if (kind !== type) continue;
        bytes.writeInt32LE(doc, at + 8 + 4 * names);
        return bytes;
      }
      throw new Error('no such chunk');
    };
    for (const [type, doc, problem] of [
      [2, 999, 'a posting names no document'],
      [2, -1, 'a posting names no document'],
      [4, 999, 'a list names no document'],
      [4, -1, 'a list names no document'],
    ] as const) {
      await fs.writeFile(file, withFirstDoc(type, doc));
      expect(await readIndexFile(file)).toEqual({
        ok: false,
        problem: `The saved search index is damaged: ${problem}`,
      });
    }
    await fs.writeFile(file, whole.subarray(0, whole.length - 20));
    expect(await readIndexFile(file)).toMatchObject({ ok: false });
    await fs.writeFile(file, whole);
    expect((await readIndexFile(file)).ok).toBe(true);
  });

  it('lists a three-letter beginning of many words, keeps the list through a save and load, and counts every match', async () => {
    const index = new SearchIndex();
    // More words beginning with "con" than LISTED_BEGINNING_COMPLETIONS, one per clip: the list is made when
    // the beginning reaches it (from the clips already indexed) and grows with the clips added after.
    const word = (i: number) =>
      `con${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const count = LISTED_BEGINNING_COMPLETIONS + 10;
    for (let i = 0; i < count; i++) index.addClip(meta(`c${i}`, `Clip ${i}`), `Notes on ${word(i)} and more.`);
    index.addClip(meta('con', 'Plain'), 'The word con alone.');
    index.addClip(meta('none', 'Other'), 'A cot, a cod, nothing else.');
    expect(index.index.beginnings.get('con')?.total).toBe(count + 1);
    expect(index.index.beginnings.has('cot')).toBe(false);
    const all = async (search: SearchIndex) => {
      const found = new Set<string>();
      let total = 0;
      for (let offset = 0; offset === 0 || offset < total; offset += 25) {
        const page = await search.searchPage('con', { offset, limit: 25 });
        total = page.total;
        for (const r of page.results) found.add(r.id);
      }
      return { total, found };
    };
    expect((await all(index)).total).toBe(count + 1);
    const file = await tempFile();
    await writeIndexFile(file, index, new Map());
    const read = await readIndexFile(file);
    if (!read.ok) throw new Error(read.problem);
    read.index.addClip(meta('late', 'Late'), 'A conzz, new since the load.');
    read.index.removeClip('c0');
    const after = await all(read.index);
    expect(after.total).toBe(count + 1);
    expect(after.found.has('late')).toBe(true);
    expect(after.found.has('c0')).toBe(false);
    expect(after.found.has('none')).toBe(false);
    expect(after.found.size).toBe(count + 1);
  });

  it('gives up, leaving the old file, when the index changes while it is written', async () => {
    const index = buildIndex();
    const file = await tempFile();
    await writeIndexFile(file, index, new Map());
    const before = await fs.readFile(file);
    const saving = writeIndexFile(file, index, new Map());
    index.addClip(meta('late', 'Late arrival'), 'Written while the index was being saved.');
    await expect(saving).rejects.toBeInstanceOf(IndexChangedError);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect(await fs.readdir(path.dirname(file))).toEqual(['search.idx']);
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { articleText } from '../article/text';
import { LibraryStore } from '../library/store';
import { draft, highlight, tempDir } from '../library/testHelpers';
import { indexFilePath } from './indexFile';
import { SearchIndex } from './searchIndex';
import { SearchKeeper } from './searchKeeper';

async function library() {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir, { textOf: articleText });
  const talks = await store.createClip(draft('Talks resume', 'Negotiations resumed on Tuesday.'));
  const cafe = await store.createClip(draft('Un matin', 'Le café du coin ouvre tôt.'));
  await store.writeAnnotations(talks.id, [highlight(talks.id, 'h1')]);
  return { dir, store, talks, cafe };
}

/** Opens the library afresh (as the app does at start) with the index kept by a keeper. */
async function reopen(dir: string) {
  const store = await LibraryStore.open(dir, { textOf: articleText });
  const keeper = await SearchKeeper.open(store, { saveDelayMs: 5 });
  await keeper.ready();
  return { store, keeper };
}

interface Chunk {
  type: number;
  payload: Uint8Array;
}

function readChunks(data: Buffer): Chunk[] {
  const out: Chunk[] = [];
  for (let at = 0; at < data.length;) {
    const length = data.readUInt32LE(at);
    out.push({ type: data.readUInt32LE(at + 4), payload: data.subarray(at + 8, at + 8 + length) });
    at += 8 + ((length + 3) & ~3);
  }
  return out;
}

function writeChunks(chunks: Chunk[]): Buffer {
  return Buffer.concat(
    chunks.map(({ type, payload }) => {
      const out = Buffer.alloc(8 + ((payload.length + 3) & ~3));
      out.writeUInt32LE(payload.length, 0);
      out.writeUInt32LE(type, 4);
      out.set(payload, 8);
      return out;
    }),
  );
}

const jsonChunk = (value: unknown): Chunk => ({ type: 1, payload: Buffer.from(JSON.stringify(value)) });

const hits = async (keeper: SearchKeeper, q: string) =>
  (await keeper.search(q)).map((r) => `${r.kind}:${r.highlightId ?? r.id}`).sort();

describe('SearchKeeper', () => {
  it('builds a missing index, saves it, and loads it next time without rebuilding', async () => {
    const { dir } = await library();
    const first = await reopen(dir);
    expect(first.keeper.opened).toEqual({ loaded: false, problem: 'There is no saved search index yet.' });
    expect(first.keeper.reindexed).toBe(2);
    const before = await first.keeper.search('negotiations');
    await first.keeper.close();

    const build = vi.spyOn(SearchIndex.prototype, 'addClip');
    const second = await reopen(dir);
    expect(second.keeper.opened.loaded).toBe(true);
    expect(second.keeper.reindexed).toBe(0);
    expect(build).not.toHaveBeenCalled();
    build.mockRestore();
    expect(await second.keeper.search('negotiations')).toEqual(before);
    expect(await hits(second.keeper, 'cafe')).toEqual([
      'article:' + (await second.store.list()).find((m) => m.title === 'Un matin')!.id,
    ]);
    expect(second.keeper.status()).toEqual({ state: 'ready', done: 0, total: 0, reindexed: 0 });
  });

  it('loads a saved index that holds notebook pages without rebuilding', async () => {
    const { dir } = await library();
    const first = await reopen(dir);
    const doc = {
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Harbour notes' }] }] },
    };
    first.keeper.putPage({
      id: 'pg1',
      title: 'Notes',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      doc,
    });
    await first.keeper.close();
    const second = await reopen(dir);
    expect(second.keeper.opened).toEqual({ loaded: true, problem: null });
    expect(second.keeper.reindexed).toBe(0);
    expect((await second.keeper.searchPage('harbour')).results.map((r) => `${r.kind}:${r.id}`)).toEqual(['page:pg1']);
  });

  it('re-indexes only the clips whose files changed behind its back, and drops deleted ones', async () => {
    const { dir, talks, cafe } = await library();
    await (await reopen(dir)).keeper.close();
    const file = path.join(dir, 'clips', talks.id, 'article.txt');
    await fs.writeFile(file, 'Negotiations collapsed on Friday.');
    await fs.rm(path.join(dir, 'clips', cafe.id), { recursive: true });
    const { keeper } = await reopen(dir);
    expect(keeper.opened.loaded).toBe(true);
    expect(keeper.reindexed).toBe(1);
    expect(await hits(keeper, 'collapsed')).toEqual([`article:${talks.id}`]);
    expect(await hits(keeper, 'tuesday')).toEqual([]);
    expect(await hits(keeper, 'cafe')).toEqual([]);
  });

  it('rebuilds from a corrupt or outdated index file, and search works while it does', async () => {
    const { dir, talks } = await library();
    await (await reopen(dir)).keeper.close();
    await fs.writeFile(indexFilePath(dir), '{"header": {"kind": "gloss-search-index"');
    const store = await LibraryStore.open(dir, { textOf: articleText });
    const keeper = await SearchKeeper.open(store, { saveDelayMs: 5 });
    expect(keeper.opened.loaded).toBe(false);
    expect(keeper.opened.problem).toMatch(/damaged/);
    expect(keeper.status().state).toBe('building');
    await expect(keeper.search('negotiations')).resolves.toBeInstanceOf(Array);
    await keeper.ready();
    expect(keeper.status().state).toBe('ready');
    expect(await hits(keeper, 'negotiations')).toEqual([`article:${talks.id}`, 'highlight:h1']);
    await keeper.close();

    // The file is a row of chunks (length, type, payload padded to 4 bytes), the JSON header first.
    const chunks = readChunks(await fs.readFile(indexFilePath(dir)));
    const header = JSON.parse(Buffer.from(chunks[0]!.payload).toString()).header;
    const write = (first: object, rest = chunks.slice(1)) =>
      fs.writeFile(indexFilePath(dir), writeChunks([jsonChunk({ header: first }), ...rest]));
    await write({ ...header, format: 1 });
    const again = await reopen(dir);
    expect(again.keeper.opened.problem).toMatch(/another version/);
    expect(await hits(again.keeper, 'negotiations')).toEqual([`article:${talks.id}`, 'highlight:h1']);
    await again.keeper.close();

    /** How the index opens (the keeper is closed, so its own save is done before the next write). */
    const opened = async () => {
      const { keeper } = await reopen(dir);
      await keeper.close();
      return keeper.opened;
    };
    await write({ ...header, documentCount: 7 });
    expect((await opened()).problem).toMatch(/does not hold/);
    await write(header, chunks.slice(1, -1));
    expect((await opened()).problem).toMatch(/cut off/);
    // A posting that names a document the file does not hold.
    const postings = chunks.findLastIndex((c) => c.type === 2);
    const damaged = chunks.map((c, i) => {
      if (i !== postings) return c;
      const terms = JSON.parse(Buffer.from(chunks[i - 1]!.payload).toString()).terms.length;
      const payload = Uint8Array.from(c.payload);
      new DataView(payload.buffer).setInt32(terms * 4, 1e6, true);
      return { ...c, payload };
    });
    await write(header, damaged.slice(1));
    expect((await opened()).problem).toMatch(/damaged/);
    // The JSON-lines file of earlier versions is rebuilt, then removed.
    await fs.rename(indexFilePath(dir), path.join(dir, 'index', 'search.json'));
    expect((await opened()).problem).toMatch(/another version/);
    expect(await fs.readdir(path.join(dir, 'index'))).toEqual(['search.idx']);
    await write(header);
    expect(await opened()).toEqual({ loaded: true, problem: null });
  });

  it('updates incrementally: adds, highlight changes and deletes are searchable at once and saved', async () => {
    const { dir, store, talks } = await library();
    const keeper = await SearchKeeper.open(store, { saveDelayMs: 5 });
    await keeper.ready();
    const added = await store.createClip(draft('Harbour', 'The harbour reopened after the storm.'));
    keeper.putClip(added, 'The harbour reopened after the storm.');
    expect(await hits(keeper, 'harbour')).toEqual([`article:${added.id}`]);
    const hs = [highlight(talks.id, 'h9', 'Negotiations')];
    hs[0]!.note = 'pivotal moment';
    await store.writeAnnotations(talks.id, hs);
    keeper.putHighlights(talks, hs);
    expect(await hits(keeper, 'pivotal')).toEqual(['highlight:h9']);
    expect(await keeper.highlightCount(talks.id)).toBe(1);
    await store.deleteClip(talks.id);
    keeper.removeClip(talks.id);
    expect(await hits(keeper, 'negotiations')).toEqual([]);
    await keeper.close();

    const next = await reopen(dir);
    expect(next.keeper.reindexed).toBe(0);
    expect(await hits(next.keeper, 'harbour')).toEqual([`article:${added.id}`]);
    expect(await hits(next.keeper, 'pivotal')).toEqual([]);
  });

  it('counts highlights right while the first index is still being built', async () => {
    const { dir, talks, cafe } = await library();
    const store = await LibraryStore.open(dir, { textOf: articleText });
    const keeper = await SearchKeeper.open(store);
    // Nothing is indexed yet: the catch-up has only just started.
    expect(keeper.status().state).toBe('building');
    expect(await keeper.highlightCount(talks.id)).toBe(1);
    expect(await keeper.highlightCount(cafe.id)).toBe(0);
    await keeper.ready();
    expect(await keeper.highlightCount(talks.id)).toBe(1);
    await keeper.close();
  });
});

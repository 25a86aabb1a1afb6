/**
 * Start-up with a saved library through the real service on real files: the library answers list calls
 * before the search index has been read, searches wait for it, and the catalogue file is used and kept.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService } from '../service';

/**
 * Puts a named pipe in place of the library's saved index, so reading it at start waits until the test
 * calls `release()` (which writes the saved index into the pipe).
 */
async function holdIndex(dir: string): Promise<{ release(): Promise<void> }> {
  const indexFile = path.join(dir, 'index', 'search.idx');
  const saved = await fs.readFile(indexFile);
  await fs.rm(indexFile);
  execFileSync('mkfifo', [indexFile]);
  return { release: () => fs.writeFile(indexFile, saved) };
}

/** A library with one clip "Talks" holding one highlight, closed (its index and catalogue saved). */
async function savedLibrary() {
  const dir = await tempDir();
  const first = await createGlossService({ libraryDir: dir });
  const text = 'Negotiations resumed on Tuesday in Geneva after a long pause.';
  const clip = await first.clipText({ text, title: 'Talks', onDuplicate: 'copy' });
  await first.addHighlight({ clipId: clip.id, start: 0, end: 12, note: 'first words' });
  await first.indexReady();
  await first.close();
  return { dir, clip, text };
}

// Named pipes are a POSIX thing.
describe.skipIf(process.platform === 'win32')('service start-up', () => {
  it('answers list calls while the search index is still loading; searches wait for it', async () => {
    const { dir, clip, text } = await savedLibrary();
    const index = await holdIndex(dir);
    const service = await createGlossService({ libraryDir: dir });
    try {
      expect(await service.getIndexStatus()).toMatchObject({ state: 'loading' });
      let searched = false;
      const search = service.searchPage({ query: 'geneva' }).then((page) => {
        searched = true;
        return page;
      });
      const page = await service.listClipsPage({ limit: 10 });
      expect(page.rows.map((r) => [r.title, r.highlightCount])).toEqual([['Talks', 1]]);
      const highlights = await service.listHighlightsPage({});
      expect(highlights.rows.map((r) => r.highlight.note)).toEqual(['first words']);
      expect((await service.getClip(clip.id)).text).toBe(text);
      expect((await service.getLibraryInfo()).clipCount).toBe(1);
      // Still loading: the search has its answer only once the index file can be read.
      expect(await service.getIndexStatus()).toMatchObject({ state: 'loading' });
      expect(searched).toBe(false);

      await index.release();
      expect((await search).total).toBe(1);
      await service.indexReady();
      // The saved index was used as it was: nothing was re-indexed.
      expect(await service.getIndexStatus()).toEqual({ state: 'ready', done: 0, total: 0, reindexed: 0 });
    } finally {
      await service.close();
    }
  });

  it('keeps changes made while the index loads, in the index and in the catalogue', async () => {
    const { dir, clip } = await savedLibrary();
    const index = await holdIndex(dir);
    const service = await createGlossService({ libraryDir: dir });
    const added = await service.clipText({ text: 'Glaciers retreat each summer.', title: 'Ice', onDuplicate: 'copy' });
    await service.updateClip({ id: clip.id, tags: ['geneva'] });
    await service.deleteHighlight({ clipId: clip.id, highlightId: (await service.getClip(clip.id)).highlights[0]!.id });
    expect(await service.getIndexStatus()).toMatchObject({ state: 'loading' });
    await index.release();
    expect((await service.searchPage({ query: 'glaciers' })).results.map((r) => r.id)).toEqual([added.id]);
    expect((await service.searchPage({ query: 'kind:highlight' })).total).toBe(0);
    await service.close();

    const again = await createGlossService({ libraryDir: dir });
    const rows = (await again.listClipsPage({})).rows;
    expect(rows.map((r) => [r.title, r.highlightCount, r.tags])).toEqual([
      ['Ice', 0, []],
      ['Talks', 0, ['geneva']],
    ]);
    expect((await again.searchPage({ query: 'glaciers' })).total).toBe(1);
    await again.indexReady();
    expect((await again.getIndexStatus()).reindexed).toBe(0);
    await again.close();
  });
});

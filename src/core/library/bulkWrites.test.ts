/** Bulk writes (imports, generated libraries): many reserved clips saved at once, whole or not at all. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './store';
import { draft, highlight, tempDir } from './testHelpers';

describe('writeClips', () => {
  it('saves reserved clips with their highlights; a failed or unwritten one never shows', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const metas = await Promise.all(['One', 'Two', 'Bad', 'Unwritten'].map((t) => store.reserveClip(draft(t))));
    const [one, two, bad] = metas;
    expect(store.list()).toEqual([]);
    const failed = await store.writeClips([
      { meta: { ...one!, tags: ['bulk'] }, draft: draft('One'), highlights: [highlight(one!.id, 'h1')] },
      { meta: two!, draft: draft('Two') },
      { meta: bad!, draft: draft('Bad'), highlights: [highlight(two!.id, 'h2')] },
    ]);
    expect([...failed.keys()]).toEqual([bad!.id]);
    expect(failed.get(bad!.id)!.code).toBe('invalid-input');
    expect(store.highlightsOf(one!.id).map((h) => h.id)).toEqual(['h1']);
    const reopened = await LibraryStore.open(dir);
    expect(
      reopened
        .list()
        .map((m) => m.title)
        .sort(),
    ).toEqual(['One', 'Two']);
    expect(reopened.getMeta(one!.id).tags).toEqual(['bulk']);
    expect(await reopened.readAnnotations(one!.id)).toHaveLength(1);
    expect((await reopened.readArticle(two!.id)).text).toBe(draft('Two').text);
    expect(reopened.problems()).toEqual([]);
    // The failed and the never-written clips left nothing behind.
    expect((await fs.readdir(path.join(dir, 'clips'))).sort()).toEqual([one!.id, two!.id].sort());
  });
});

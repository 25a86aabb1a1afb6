/**
 * A backup carries the search index: the restored library searches at once, with no clip re-indexed, and opens
 * from its catalogue file without reading any clip again.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../library/store';
import { tempDir } from '../library/testHelpers';
import { SearchKeeper } from '../search/searchKeeper';
import { createGlossService, type GlossService } from '../service';
import { createBackup } from './create';
import { restoreBackup } from './restore';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('backup and restore with the index', () => {
  it('restores an index that needs no rebuild and finds articles and highlights', async () => {
    const dir = await tempDir();
    const service: GlossService = await createGlossService({ libraryDir: dir });
    open.push(service);
    const clip = await service.clipText({ text: 'Kelp forests\n\nKelp forests shelter otters along the coast.' });
    const text = (await service.getClip(clip.id)).text;
    const start = text.indexOf('shelter otters');
    await service.addHighlight({ clipId: clip.id, start, end: start + 'shelter otters'.length, note: 'sea otters' });
    await service.clipText({ text: 'Salt marshes\n\nMarsh grass holds the mud.' });
    const file = path.join(await tempDir(), 'library.gloss-backup');
    // The backup job saves the index first, as here.
    await service.indexReady();
    await service.close();
    open.length = 0;
    const manifest = await createBackup(dir, file);
    expect(manifest.files.map((f) => f.path)).toContain('index/search.idx');

    const target = path.join(await tempDir(), 'restored');
    await restoreBackup(file, target);
    // The restore leaves a catalogue stamped with the restored files: the first start reads no clip again.
    const store = await LibraryStore.open(target, { catalogue: true });
    open.push(store);
    expect(store.opening).toEqual({ reused: 2, reread: 0, catalogueProblem: null });
    const keeper = await SearchKeeper.open(store);
    open.push(keeper);
    await keeper.ready();
    expect(keeper.opened).toEqual({ loaded: true, problem: null });
    expect(keeper.reindexed).toBe(0);
    const found = await keeper.search('otters');
    expect(found.map((r) => r.kind).sort()).toEqual(['article', 'highlight']);
  });
});

/**
 * A large import writes its clips a batch at a time: every clip lands whole with its highlights, the
 * catalogue and search see them, and running the import again adds nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { CLIP_BATCH_SIZE } from '../libraryClips/clipBatch';
import { importFrom } from '.';

let service: GlossService | undefined;
afterEach(async () => service?.close());

/** A Readwise CSV of `books` books with two highlights each. */
function csv(books: number): string {
  const rows = ['Highlight,Book Title,Book Author,Note,Color,Highlighted at'];
  for (let b = 0; b < books; b++) {
    rows.push(`Tides turn twice a day in book ${b},Book ${b},Author ${b % 7},,yellow,2024-01-02 10:00:00`);
    rows.push(`"Salt marshes, book ${b}, hold the coast",Book ${b},Author ${b % 7},A note,green,2024-01-03 10:00:00`);
  }
  return rows.join('\n') + '\n';
}

describe('batched import', () => {
  it('writes more than a batch of clips whole, listed and searchable, and a second run adds nothing', async () => {
    const dir = await tempDir();
    const file = path.join(await tempDir(), 'readwise.csv');
    const books = CLIP_BATCH_SIZE + 15;
    await fs.writeFile(file, csv(books));
    service = await createGlossService({ libraryDir: dir });
    const report = await importFrom(service, 'readwise', file);
    expect(report).toMatchObject({ imported: books, skipped: [], highlights: { placed: books * 2, orphaned: 0 } });
    const page = await service.listClipsPage({ hasHighlights: true, limit: 1 });
    expect(page.total).toBe(books);
    expect((await service.listHighlightsPage({ color: 'green' })).total).toBe(books);
    await service.indexReady();
    expect((await service.search({ query: '"book 214"' })).length).toBeGreaterThan(0);
    const again = await importFrom(service, 'readwise', file);
    expect(again).toMatchObject({ imported: 0, highlights: { placed: 0, duplicates: books * 2 } });
    await service.close();
    service = await createGlossService({ libraryDir: dir });
    expect((await service.getLibraryInfo()).problems).toEqual([]);
    // The index saved with the import vouches for every clip written: nothing is read again.
    await service.indexReady();
    expect((await service.getIndexStatus()).reindexed).toBe(0);
    expect((await service.listClipsPage({ sort: 'highlights' })).rows[0]!.highlightCount).toBe(2);
  }, 180_000); // a safety net: hundreds of clips on a loaded machine
});

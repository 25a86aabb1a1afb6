/**
 * Issue 19, item 9: damage found when a clip is opened is reported in the library's problems, and a text
 * cache that does not match its article is rebuilt: a deleted annotations.json, garbage in article.txt (no
 * longer shown or searched), and an article.html cut off in the middle.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../service';
import { tempDir } from './testHelpers';

const services: GlossService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

const TEXT =
  'Tidal power\n\nThe estuary turbines ran through every winter storm without a single unplanned stop.\n\nOperators now say tidal energy is ready for the grid.';

describe('damage found when a clip is opened', () => {
  it('reports a deleted highlights file, rebuilds a garbage text cache, and reports a cut-off article', async () => {
    const dir = path.join(await tempDir(), 'library');
    let service = await createGlossService({ libraryDir: dir });
    const a = await service.clipText({ text: TEXT, title: 'A' });
    const b = await service.clipText({ text: TEXT.replace('Tidal', 'Wave'), title: 'B' });
    const c = await service.clipText({ text: TEXT.replace('Tidal', 'Kelp'), title: 'C' });
    await service.close();
    const file = (id: string, name: string) => path.join(dir, 'clips', id, name);
    await fs.rm(file(a.id, 'annotations.json'));
    await fs.writeFile(file(b.id, 'article.txt'), 'GARBAGE \u0000\u0001 not the article');
    const html = await fs.readFile(file(c.id, 'article.html'), 'utf8');
    await fs.writeFile(file(c.id, 'article.html'), html.slice(0, Math.floor(html.length / 2)));

    service = await createGlossService({ libraryDir: dir });
    services.push(service);
    // Start-up reads no article: nothing is known yet.
    expect((await service.getLibraryInfo()).problems).toEqual([]);
    for (const clip of [a, b, c]) await service.getClip(clip.id);
    const problems = (await service.getLibraryInfo()).problems;
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p.reason]));
    expect(byFile[`clips/${a.id}/annotations.json`]).toMatch(/highlights file is missing/);
    expect(byFile[`clips/${b.id}/article.txt`]).toMatch(/rebuilt from article\.html/);
    expect(byFile[`clips/${c.id}/article.html`]).toMatch(/cut off/);
    expect(problems).toHaveLength(3);

    // The garbage is gone from what is shown and what is saved.
    expect((await service.getClip(b.id)).text).toContain('Wave power');
    expect(await fs.readFile(file(b.id, 'article.txt'), 'utf8')).not.toContain('GARBAGE');
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../export/kinds';
import { exportLibrary } from '../export/library';
import { testLibrary, type TestLibrary } from '../export/testLibrary';
import { startServer, type TestServer } from '../import/testServer';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { createBackup } from './create';
import { restoreBackup } from './restore';

let server: TestServer;
let original: TestLibrary;
let restored: GlossService | undefined;

beforeAll(async () => {
  server = await startServer();
  original = await testLibrary(server.base);
}, 120_000); // clipping through the page-reading worker takes seconds on a loaded machine

afterAll(async () => {
  await restored?.close();
  await original?.service.close();
  await server.close();
});

/** Every export of a library, as a map from each written file (relative to `dir`) to its bytes. */
async function everyExport(service: GlossService, dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const format of EXPORT_FORMATS) {
    const out = format === 'md' ? path.join(dir, 'vault') : path.join(dir, `library.${format}`);
    for (const file of (await exportLibrary(service, { format, out })).files)
      files.set(path.relative(dir, file), await fs.readFile(file));
  }
  return files;
}

describe('the round trip of the whole library', { timeout: 120_000 }, () => {
  it('restores a backup into an empty library whose every export equals the original’s, pages and images included', async () => {
    const file = path.join(await tempDir(), 'library.gloss-backup');
    const manifest = await createBackup(original.dir, file);
    expect(manifest.counts).toMatchObject({ clips: 3, highlights: 3 });
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        `pages/${original.page.id}/page.json`,
        expect.stringMatching(new RegExp(`^clips/${original.kelp.id}/images/[0-9a-f]+\\.png$`)),
      ]),
    );

    const target = path.join(await tempDir(), 'restored');
    await restoreBackup(file, target);
    restored = await createGlossService({ libraryDir: target });
    expect(await restored.getPage(original.page.id)).toEqual(original.page);

    const before = await everyExport(original.service, await tempDir());
    const after = await everyExport(restored, await tempDir());
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before.keys()]).toEqual(
      expect.arrayContaining([
        path.join('vault', 'Notebook', 'Reading notes.md'),
        expect.stringMatching(/^vault[/\\]images[/\\][0-9a-f]+\.png$/),
        'library.bibtex',
        'library.w3c',
      ]),
    );
    for (const [name, bytes] of before) {
      if (name.endsWith('.png')) expect(after.get(name)?.equals(bytes), name).toBe(true);
      else expect(after.get(name)?.toString('utf8'), name).toBe(bytes.toString('utf8'));
    }
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PNG, startServer, type TestServer } from '../import/testServer';
import { tempDir } from '../library/testHelpers';
import { exportLibrary } from './library';
import { testLibrary, type TestLibrary } from './testLibrary';

let server: TestServer;
let library: TestLibrary;

beforeAll(async () => {
  server = await startServer();
  library = await testLibrary(server.base);
}, 120_000); // clipping through the page-reading worker takes seconds on a loaded machine

afterAll(async () => {
  await library?.service.close();
  await server.close();
});

/** Every file under `dir`, as sorted forward-slash paths. */
async function tree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The Obsidian links `[[file#^block]]` (or `[[file]]`) of a Markdown text. */
function wikiLinks(markdown: string): Array<{ file: string; block: string | null }> {
  return [...markdown.matchAll(/\[\[([^\]#|]+)(?:#\^([^\]|]+))?\]\]/g)].map((m) => ({
    file: m[1]!,
    block: m[2] ?? null,
  }));
}

describe('exporting a library as Markdown', { timeout: 60_000 }, () => {
  it('writes clips, their images and notebook pages whose quotes link to existing blocks', async () => {
    const out = path.join(await tempDir(), 'vault');
    const result = await exportLibrary(library.service, { format: 'md', out });
    expect(result).toMatchObject({ clips: 3, pages: 1 });
    const files = await tree(out);
    expect(files).toEqual([
      'Field notes 3 draft.md',
      'Kelp Forests Return.md',
      'Notebook/Reading notes.md',
      'Tidal Power Comes of Age.md',
      expect.stringMatching(/^images\/[0-9a-f]{32}\.png$/),
    ]);
    expect(result.files.map((f) => path.relative(out, f).split(path.sep).join('/')).sort()).toEqual(files);

    const image = files.find((f) => f.startsWith('images/'))!;
    expect(await fs.readFile(path.join(out, image))).toEqual(PNG);
    expect(await fs.readFile(path.join(out, 'Kelp Forests Return.md'), 'utf8')).toContain(`](${image})`);

    const page = await fs.readFile(path.join(out, 'Notebook/Reading notes.md'), 'utf8');
    expect(page).toMatch(
      /^# Reading notes\n\n## Two sources agree\n\nBoth articles say the winter proved it\.\n\n> without a single unplanned stop\n>\n> — \[\[Kelp Forests Return#\^gloss-/,
    );
    const links = wikiLinks(page);
    expect(links).toHaveLength(2);
    const highlightIds = library.page.doc['root'] as { children: Array<{ highlightId?: string }> };
    expect(links.map((l) => l.block)).toEqual(
      highlightIds.children.filter((c) => c.highlightId).map((c) => `gloss-${c.highlightId}`),
    );
    for (const link of links) {
      const target = await fs.readFile(path.join(out, `${link.file}.md`), 'utf8');
      expect(target.split('\n'), `${link.file} holds ^${link.block}`).toContain(`^${link.block}`);
    }
  });

  it('writes the same files converting in the worker thread (exports of many clips) as in-thread', async () => {
    const dir = await tempDir();
    const warn = vi.spyOn(console, 'warn');
    const here = await exportLibrary(library.service, { format: 'md', out: path.join(dir, 'here'), inWorker: false });
    const there = await exportLibrary(library.service, { format: 'md', out: path.join(dir, 'there'), inWorker: true });
    expect(warn).not.toHaveBeenCalled(); // the worker ran: no fall-back to in-thread
    warn.mockRestore();
    expect(there.skipped).toEqual([]);
    const files = await tree(path.join(dir, 'here'));
    expect(files).toHaveLength(5);
    expect(await tree(path.join(dir, 'there'))).toEqual(files);
    for (const file of files)
      expect(await fs.readFile(path.join(dir, 'there', file)), file).toEqual(
        await fs.readFile(path.join(dir, 'here', file)),
      );
    expect(here.files.length).toBe(there.files.length);
  });

  it('exports one collection with the pages that quote it, and names the collections when one is unknown', async () => {
    const out = path.join(await tempDir(), 'ocean');
    const result = await exportLibrary(library.service, { format: 'md', out, collection: 'ocean ENERGY' });
    expect(result).toMatchObject({ clips: 2, pages: 1 });
    expect((await tree(out)).filter((f) => f.endsWith('.md'))).toEqual([
      'Kelp Forests Return.md',
      'Notebook/Reading notes.md',
      'Tidal Power Comes of Age.md',
    ]);

    const bib = path.join(await tempDir(), 'ocean.bib');
    expect(
      await exportLibrary(library.service, { format: 'bibtex', out: bib, collection: 'Ocean energy' }),
    ).toMatchObject({ clips: 2, pages: 0, files: [bib] });
    expect((await fs.readFile(bib, 'utf8')).match(/^@/gm)).toHaveLength(2);

    const missing = path.join(await tempDir(), 'none');
    await expect(
      exportLibrary(library.service, { format: 'md', out: missing, collection: 'Birds' }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: "No collection is called “Birds”. The library's collections: “Ocean energy”.",
    });
    await expect(fs.access(missing)).rejects.toThrow();
  });

  it('leaves a quote whose clip is not exported as its title, and a removed highlight linking to the clip', async () => {
    const out = path.join(await tempDir(), 'some');
    await exportLibrary(library.service, { format: 'md', out, ids: [library.tidal.id] });
    expect(await tree(out)).toEqual(['Tidal Power Comes of Age.md']);

    const { exportedPageMarkdown } = await import('./pages');
    const clips = new Map([[library.tidal.id, { stem: 'Tidal', highlightIds: new Set<string>() }]]);
    const md = exportedPageMarkdown(library.page, clips);
    expect(md).toContain('> — Kelp Forests Return\n');
    expect(md).toContain('> — [[Tidal]]\n');
  });
});

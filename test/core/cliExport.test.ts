import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../src/core/library/testHelpers';
import { createGlossService } from '../../src/core/service';
import { gloss, glossInProcess, ROOT, SEED, SEED_TITLE, stopGlossInProcess } from './cliHelpers';

let work: string;
let library: string;
let clipId: string;

beforeAll(async () => {
  work = await tempDir('cli-export');
  library = join(work, 'library');
});

afterAll(async () => {
  stopGlossInProcess();
});

async function markdownExport(lib: string, out: string, run = glossInProcess): Promise<string> {
  const exported = await run(lib, ['export', '--all', '--format', 'md', '--out', out]);
  expect(exported.code, exported.stderr).toBe(0);
  const files = await readdir(out);
  expect(files).toHaveLength(1);
  return readFile(join(out, files[0]!), 'utf8');
}

// `gloss` runs the built command as a fresh Node process, as a user's shell would: export, backup, restore and
// import each run so at least once; `glossInProcess` runs the same CLI code in this process for the other calls.
// The timeout allows for a loaded 2-core machine.
describe('gloss export, backup, restore and import', { timeout: 180_000 }, () => {
  it('exports a highlighted clip as Obsidian Markdown and as BibTeX that parses back', async () => {
    clipId = JSON.parse(
      (await glossInProcess(library, ['clip', SEED, '--url', 'https://example.com/truce', '--json'])).stdout,
    ).id;
    const quote = 'Putin has repeatedly stated that his war goals remain unchanged.';
    const highlighted = await glossInProcess(library, [
      'highlight',
      clipId,
      '--quote',
      quote,
      '--note',
      'Maximalist aims',
      '--json',
    ]);
    const highlightId = JSON.parse(highlighted.stdout).id;

    const markdown = await markdownExport(library, join(work, 'md'), gloss);
    const front = parseYaml(markdown.split('---\n')[1]!);
    expect(front).toMatchObject({ title: SEED_TITLE, url: 'https://example.com/truce' });
    expect(markdown).toContain('## Moscow’s Demands and the Risk for Kyiv');
    expect(markdown).toContain(`> ${quote}`);
    expect(markdown).toContain(`^gloss-${highlightId}`);
    expect(markdown).toContain('Maximalist aims');

    const bibFile = join(work, 'refs.bib');
    expect((await glossInProcess(library, ['export', clipId, '--format', 'bibtex', '--out', bibFile])).code).toBe(0);
    const [entry] = new Cite(await readFile(bibFile, 'utf8')).data as Array<{ title: string; URL?: string }>;
    expect(entry!.title).toBe(SEED_TITLE);
    expect(entry!.URL).toBe('https://example.com/truce');
  });

  it('exports one collection, and names the known collections when asked for another', async () => {
    const lib = join(work, 'collections');
    const service = await createGlossService({ libraryDir: lib });
    const kelp = await service.clipText({
      text: 'Divers counted kelp fronds along the whole reef.',
      title: 'Kelp survey',
    });
    await service.updateClip({ id: kelp.id, collections: ['Ocean energy'] });
    await service.clipText({ text: 'The survey team counted forty-one nesting pairs.', title: 'Birds' });
    await service.close();

    const out = join(work, 'ocean');
    const run = await glossInProcess(lib, [
      'export',
      '--collection',
      'ocean energy',
      '--format',
      'md',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'md', clips: 1, pages: 0 });
    expect(await readdir(out)).toEqual(['Kelp survey.md']);

    const unknown = await glossInProcess(lib, [
      'export',
      '--collection',
      'Birds',
      '--format',
      'bibtex',
      '--out',
      join(work, 'birds.bib'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("gloss: No collection is called “Birds”. The library's collections: “Ocean energy”.\n");
    const both = await glossInProcess(lib, [
      'export',
      kelp.id,
      '--collection',
      'Ocean energy',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(both.stderr).toMatch(/^gloss: Usage: gloss export <id…\|--all\|--collection NAME>/);
    // A file where the output's folder should be: the reason names the file being written.
    const underFile = await glossInProcess(lib, [
      'export',
      '--all',
      '--format',
      'csl',
      '--out',
      join(out, 'Kelp survey.md', 'x.csl'),
    ]);
    expect(underFile.stderr).toMatch(/^gloss: Could not write .*x\.csl: (ENOTDIR|EEXIST)/);
  });

  it('backs up to one file and restores into an empty library with identical exports', async () => {
    const backup = join(work, 'library.gloss-backup');
    expect((await gloss(library, ['backup', '--out', backup])).code).toBe(0);
    const restored = join(work, 'restored');
    const run = await gloss(restored, ['restore', backup]);
    expect(run.code, run.stderr).toBe(0);
    expect(await markdownExport(restored, join(work, 'md-restored'))).toBe(
      await markdownExport(library, join(work, 'md-again')),
    );

    const again = await glossInProcess(restored, ['restore', backup]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/empty/i);
  });

  it('imports a folder of notes and pages, and a second run adds nothing', async () => {
    const folder = join(ROOT, 'test/fixtures/import/folder');
    const target = join(work, 'folder-library');
    const first = JSON.parse((await gloss(target, ['import', folder, '--from', 'folder', '--json'])).stdout);
    expect(first.imported).toBeGreaterThan(0);
    const second = JSON.parse((await glossInProcess(target, ['import', folder, '--from', 'folder', '--json'])).stdout);
    expect(second.imported).toBe(0);
    const listed = JSON.parse((await glossInProcess(target, ['list', '--json'])).stdout);
    expect(listed).toHaveLength(first.imported);
  });
});

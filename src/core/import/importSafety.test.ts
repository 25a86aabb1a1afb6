/**
 * Imports read only files inside the export (issue 19, item 6): an Omnivore export whose `content/<slug>.md`
 * (or whose whole `content` folder) is a symbolic link to a file elsewhere, and a plain folder holding a
 * link and a file over the per-file cap, import the rest and say what was refused; no outside text gets in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { importFrom } from '.';
import { MAX_IMPORT_FILE_BYTES } from './importFiles';

const SECRET = 'PRIVATE KEY material that lives outside the export folder.';

const services: GlossService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function setUp(): Promise<{ service: GlossService; work: string; secret: string }> {
  const work = await tempDir();
  const secret = path.join(work, 'secret.md');
  await fs.writeFile(secret, `${SECRET}\n\nIt must never become a clip.`);
  const service = await createGlossService({ libraryDir: path.join(work, 'library') });
  services.push(service);
  return { service, work, secret };
}

async function allText(service: GlossService): Promise<string> {
  const clips = await service.listClips();
  return (await Promise.all(clips.map(async (c) => (await service.getClip(c.id)).text))).join('\n');
}

describe('imports refuse symbolic links and oversized files', () => {
  it('Omnivore: a linked content file or content folder is refused and reported', async () => {
    const { service, work, secret } = await setUp();
    for (const linkWhat of ['file', 'folder'] as const) {
      const dir = path.join(work, `omnivore-${linkWhat}`);
      await fs.mkdir(dir);
      const items = [
        { slug: 'kept', title: 'Kept article', url: null, highlights: [] },
        { slug: 'linked', title: 'Linked article', url: null, highlights: [] },
      ];
      await fs.writeFile(path.join(dir, 'metadata_0_to_2.json'), JSON.stringify(items));
      const content = path.join(dir, 'content');
      if (linkWhat === 'file') {
        await fs.mkdir(content);
        await fs.writeFile(path.join(content, `kept.md`), `The ${linkWhat} case: an ordinary article body.`);
        await fs.symlink(secret, path.join(content, 'linked.md'));
      } else {
        const elsewhere = path.join(work, 'elsewhere');
        await fs.mkdir(elsewhere, { recursive: true });
        await fs.copyFile(secret, path.join(elsewhere, 'linked.md'));
        await fs.symlink(elsewhere, content);
      }
      const report = await importFrom(service, 'omnivore', dir);
      expect(report.skipped.map((s) => s.reason).join('\n'), linkWhat).toMatch(
        linkWhat === 'file' ? /content\/linked\.md is a symbolic link/ : /content\/linked\.md leads outside the export/,
      );
    }
    expect(await allText(service)).toContain('The file case: an ordinary article body.');
    expect(await allText(service)).not.toContain('PRIVATE KEY');
  });

  it('a plain folder: a link is skipped, a file over the cap is skipped with its size, the rest imported', async () => {
    const { service, work, secret } = await setUp();
    const dir = path.join(work, 'folder');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'note.md'), 'An ordinary note about kelp forests.');
    await fs.symlink(secret, path.join(dir, 'linked.md'));
    // Sparse: the size is what counts, and the cap is checked before a byte is read.
    const huge = await fs.open(path.join(dir, 'huge.txt'), 'w');
    await huge.truncate(MAX_IMPORT_FILE_BYTES + 1);
    await huge.close();
    const report = await importFrom(service, 'folder', dir);
    expect(report.imported).toBe(1);
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { source: 'linked.md', title: null, reason: expect.stringMatching(/symbolic link/) },
        { source: 'huge.txt', title: null, reason: expect.stringMatching(/huge\.txt is 64 MB; files over 64 MB/) },
      ]),
    );
    expect(await allText(service)).not.toContain('PRIVATE KEY');
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { exportManyFile } from '../export/formats';
import { clipMarkdown } from '../export/markdown';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { createBackup } from './create';
import { restoreBackup } from './restore';

async function everyExport(service: GlossService): Promise<string[]> {
  const docs = await Promise.all((await service.listClips()).map((c) => service.getClip(c.id)));
  return [
    ...docs.map(clipMarkdown),
    ...(['bibtex', 'csl', 'w3c'] as const).map((f) => exportManyFile(docs, f).content),
  ];
}

async function library(): Promise<{ dir: string; service: GlossService }> {
  const dir = path.join(await tempDir(), 'library');
  const service = await createGlossService({ libraryDir: dir });
  const clip = await service.clipText({
    text: 'The survey team counted forty-one nesting pairs.\n\nThat is twice last year.',
    title: 'Field notes',
    url: 'https://birds.example/cliff',
  });
  await service.addHighlight({ clipId: clip.id, start: 4, end: 15, note: 'who counted' });
  await service.clipText({ text: 'Kelp forests recovered faster than any model predicted.', title: 'Kelp' });
  await fs.writeFile(path.join(dir, 'quarantine', 'junk.json'), '{');
  return { dir, service };
}

function tarGz(entries: Array<[string, string]>): Promise<Buffer> {
  const archive = tarPack();
  const chunks: Buffer[] = [];
  archive.on('data', (c: unknown) => chunks.push(c as Buffer));
  for (const [name, body] of entries) archive.entry({ name }, body);
  archive.finalize();
  return new Promise((done) => archive.on('end', () => done(gzipSync(Buffer.concat(chunks)))));
}

describe('backup and restore', { timeout: 60_000 }, () => {
  it('restores into an empty folder and the export equals the original export', async () => {
    const { dir, service: writer } = await library();
    // Closed first, so the catalogue and search index saves (debounced) have landed whatever the machine's load: the
    // backup holds them.
    await writer.close();
    const file = path.join(path.dirname(dir), 'gloss.backup.tgz');
    const manifest = await createBackup(dir, file);
    expect(manifest.counts).toMatchObject({ clips: 2, highlights: 1, files: 11 });
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['index/catalogue.json', 'index/catalogue-details.json', 'index/search.idx']),
    );
    expect(manifest.files.every((f) => !f.path.startsWith('quarantine/'))).toBe(true);
    const target = path.join(await tempDir(), 'restored');
    await restoreBackup(file, target);
    const restored = await createGlossService({ libraryDir: target });
    const service = await createGlossService({ libraryDir: dir });
    expect(await everyExport(restored)).toEqual(await everyExport(service));
    await expect(restoreBackup(file, target)).rejects.toThrow(/not empty/);
  });

  it('refuses damaged backups with a reason and leaves the target untouched', async () => {
    const { dir } = await library();
    const file = path.join(path.dirname(dir), 'good.tgz');
    await createBackup(dir, file);
    const good = await fs.readFile(file);
    const tar = gunzipSync(good);
    const manifestText = JSON.parse(tar.subarray(512, tar.indexOf(0, 512)).toString('utf8'));
    const firstFile = manifestText.files[0].path as string;
    const at = tar.indexOf(Buffer.from(manifestText.files[1].path.split('/').pop()));
    const flipped = Buffer.from(tar);
    // Change one byte of the last file's content: its checksum no longer matches.
    const lastBody = tar.lastIndexOf(Buffer.from('"schema"'));
    flipped[lastBody + 2] = flipped[lastBody + 2] === 0x61 ? 0x62 : 0x61;
    expect(at).toBeGreaterThan(0);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2)), /damaged or incomplete/],
      ['bad checksum', gzipSync(flipped), /checksum/],
      ['not a backup', await tarGz([['hello.txt', 'hi']]), /does not start with manifest\.json/],
      [
        'bad manifest',
        await tarGz([['manifest.json', '{"format":"gloss-backup","version":1}']]),
        /manifest\.json does not have the expected shape/,
      ],
      [
        'path traversal',
        await tarGz([
          ['manifest.json', JSON.stringify({ ...manifestText, files: [] })],
          ['../x', 'evil'],
        ]),
        /unsafe entry “\.\.\/x”/,
      ],
      [
        'missing file',
        await tarGz([['manifest.json', JSON.stringify(manifestText)]]),
        new RegExp(`missing, e\\.g\\. ${firstFile}`),
      ],
    ];
    const parent = await tempDir();
    const target = path.join(parent, 'library');
    await fs.mkdir(path.join(target, 'clips'), { recursive: true });
    for (const [label, bytes, reason] of cases) {
      const damaged = path.join(parent, `${label}.tgz`);
      await fs.writeFile(damaged, bytes);
      await expect(restoreBackup(damaged, target), label).rejects.toThrow(reason);
      expect(await fs.readdir(parent), label).toEqual(expect.not.arrayContaining([expect.stringMatching(/restore-/)]));
      expect(await fs.readdir(target), label).toEqual(['clips']);
    }
    await expect(fs.access(path.join(parent, 'x'))).rejects.toThrow();
  });

  it('refuses an output file it cannot create with a clear reason, and leaves nothing behind', async () => {
    const { dir } = await library();
    const parent = await tempDir();
    // A folder that does not exist: the temp file beside the backup cannot be opened (once an unhandled rejection).
    const missing = path.join(parent, 'no-such-folder', 'gloss.backup');
    await expect(createBackup(dir, missing)).rejects.toThrow(/Could not write the backup to .*no-such-folder.*ENOENT/);
    expect(await fs.readdir(parent)).toEqual([]);
  });

  it('carries many files of every size byte for byte, each in its place (files are read and written several at once)', async () => {
    const { dir } = await library();
    // Files of distinct sizes, so a file put in another's place fails the check; one is large enough to stream.
    const extra = Array.from({ length: 60 }, (_, i) => [
      `notes/file-${String(i).padStart(2, '0')}.txt`,
      Buffer.alloc(i === 30 ? 3 * 1024 * 1024 + 7 : 100 + i * 37, `content ${i} `),
    ]) as Array<[string, Buffer]>;
    await fs.mkdir(path.join(dir, 'notes'));
    for (const [rel, data] of extra) await fs.writeFile(path.join(dir, rel), data);
    const file = path.join(path.dirname(dir), 'many.tgz');
    const progress: number[] = [];
    const manifest = await createBackup(dir, file, (p) => progress.push(p.done));
    expect(progress.at(-1)).toBe(manifest.counts.files);
    const target = path.join(await tempDir(), 'restored');
    await restoreBackup(file, target);
    for (const f of manifest.files) {
      const original = await fs.readFile(path.join(dir, f.path));
      // Buffer.equals: the matchers' element-by-element comparison of a 3 MB buffer takes a minute on a busy machine.
      expect((await fs.readFile(path.join(target, f.path))).equals(original), f.path).toBe(true);
    }
  });
});

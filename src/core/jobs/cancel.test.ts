/**
 * Cancelling each long operation on real files leaves nothing half-done: an export keeps only complete
 * files, an import keeps (and reports) what it fully imported, a backup leaves no file, a restore leaves
 * its target as it was, a search rebuild leaves a working index. Also the same work run as jobs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../backup/create';
import { restoreBackup } from '../backup/restore';
import { exportToDisk } from '../export/folder';
import { importFrom } from '../import';
import { articleText } from '../article/text';
import { LibraryStore } from '../library/store';
import { tempDir } from '../library/testHelpers';
import { SearchKeeper } from '../search/searchKeeper';
import { createGlossService, type GlossService } from '../service';
import type { JobInfo } from './types';

const open: GlossService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const SENTENCES = [
  'Tides rose early.',
  'The ferry waited.',
  'Gulls circled the pier.',
  'Fog lifted by noon.',
  'Nets dried on the wall.',
  'The lighthouse blinked.',
];

/** A library of six clips, one with a highlight. */
async function library(): Promise<{ work: string; service: GlossService }> {
  const work = await tempDir();
  const service = await createGlossService({ libraryDir: path.join(work, 'library') });
  open.push(service);
  for (const [i, s] of SENTENCES.entries())
    await service.clipText({ text: `${s} Entry ${i} of the harbour log.`, title: `Harbour log ${i}` });
  const first = (await service.listClips())[0]!;
  await service.addHighlight({ clipId: first.id, start: 0, end: 5 });
  return { work, service };
}

/** An AbortController that aborts once `after` progress events have been seen. */
function abortAfter(after: number) {
  const controller = new AbortController();
  let seen = 0;
  return { signal: controller.signal, tick: () => void (++seen >= after && controller.abort()) };
}

async function finished(service: GlossService, job: JobInfo): Promise<JobInfo> {
  return service.jobs.wait(job.id);
}

describe('cancelling long work', { timeout: 60_000 }, () => {
  it('export: stops between clips and leaves only complete Markdown files', async () => {
    const { work, service } = await library();
    const out = path.join(work, 'vault');
    const ids = (await service.listClips()).map((c) => c.id);
    const stop = abortAfter(2);
    await expect(
      exportToDisk({
        ids,
        format: 'md',
        out,
        getClip: (id) => service.getClip(id),
        signal: stop.signal,
        onProgress: stop.tick,
      }),
    ).rejects.toThrow();
    const files = await fs.readdir(out);
    expect(files).toHaveLength(2);
    for (const file of files) {
      const text = await fs.readFile(path.join(out, file), 'utf8');
      expect(text.startsWith('---\n')).toBe(true);
      expect(text).toMatch(/Harbour log \d/);
    }
  });

  it('import: keeps the entries fully imported before the cancel and reports just those', async () => {
    const { work, service } = await library();
    const folder = path.join(work, 'notes');
    await fs.mkdir(folder);
    for (const i of [1, 2, 3, 4, 5])
      await fs.writeFile(path.join(folder, `note-${i}.md`), `Imported note number ${i} about salt marshes.`);
    const stop = abortAfter(3); // progress comes before each entry: the third call means two are in
    const report = await importFrom(service, 'folder', folder, { signal: stop.signal, onProgress: stop.tick });
    expect(report.imported).toBe(2);
    const titles = (await service.listClips()).map((c) => c.title);
    expect(titles.filter((t) => t.startsWith('note-')).sort()).toEqual(['note-1', 'note-2']);
    // Running it again completes the rest without duplicating the two.
    const rest = await importFrom(service, 'folder', folder);
    expect(rest.imported).toBe(3);
    expect((await service.listClips()).filter((c) => c.title.startsWith('note-'))).toHaveLength(5);
  });

  it('backup: leaves no file (not even a temp file) behind', async () => {
    const { work, service } = await library();
    const out = path.join(work, 'out', 'gloss.backup');
    await fs.mkdir(path.dirname(out));
    const stop = abortAfter(2);
    await expect(createBackup(service.libraryPath, out, stop.tick, stop.signal)).rejects.toThrow();
    expect(await fs.readdir(path.dirname(out))).toEqual([]);
  });

  it('restore: leaves the target as it was and no temp folder beside it', async () => {
    const { work, service } = await library();
    const file = path.join(work, 'gloss.backup');
    await createBackup(service.libraryPath, file);
    const parent = path.join(work, 'restore-here');
    await fs.mkdir(parent);
    const stop = abortAfter(3);
    await expect(
      restoreBackup(file, path.join(parent, 'lib'), { signal: stop.signal, onProgress: stop.tick }),
    ).rejects.toThrow();
    expect(await fs.readdir(parent)).toEqual([]);
  });

  it('search rebuild: stops between clips and search still answers for every clip', async () => {
    const { service } = await library();
    await service.close();
    open.splice(open.indexOf(service), 1);
    const store = await LibraryStore.open(service.libraryPath, { textOf: articleText });
    const keeper = await SearchKeeper.open(store);
    await keeper.ready();
    const stop = abortAfter(2);
    await expect(keeper.rebuild({ signal: stop.signal, onProgress: stop.tick })).rejects.toThrow();
    expect((await keeper.search('lighthouse')).map((r) => r.title)).toEqual(['Harbour log 5']);
    expect((await keeper.search('tides')).map((r) => r.title)).toEqual(['Harbour log 0']);
    await keeper.close();
  });
});

describe('long work as jobs', { timeout: 60_000 }, () => {
  it('exports, backs up, restores, imports and rebuilds with outcomes that say what was done', async () => {
    const { work, service } = await library();
    const vault = path.join(work, 'vault');
    const exported = await finished(service, await service.startJob({ kind: 'export', out: vault }));
    expect(exported).toMatchObject({
      state: 'done',
      outcome: { summary: `Exported 6 clips as Markdown to ${vault}.`, path: vault },
    });
    expect(exported.progress).toMatchObject({ done: 6, total: 6 });
    expect(await fs.readdir(vault)).toHaveLength(6);

    const file = path.join(work, 'lib.backup');
    const backup = await finished(service, await service.startJob({ kind: 'backup', out: file }));
    expect(backup.outcome?.summary).toMatch(/^Backed up 6 clips and 1 highlight \(\d+ files, \d+ KB\) to /);

    const into = path.join(work, 'restored');
    const restored = await finished(service, await service.startJob({ kind: 'restore', from: file, into }));
    expect(restored).toMatchObject({
      state: 'done',
      outcome: { summary: `Restored 6 clips and 1 highlight into ${into}.`, path: into },
    });

    const imported = await finished(service, await service.startJob({ kind: 'import', source: 'folder', from: vault }));
    // A Markdown folder Gloss exported carries each clip's address and metadata: importing it back into the same
    // library recognises every clip and adds nothing.
    expect(imported.outcome).toMatchObject({
      summary: 'Imported 0 clips, merged 0, skipped 6, 0 highlights added.',
      details: expect.arrayContaining(['Harbour log 0: Already in the library.']),
    });

    const rebuilt = await finished(service, await service.startJob({ kind: 'reindex' }));
    expect(rebuilt.outcome?.summary).toBe('Rebuilt the search index: 6 clips indexed.');
  });

  it('a job cancelled before its first step reports what it kept', async () => {
    const { work, service } = await library();
    const job = await service.startJob({ kind: 'export', out: path.join(work, 'vault') });
    service.jobs.cancel(job.id);
    await expect(finished(service, job)).resolves.toMatchObject({
      state: 'cancelled',
      outcome: { summary: 'Cancelled before anything was written.' },
    });
  });

  it('refuses bad paths before starting anything', async () => {
    const { work, service } = await library();
    await expect(service.startJob({ kind: 'export', out: 'relative/vault' })).rejects.toThrow(/must be a full path/);
    await expect(
      service.startJob({ kind: 'import', source: 'readwise', from: path.join(work, 'missing.csv') }),
    ).rejects.toThrow(/does not exist/);
    await expect(
      service.startJob({ kind: 'import', source: 'omnivore', from: path.join(service.libraryPath, 'settings.json') }),
    ).rejects.toThrow();
    await expect(service.startJob({ kind: 'backup', out: path.join(work, 'nowhere', 'x.backup') })).rejects.toThrow(
      /does not exist/,
    );
    await expect(service.startJob({ kind: 'backup', out: path.join(service.libraryPath, 'x.backup') })).rejects.toThrow(
      /outside the library/,
    );
    await expect(
      service.startJob({ kind: 'restore', from: path.join(work, 'none.backup'), into: path.join(work, 'r') }),
    ).rejects.toThrow(/does not exist/);
    await expect(service.startJob({ kind: 'move', to: path.join(work, 'moved') })).rejects.toThrow(
      /needs the desktop app/,
    );
    await expect(service.choosePath({ mode: 'open-file' })).rejects.toThrow(/needs the desktop app/);
    expect(await service.listJobs()).toEqual([]);
  });
});

/**
 * Moving the library on real files: every file copied and verified before the switch, the old folder
 * untouched, and any failure or cancel (mid-copy, a bad copy, a failed switch) leaving no copy behind and
 * the library where it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, promises as fs, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { memorySettingsBackend } from '../settings/backend';
import { createGlossService, type GlossService } from '../service';
import { moveLibrary } from './moveLibrary';
import { JobRunner } from './runner';
import { switchService } from './switchService';

const open: GlossService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
});

async function library(): Promise<{ work: string; dir: string }> {
  const work = await tempDir();
  const dir = path.join(work, 'library');
  const service = await createGlossService({ libraryDir: dir });
  for (const i of [1, 2, 3]) {
    const clip = await service.clipText({
      text: `Moorland survey ${i}: curlews nested near the stream.`,
      title: `Survey ${i}`,
    });
    await service.addHighlight({ clipId: clip.id, start: 0, end: 8, note: `note ${i}` });
  }
  await service.close();
  return { work, dir };
}

/** Every file under `dir` with its SHA-256. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await fs.readdir(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    if ((await fs.stat(file)).isFile())
      out[rel] = createHash('sha256')
        .update(await fs.readFile(file))
        .digest('hex');
  }
  return out;
}

const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );

describe('moveLibrary', { timeout: 60_000 }, () => {
  it('copies and verifies every file, then switches; the old folder is untouched', async () => {
    const { work, dir } = await library();
    const before = await contents(dir);
    const to = path.join(work, 'elsewhere', 'Gloss Library');
    const labels: string[] = [];
    const switched: string[] = [];
    const result = await moveLibrary(dir, to, async (d) => void switched.push(d), {
      onProgress: (p) => labels.push(p.label),
    });
    expect(switched).toEqual([to]);
    expect(await contents(to)).toEqual(before);
    expect(await contents(dir)).toEqual(before);
    expect(result.files).toBe(Object.keys(before).length);
    expect(labels.filter((l) => l.startsWith('Verifying'))).toHaveLength(result.files);
  });

  it('copies again what changes while it copies', async () => {
    const { work, dir } = await library();
    const to = path.join(work, 'moved');
    let wrote = false;
    await moveLibrary(dir, to, async () => {}, {
      onProgress: () => {
        if (wrote) return;
        wrote = true;
        writeFileSync(path.join(dir, 'clips', 'late-note.txt'), 'written during the move');
      },
    });
    expect(await fs.readFile(path.join(to, 'clips', 'late-note.txt'), 'utf8')).toBe('written during the move');
    expect(await contents(to)).toEqual(await contents(dir));
  });

  it('a cancel mid-copy removes the copy (keeping an empty target folder that was there) and never switches', async () => {
    const { work, dir } = await library();
    const before = await contents(dir);
    const to = path.join(work, 'empty-target');
    await fs.mkdir(to);
    const controller = new AbortController();
    let calls = 0;
    let switched = false;
    await expect(
      moveLibrary(dir, to, async () => void (switched = true), {
        signal: controller.signal,
        onProgress: () => void (++calls === 3 && controller.abort()),
      }),
    ).rejects.toThrow();
    expect(switched).toBe(false);
    expect(await fs.readdir(to)).toEqual([]);
    expect(await contents(dir)).toEqual(before);
  });

  it('a failure mid-copy (something in the way in the new folder) removes the copy', async () => {
    const { work, dir } = await library();
    const to = path.join(work, 'new');
    const rels = Object.keys(await contents(dir));
    let blocked = false;
    const move = moveLibrary(
      dir,
      to,
      async () => {
        throw new Error('must not switch');
      },
      {
        onProgress: (p) => {
          if (blocked) return;
          blocked = true;
          // Another program puts folders where the files not yet copied must go: the next copy fails.
          const copiedFirst = p.label.slice('Copying '.length);
          for (const rel of rels.filter((r) => r !== copiedFirst)) mkdirSync(path.join(to, rel), { recursive: true });
        },
      },
    );
    await expect(move).rejects.toThrow(/Could not move the library to .*new/);
    expect(await exists(to)).toBe(false);
  });

  it('a copy that does not match its original fails the move before the switch', async () => {
    const { work, dir } = await library();
    const to = path.join(work, 'flaky-disk');
    let corrupted = false;
    await expect(
      moveLibrary(dir, to, async () => {}, {
        onProgress: (p) => {
          if (corrupted || !p.label.startsWith('Copying') || p.done !== p.total / 2) return;
          corrupted = true;
          // The disk hands back other bytes than were written (same size and times).
          const rel = p.label.slice('Copying '.length);
          const copy = path.join(to, rel);
          const bytes = readFileSync(copy);
          bytes[0] = bytes[0]! ^ 1;
          const { mtime } = statSync(path.join(dir, rel));
          writeFileSync(copy, bytes);
          utimesSync(copy, new Date(), mtime);
        },
      }),
    ).rejects.toThrow(/does not match the original/);
    expect(await exists(to)).toBe(false);
  });

  it('a failed switch removes the copy', async () => {
    const { work, dir } = await library();
    const to = path.join(work, 'target');
    await expect(moveLibrary(dir, to, async () => Promise.reject(new Error('cannot open')))).rejects.toThrow(
      /cannot open/,
    );
    expect(await exists(to)).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a read-only new folder fails with a clear error and leaves it empty',
    async () => {
      const { work, dir } = await library();
      const to = path.join(work, 'readonly');
      await fs.mkdir(to);
      await fs.chmod(to, 0o555);
      await expect(moveLibrary(dir, to, async () => {})).rejects.toThrow(/Could not move the library|permission/i);
      expect(await fs.readdir(to)).toEqual([]);
      await fs.chmod(to, 0o755);
    },
  );

  it('refuses a folder that is not empty, inside the library, or holding it', async () => {
    const { work, dir } = await library();
    await fs.mkdir(path.join(work, 'full'));
    await fs.writeFile(path.join(work, 'full', 'x.txt'), 'x');
    const none = async () => {};
    await expect(moveLibrary(dir, path.join(work, 'full'), none)).rejects.toThrow(/is not empty/);
    await expect(moveLibrary(dir, path.join(dir, 'clips', 'inside'), none)).rejects.toThrow(/inside the library/);
    await expect(moveLibrary(dir, work, none)).rejects.toThrow(/hold the library/);
    await expect(moveLibrary(dir, 'relative/place', none)).rejects.toThrow(/full folder path/);
    expect(await fs.readFile(path.join(work, 'full', 'x.txt'), 'utf8')).toBe('x');
  });
});

describe('moving as a job, with the service switched', { timeout: 60_000 }, () => {
  it('switches the running service to the new folder and remembers it', async () => {
    const { work, dir } = await library();
    const settings = memorySettingsBackend();
    const jobs = new JobRunner();
    let current: GlossService;
    const openAt = (libraryDir: string): Promise<GlossService> =>
      createGlossService({
        libraryDir,
        settings,
        jobs,
        switchLibrary: async (d) => void (await switchService(current, d, openAt, (s) => void (current = s))),
      });
    current = await openAt(dir);
    const titles = (await current.listClips()).map((c) => c.title).sort();
    const to = path.join(work, 'moved');
    const job = await current.startJob({ kind: 'move', to });
    expect(() => jobs.start('export', 'Export', async () => ({ summary: '' }))).toThrow(
      /Move the library” is still running/,
    );
    const done = await jobs.wait(job.id);
    open.push(current);
    expect(done).toMatchObject({ state: 'done', outcome: { path: to } });
    expect(done.outcome?.summary).toContain(`The old folder ${dir} is untouched`);
    expect(current.libraryPath).toBe(to);
    expect((await current.listClips()).map((c) => c.title).sort()).toEqual(titles);
    expect(await current.search({ query: 'curlews' })).toHaveLength(3);
    expect((await current.getSettings()).libraryPath).toBe(to);
    // The job's outcome survives the switch: the new service lists it.
    expect((await current.listJobs())[0]).toMatchObject({ id: job.id, state: 'done' });
  });

  it('when the new library cannot open, reopens the old one and says why', async () => {
    const { work, dir } = await library();
    const settings = memorySettingsBackend();
    let current = await createGlossService({ libraryDir: dir, settings });
    const notAFolder = path.join(work, 'file');
    await fs.writeFile(notAFolder, 'x');
    await expect(
      switchService(
        current,
        path.join(notAFolder, 'lib'),
        (d) => createGlossService({ libraryDir: d, settings }),
        (s) => void (current = s),
      ),
    ).rejects.toThrow();
    open.push(current);
    expect(current.libraryPath).toBe(dir);
    expect(await current.listClips()).toHaveLength(3);
  });
});

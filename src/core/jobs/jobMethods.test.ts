/**
 * The job methods check every path from the renderer and the dialogs before anything runs: chosen paths
 * must be absolute and exist where they must; another library opens only if it is empty or a library.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import type { PathRequest } from './types';

const open: GlossService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serviceAnswering(
  answer: string | null,
  switched: string[] = [],
): Promise<{ work: string; service: GlossService; asked: PathRequest[] }> {
  const work = await tempDir();
  const asked: PathRequest[] = [];
  const service = await createGlossService({
    libraryDir: path.join(work, 'library'),
    choosePath: async (request) => {
      asked.push(request);
      return answer;
    },
    switchLibrary: async (dir) => void switched.push(dir),
  });
  open.push(service);
  return { work, service, asked };
}

describe('choosePath', () => {
  it('passes the request to the dialog and returns what was chosen, or null', async () => {
    const { work, service, asked } = await serviceAnswering(null);
    expect(await service.choosePath({ mode: 'open-folder', title: 'Pick' })).toBeNull();
    expect(asked).toEqual([{ mode: 'open-folder', title: 'Pick' }]);
    const ok = await serviceAnswering(work);
    expect(await ok.service.choosePath({ mode: 'open-folder' })).toBe(work);
  });

  it('refuses a relative path, a missing file, and a folder where a file was asked for', async () => {
    await expect((await serviceAnswering('notes/today.csv')).service.choosePath({ mode: 'save-file' })).rejects.toThrow(
      /full path/,
    );
    const missing = await serviceAnswering('/no/such/file.csv');
    await expect(missing.service.choosePath({ mode: 'open-file' })).rejects.toThrow(/does not exist/);
    const folder = await serviceAnswering(await tempDir());
    await expect(folder.service.choosePath({ mode: 'open-file' })).rejects.toThrow(/is not a file/);
    // Saving may name a file that does not exist yet.
    expect(await (await serviceAnswering('/tmp/new.backup')).service.choosePath({ mode: 'save-file' })).toBe(
      '/tmp/new.backup',
    );
  });
});

describe('openLibrary', () => {
  it('switches to an empty folder or a library, and refuses anything else', async () => {
    const switched: string[] = [];
    const { work, service } = await serviceAnswering(null, switched);
    const empty = path.join(work, 'empty');
    await fs.mkdir(empty);
    expect(await service.openLibrary({ path: empty })).toBe(empty);
    const other = path.join(work, 'other');
    await fs.mkdir(path.join(other, 'clips'), { recursive: true });
    await service.openLibrary({ path: other });
    expect(switched).toEqual([empty, other]);

    const photos = path.join(work, 'photos');
    await fs.mkdir(photos);
    await fs.writeFile(path.join(photos, 'cat.jpg'), 'x');
    await expect(service.openLibrary({ path: photos })).rejects.toThrow(/does not look like a Gloss library/);
    await expect(service.openLibrary({ path: service.libraryPath })).rejects.toThrow(/already using/);
    await expect(service.openLibrary({ path: 'relative' })).rejects.toThrow(/full path/);
    expect(switched).toHaveLength(2);
  });
});

describe('job requests from the renderer', () => {
  it('are validated before the core sees them', async () => {
    const { dispatchApiCall } = await import('../dispatch');
    const { service } = await serviceAnswering(null);
    const refused = async (method: string, ...args: unknown[]) => {
      const answer = await dispatchApiCall(service, method, args);
      expect(answer.ok).toBe(false);
      return answer.ok ? '' : answer.error.message;
    };
    expect(await refused('startJob', { kind: 'format-disk' })).toMatch(/Invalid input for startJob/);
    expect(await refused('startJob', { kind: 'backup', out: '/tmp/x', extra: 1 })).toMatch(/Invalid input/);
    expect(await refused('startJob', { kind: 'import', source: 'evernote', from: '/tmp/x' })).toMatch(/Invalid input/);
    expect(await refused('startJob', { kind: 'move', to: '/tmp/a\u0000b' })).toMatch(/not a valid path/);
    expect(await refused('cancelJob', '../../etc')).toMatch(/not a valid id/);
    expect(
      await refused('choosePath', { mode: 'open-file', filters: [{ name: 'x', extensions: ['*.exe;rm'] }] }),
    ).toMatch(/Invalid input/);
    expect(await dispatchApiCall(service, 'listJobs', [])).toEqual({ ok: true, value: [] });
  });
});

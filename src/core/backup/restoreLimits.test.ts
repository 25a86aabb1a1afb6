/**
 * Restore enforces sizes while it unpacks (issue 19, item 4): a gzip bomb whose manifest declares 10 bytes
 * stops at those 10 bytes instead of writing everything it inflates to; a manifest listing a file over the
 * per-file cap and a symbolic link in the archive are refused with a reason. The target stays as it was.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';

type HeaderArgument = Parameters<ReturnType<typeof tarPack>['entry']>[0];
import { describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_FILE_BYTES } from './manifest';
import { restoreBackup } from './restore';

const BOMB = 64 * 1024 * 1024;

/** A manifest for `files` as a restore reads it. */
function manifest(files: Array<{ path: string; size: number; body?: Buffer }>): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: '2024-01-01T00:00:00.000Z',
    counts: { clips: 0, highlights: 0, files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) },
    files: files.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: createHash('sha256')
        .update(f.body ?? '')
        .digest('hex'),
    })),
  });
}

/** A gzipped tar of the entries (header fields as tar-stream takes them), with `tail` zero bytes after its end. */
function archive(entries: Array<[HeaderArgument, Buffer | string | null]>, tail = 0): Promise<Buffer> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
  for (const [header, body] of entries) {
    if (body === null) pack.entry(header);
    else pack.entry(header, body);
  }
  pack.finalize();
  return new Promise((done) =>
    pack.on('end', () => done(gzipSync(Buffer.concat([...chunks, Buffer.alloc(tail)]), { level: 9 }))),
  );
}

/** The largest file under `dir`, in bytes (0 when there is none). */
async function largestFile(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => (await fs.stat(path.join(e.parentPath, e.name)).catch(() => ({ size: 0 }))).size),
  );
  return Math.max(0, ...sizes);
}

describe('restore limits', { timeout: 60_000 }, () => {
  it('stops a gzip bomb at the size its manifest declares, and refuses oversized and linked entries', async () => {
    const small = Buffer.from('0123456789');
    const bomb = Buffer.alloc(BOMB, 0x61);
    const declared = manifest([{ path: 'clips/a/article.html', size: 10, body: small }]);
    const cases: Array<[string, Buffer, RegExp]> = [
      [
        'bomb in a declared file',
        await archive([
          [{ name: 'manifest.json' }, declared],
          [{ name: 'library/clips/a/article.html' }, bomb],
        ]),
        /clips\/a\/article\.html is larger than its manifest says \(10 bytes\)/,
      ],
      [
        'bomb after the end of the archive',
        await archive(
          [
            [{ name: 'manifest.json' }, declared],
            [{ name: 'library/clips/a/article.html' }, small],
          ],
          BOMB,
        ),
        /unpacks to more than its manifest declares/,
      ],
      [
        'a file over the per-file cap',
        await archive([
          [{ name: 'manifest.json' }, manifest([{ path: 'clips/a/original.pdf', size: MAX_BACKUP_FILE_BYTES + 1 }])],
        ]),
        /clips\/a\/original\.pdf at 1025 MB; no library file may be over 1024 MB/,
      ],
      [
        'a symbolic link',
        await archive([
          [{ name: 'manifest.json' }, declared],
          [{ name: 'library/clips/a/article.html', type: 'symlink', linkname: '/etc/passwd' }, null],
        ]),
        /unsafe entry “library\/clips\/a\/article\.html” \(symlink\)/,
      ],
    ];
    const parent = await tempDir();
    const target = path.join(parent, 'library');
    for (const [label, bytes, reason] of cases) {
      expect(bytes.length, label).toBeLessThan(1024 * 1024);
      const file = path.join(parent, `${label}.tgz`);
      await fs.writeFile(file, bytes);
      const restoring = restoreBackup(file, target);
      // While it runs, nothing beside the target may grow past the declared size (checked as it unpacks).
      let largest = 0;
      const watching = (async () => {
        for (let settled = false; !settled;) {
          largest = Math.max(largest, await largestFile(parent).then((n) => (n > 1024 * 1024 ? n : 0)));
          settled = await Promise.race([
            restoring.then(
              () => true,
              () => true,
            ),
            new Promise<boolean>((r) => setImmediate(() => r(false))),
          ]);
        }
      })();
      await expect(restoring, label).rejects.toThrow(reason);
      await watching;
      expect(largest, label).toBe(0);
      expect(await fs.readdir(parent), label).toEqual(expect.not.arrayContaining([expect.stringMatching(/restore-/)]));
      await expect(fs.access(target), label).rejects.toThrow();
    }
  });
});

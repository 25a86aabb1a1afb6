import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTempFiles, writeFileAtomic } from './atomicWrite';
import { tempDir } from './testHelpers';

describe('writeFileAtomic', () => {
  it('writes new files and replaces existing ones, leaving no temp files', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('many concurrent writes to one file each leave a whole file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.txt');
    const bodies = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000));
    await Promise.all(bodies.map((b) => writeFileAtomic(file, b)));
    expect(bodies).toContain(await fs.readFile(file, 'utf8'));
    expect(await fs.readdir(dir)).toEqual(['a.txt']);
  });

  it('fails without leaving a temp file when the folder does not exist', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.txt'), 'x')).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('cleanTempFiles', () => {
  it('removes only our leftover temp files', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, '.meta.json.0a1b2c3d4e5f.tmp'), '{"trunc');
    await fs.writeFile(path.join(dir, 'notes.tmp'), 'a file of the person, not ours');
    await fs.writeFile(path.join(dir, 'meta.json'), '{}');
    expect(await cleanTempFiles(dir)).toEqual(['.meta.json.0a1b2c3d4e5f.tmp']);
    expect((await fs.readdir(dir)).sort()).toEqual(['meta.json', 'notes.tmp']);
  });

  it('treats a missing folder as clean', async () => {
    expect(await cleanTempFiles(path.join(await tempDir(), 'nope'))).toEqual([]);
  });
});

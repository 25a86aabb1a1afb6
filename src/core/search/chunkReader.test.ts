import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { ChunkReader } from './chunkReader';

/** A file of chunks as `indexFile.ts` writes them: 8-byte head (length, type), payload padded to 4 bytes. */
function chunkFile(payloads: Uint8Array[]): Buffer {
  return Buffer.concat(
    payloads.flatMap((payload, i) => {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(payload.length, 0);
      head.writeUInt32LE(i + 1, 4);
      return [head, payload, Buffer.alloc(((payload.length + 3) & ~3) - payload.length)];
    }),
  );
}

// Payloads of every size from 0 to 199 bytes, each byte telling its chunk and place.
const payloads = Array.from({ length: 200 }, (_, i) =>
  Uint8Array.from({ length: (i * 37) % 200 }, (_, j) => (i + j) & 255),
);

async function readAll(file: string, slab?: number) {
  const reader = await ChunkReader.open(file, slab);
  const read = [];
  try {
    for (let c = await reader.next(); c; c = await reader.next()) read.push(c);
  } finally {
    await reader.close();
  }
  return read;
}

describe('reading a file of chunks a slab at a time', () => {
  it('gives back every chunk whole and 4-byte aligned, whether its bytes come in one read or several', async () => {
    const file = path.join(await tempDir('chunks'), 'chunks');
    await fs.writeFile(file, chunkFile(payloads));
    for (const slab of [64, 100, 4096, undefined]) {
      const read = await readAll(file, slab);
      expect(read.map((c) => c.type)).toEqual(payloads.map((_, i) => i + 1));
      read.forEach((c, i) => {
        expect(Buffer.from(c.payload).equals(payloads[i]!)).toBe(true);
        expect(c.payload.byteOffset % 4).toBe(0);
      });
    }
  });

  it('throws when the file ends inside a chunk', async () => {
    const file = path.join(await tempDir('chunks'), 'chunks');
    const whole = chunkFile(payloads.slice(0, 20));
    for (const cut of [whole.length - 3, whole.length - 150]) {
      await fs.writeFile(file, whole.subarray(0, cut));
      await expect(readAll(file, 64)).rejects.toThrow('a chunk is cut off');
    }
  });
});

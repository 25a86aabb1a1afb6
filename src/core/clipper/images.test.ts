import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipImageFile } from '../library/clipImages';
import { tempDir } from '../library/testHelpers';
import { createGlossService } from '../service';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/pic.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else if (url === '/lazy.png')
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.from([0])]));
    else if (url === '/drawing.svg')
      res
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
    else if (url === '/huge.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(2048));
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const page = () => `<html><head><title>Pictures</title></head><body><article><h1>Pictures</h1>
  <p>The estuary turbines ran through every winter storm, and the engineers who kept them turning wrote down what they learned.</p>
  <figure><img src="/pic.png" alt="A turbine"><figcaption>The first turbine.</figcaption></figure>
  <p>Operators now say tidal energy is ready for the grid: the long winter proved it beyond doubt.</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/lazy.png" alt="lazy">
  <img src="/drawing.svg" alt="svg"><img src="/missing.png" alt="gone"><img src="/huge.png" alt="big"><img src="/pic.png" alt="again">
  <p>The next array is already being planned, and the town has begun to count on the tide.</p></article></body></html>`;

describe('offline images', () => {
  it('downloads raster images into the clip folder and leaves the rest remote, text unchanged', async () => {
    const libraryDir = await tempDir();
    const plain = await createGlossService({ libraryDir: await tempDir() });
    const service = await createGlossService({ libraryDir, images: { fetch: { maxBytes: 1024 } } });
    try {
      const remote = await plain.getClip((await plain.clipHtml({ html: page(), url: `${base}/article` })).id);
      const clip = await service.clipHtml({ html: page(), url: `${base}/article` });
      const doc = await service.getClip(clip.id);
      expect(doc.text).toBe(remote.text);
      const local = [...doc.html.matchAll(/src="(images\/[^"]+)"/g)].map((m) => m[1]!);
      expect(local).toHaveLength(3); // pic (twice, one file) and the lazy one
      expect(new Set(local).size).toBe(2);
      for (const [name, alt] of [
        ['drawing.svg', 'svg'],
        ['missing.png', 'gone'],
        ['huge.png', 'big'],
      ]) {
        expect(doc.html).toContain(`src="${base}/${name}" alt="${alt}"`);
      }
      const files = await fs.readdir(path.join(libraryDir, 'clips', clip.id, 'images'));
      expect(files.sort()).toEqual(
        local
          .map((l) => l.slice('images/'.length))
          .filter((v, i, a) => a.indexOf(v) === i)
          .sort(),
      );
      const served = clipImageFile(libraryDir, clip.id, files[0]!);
      expect(served?.mime).toBe('image/png');
      expect((await fs.readFile(served!.path)).length).toBeGreaterThan(0);
    } finally {
      await service.close();
      await plain.close();
    }
  });

  it('hands out only image files Gloss made, never a path out of the clip', () => {
    const lib = '/lib';
    expect(clipImageFile(lib, 'abc', '0123456789abcdef.png')?.path).toBe(
      path.join(lib, 'clips/abc/images/0123456789abcdef.png'),
    );
    for (const [id, file] of [
      ['abc', '../meta.json'],
      ['..', '0123456789abcdef.png'],
      ['abc', 'meta.json'],
      ['abc', '0123456789abcdef.svg'],
      ['a/b', '0123456789abcdef.png'],
      ['abc', '..%2F0123456789abcdef.png'],
    ]) {
      expect(clipImageFile(lib, id!, file!)).toBeNull();
    }
  });
});

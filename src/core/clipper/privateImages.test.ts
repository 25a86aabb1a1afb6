/**
 * Issue 19, item 5 (clipping side): a page from a public address cannot make Gloss fetch pictures from this
 * computer or the private network; a page that came from such a host (or a saved file) still gets its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localiseImages } from './images';
import { isPrivateAddress } from './privateAddress';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let server: Server;
let base: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('pictures on private addresses', () => {
  it('knows loopback, private, link-local and unique-local addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['::1', '[::1]', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('are not fetched for a page from a public address, and are for a page from this computer or a file', async () => {
    const html = (name: string) => `<p>Text.</p><img src="${base}/${name}.png" alt="x">`;
    const fromWeb = await localiseImages(html('public-page'), {}, 'https://93.184.216.34/article');
    expect(fromWeb.images).toEqual([]);
    expect(fromWeb.html).toContain(`${base}/public-page.png`);
    expect(asked).not.toContain('/public-page.png');

    const fromHere = await localiseImages(html('local-page'), {}, `${base}/article`);
    expect(fromHere.images).toHaveLength(1);
    const fromFile = await localiseImages(html('saved-file'), {}, null);
    expect(fromFile.images).toHaveLength(1);
    expect(asked).toEqual(['/local-page.png', '/saved-file.png']);
  });
});

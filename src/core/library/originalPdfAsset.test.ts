/**
 * `gloss-asset://<clip>/original.pdf` on a real library with real PDF clips: byte ranges as pdf.js asks for
 * them, a file changed on disk refused with its reason, and nothing served outside the library's PDF clips.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFixture } from '../pdf/testFixtures';
import { createGlossService, type GlossService } from '../service';
import { answerAssetRequest, assetHttpResponse, type AssetAnswer } from './assetRequest';
import { parseByteRange } from './originalPdfAsset';
import { tempDir } from './testHelpers';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('parseByteRange', () => {
  it('reads the single ranges HTTP allows and ignores the rest', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    for (const ignored of [undefined, null, '', 'bytes=5-1', 'bytes=0-1,5-9', 'items=0-1', 'bytes=-', 'bytes=a-b'])
      expect(parseByteRange(ignored, 1000), String(ignored)).toBeNull();
  });
});

describe('gloss-asset://<clip>/original.pdf', () => {
  let root: string;
  let library: string;
  let service: GlossService;
  let paper: Uint8Array;
  let pdfId: string;
  let changedId: string;
  let articleId: string;

  beforeAll(async () => {
    root = await tempDir();
    library = path.join(root, 'library');
    service = await createGlossService({ libraryDir: library });
    paper = pdfFixture('paper.pdf');
    pdfId = (await service.clipPdf({ data: base64(paper), fileName: 'paper.pdf' })).id;
    changedId = (await service.clipPdf({ data: base64(paper), fileName: 'paper.pdf', onDuplicate: 'copy' })).id;
    articleId = (await service.clipText({ text: 'A plain article, not a PDF.' })).id;
  });

  afterAll(async () => {
    await service.close();
  });

  const get = (url: string, range?: string) => answerAssetRequest(library, 'GET', url, range);
  const bytesOf = (answer: AssetAnswer) => Buffer.from((answer as { bytes: Uint8Array }).bytes);

  it('answers ranges with 206 and the exact bytes, the whole file without one, 416 past the end', async () => {
    const url = `gloss-asset://${pdfId}/original.pdf`;
    const size = paper.byteLength;
    const whole = await get(url);
    expect(whole).toMatchObject({ status: 200, mime: 'application/pdf', headers: { 'accept-ranges': 'bytes' } });
    expect(bytesOf(whole).equals(Buffer.from(paper))).toBe(true);

    const head = await get(url, 'bytes=0-1023');
    expect(head).toMatchObject({ status: 206, headers: { 'content-range': `bytes 0-1023/${size}` } });
    expect(bytesOf(head).equals(Buffer.from(paper.subarray(0, 1024)))).toBe(true);

    const middle = await get(url, `bytes=1000-${size + 50}`);
    expect(middle).toMatchObject({ status: 206, headers: { 'content-range': `bytes 1000-${size - 1}/${size}` } });
    expect(bytesOf(middle).equals(Buffer.from(paper.subarray(1000)))).toBe(true);

    const tail = await get(url, 'bytes=-512');
    expect(tail).toMatchObject({ headers: { 'content-range': `bytes ${size - 512}-${size - 1}/${size}` } });
    expect(bytesOf(tail).toString('latin1')).toContain('%%EOF');

    const past = await get(url, `bytes=${size}-`);
    expect(past).toEqual({ status: 416, headers: { 'content-range': `bytes */${size}` } });
    expect(assetHttpResponse(past).status).toBe(416);
  });

  it('serves nothing of a file changed since it was clipped, and says why', async () => {
    const file = path.join(library, 'clips', changedId, 'original.pdf');
    const url = `gloss-asset://${changedId}/original.pdf`;
    expect((await get(url, 'bytes=0-99')).status).toBe(206);
    // One byte changed in place, same size: the file's change time tells the endpoint to hash it again.
    const changed = Buffer.from(paper);
    changed[200] = changed[200]! ^ 0xff;
    await new Promise((done) => setTimeout(done, 20));
    await fs.writeFile(file, changed);
    for (const range of [undefined, 'bytes=0-99', 'bytes=-100']) {
      const answer = await get(url, range);
      expect(answer).toMatchObject({ status: 409 });
      expect((answer as { message: string }).message).toMatch(/changed on disk since it was clipped/);
      const http = assetHttpResponse(answer);
      expect(http).toMatchObject({ status: 409, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    await fs.writeFile(file, paper);
    expect((await get(url, 'bytes=0-99')).status).toBe(206);
  });

  it('refuses what is not a PDF clip’s original inside the library', async () => {
    // Files outside the library that a traversal or a symlink would reach.
    await fs.writeFile(path.join(root, 'secret.pdf'), paper);
    const linked = path.join(library, 'clips', articleId, 'original.pdf');
    await fs.symlink(path.join(root, 'secret.pdf'), linked);
    const refused = [
      `gloss-asset://${articleId}/original.pdf`, // a symlink out of the library, in a clip that is no PDF
      `gloss-asset://${pdfId}/../${articleId}/original.pdf`,
      `gloss-asset://${pdfId}/..%2f..%2f..%2fsecret.pdf`,
      `gloss-asset://${pdfId}/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.pdf`,
      `gloss-asset://${pdfId}/original.pdf/..`,
      `gloss-asset://${pdfId}/ORIGINAL.PDF`,
      `gloss-asset://${pdfId}/article.html`,
      `gloss-asset://${pdfId}/meta.json`,
      `gloss-asset://${pdfId}/original.pdf?x=1`,
      `gloss-asset://../original.pdf`,
      `gloss-asset://not_a_clip/original.pdf`,
      `gloss-asset://20991231-zzzzzzzz/original.pdf`,
      `gloss-asset:///${path.join(root, 'secret.pdf')}`,
    ];
    for (const url of refused) {
      const answer = await get(url, 'bytes=0-99');
      expect(answer.status, url).toBe(404);
      expect('bytes' in answer, url).toBe(false);
    }
    // The symlink is refused even in a PDF clip (its real path is outside the library).
    const original = path.join(library, 'clips', pdfId, 'original.pdf');
    await fs.rename(original, `${original}.kept`);
    await fs.symlink(path.join(root, 'secret.pdf'), original);
    expect((await get(`gloss-asset://${pdfId}/original.pdf`)).status).toBe(404);
    await fs.rm(original);
    await fs.rename(`${original}.kept`, original);
    expect((await get(`gloss-asset://${pdfId}/original.pdf`)).status).toBe(200);
    expect((await answerAssetRequest(library, 'POST', `gloss-asset://${pdfId}/original.pdf`)).status).toBe(405);
  });
});

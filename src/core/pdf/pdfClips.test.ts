import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GLOSS_METHODS } from '../api';
import { createApiClient } from '../apiClient';
import { findDraftDuplicate } from '../libraryClips/duplicates';
import { dispatchApiCall } from '../dispatch';
import { readFolder } from '../import/folder';
import { runImport } from '../import/run';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';
import { pdfFixture } from './testFixtures';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('PDF clips', { timeout: 120_000 }, () => {
  let service: GlossService | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    server = undefined;
  });

  it('keeps the original byte for byte beside a text whose HTML reads the same, with its details', async () => {
    const libraryDir = await tempDir();
    service = await createGlossService({ libraryDir });
    const bytes = pdfFixture('paper.pdf');
    // Through the IPC envelope, as the renderer calls it.
    const api = createApiClient(GLOSS_METHODS, (method, args) => dispatchApiCall(service!, method, args));
    const clip = await api.clipPdf({ data: base64(bytes), fileName: 'paper.pdf' });
    expect(clip.title).toBe('Tidal Rhythms in Coastal Reading Habits');
    const folder = path.join(libraryDir, 'clips', clip.id);
    expect(Buffer.compare(await fs.readFile(path.join(folder, 'original.pdf')), Buffer.from(bytes))).toBe(0);
    const doc = await service.getClip(clip.id);
    expect(doc.meta.pdf).toMatchObject({ pages: 4, bytes: bytes.byteLength, hasText: true });
    expect(doc.meta.biblio?.doi).toBe('10.5555/gloss.2024.0042');
    expect(doc.meta.origin).toBe('file');
    // A reference manager gets a journal article with its DOI.
    const bibtex = (await service.exportClip({ id: clip.id, format: 'bibtex' })).content;
    expect(bibtex).toMatch(/^@article\{/);
    expect(bibtex).toContain('doi = {10.5555/gloss.2024.0042}');
    expect(bibtex).toContain('journal = {Journal of Reproducible Examples}');
    // A highlight on PDF text is an ordinary highlight on the article text.
    const start = doc.text.indexOf('Claim one');
    const h = await service.addHighlight({ clipId: clip.id, start, end: start + 9, note: 'first claim' });
    expect(h.anchor).toMatchObject({ start, end: start + 9 });
    await service.close();
    service = await createGlossService({ libraryDir });
    await service.indexReady();
    // The reader gets the document without the HTML it never shows (checked all the same); an article keeps it.
    const forReader = await api.getClipForReader(clip.id);
    expect(forReader).not.toHaveProperty('html');
    expect(forReader.text).toBe(doc.text);
    expect(forReader.highlights[0]?.anchor).toMatchObject({ start, end: start + 9 });
    const article = await service.clipText({ text: 'A plain note about tides.', title: 'Note' });
    expect((await api.getClipForReader(article.id)).html).toContain('plain note');
    const found = await service.search({ query: 'incontrovertible' });
    expect(found[0]).toMatchObject({ id: clip.id, kind: 'article' });
    await expect(service.updateClipContent({ id: clip.id, text: 'other' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('gives the reader the original PDF only while it is the file clipped', async () => {
    const libraryDir = await tempDir();
    service = await createGlossService({ libraryDir });
    const bytes = pdfFixture('paper.pdf');
    const api = createApiClient(GLOSS_METHODS, (method, args) => dispatchApiCall(service!, method, args));
    const clip = await api.clipPdf({ data: base64(bytes), fileName: 'paper.pdf' });
    expect(await api.getClipPdf(clip.id)).toBe(base64(bytes));
    const web = await service.clipText({ text: 'A plain text clip, not a PDF at all.' });
    // The library's rows say which clips are PDFs (the reader starts opening one as its row is clicked).
    const rows = (await api.listClipsPage({ limit: 10 })).rows;
    expect(rows.find((r) => r.id === clip.id)?.pdfFile).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      pages: 4,
    });
    expect(rows.find((r) => r.id === web.id)?.pdfFile).toBeUndefined();
    await expect(api.getClipPdf(web.id)).rejects.toMatchObject({ code: 'not-found' });
    const file = path.join(libraryDir, 'clips', clip.id, 'original.pdf');
    await fs.writeFile(file, Buffer.concat([Buffer.from(bytes), Buffer.from('\n% changed\n')]));
    await expect(api.getClipPdf(clip.id)).rejects.toMatchObject({ code: 'corrupt-file' });
    await fs.rm(file);
    await expect(api.getClipPdf(clip.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('offers update or keep both for the same file or the same DOI, and loses nothing on a bad file', async () => {
    const libraryDir = await tempDir();
    service = await createGlossService({ libraryDir });
    const data = base64(pdfFixture('paper.pdf'));
    const first = await service.clipPdf({ data });
    await expect(service.clipPdf({ data })).rejects.toMatchObject({ code: 'duplicate' });
    const copy = await service.clipPdf({ data, onDuplicate: 'copy' });
    expect(copy.id).not.toBe(first.id);
    const updated = await service.clipPdf({ data, onDuplicate: 'update' });
    expect([first.id, copy.id]).toContain(updated.id);
    await expect(service.clipPdf({ data: base64(pdfFixture('truncated.pdf')) })).rejects.toMatchObject({
      code: 'corrupt-file',
    });
    await expect(service.clipPdf({ data: base64(pdfFixture('protected.pdf')) })).rejects.toMatchObject({
      message: expect.stringContaining('password'),
    });
    expect(await service.listClips()).toHaveLength(2);
    expect(await fs.readdir(path.join(libraryDir, 'clips'))).toHaveLength(2);
    // Another file of the same work (same DOI, any case) is the same paper.
    const held = (await service.getClip(first.id)).meta;
    const other = { url: null, text: 'another rendition', pdf: { ...held.pdf!, sha256: 'f'.repeat(64) } };
    expect(findDraftDuplicate([held], { ...other, biblio: { doi: '10.5555/GLOSS.2024.0042' } })?.id).toBe(first.id);
    expect(findDraftDuplicate([held], { ...other, biblio: { doi: '10.5555/other' } })).toBeUndefined();
  });

  it('clips an address that answers application/pdf after redirects, and imports a folder with PDFs', async () => {
    const paper = pdfFixture('paper.pdf');
    server = createServer((req, res) => {
      if (req.url === '/abs/2401.0042') res.writeHead(302, { location: '/pdf/2401.0042' }).end();
      else if (req.url === '/pdf/2401.0042') res.writeHead(200, { 'content-type': 'application/pdf' }).end(paper);
      // Repositories and file shares often send a PDF as a generic download.
      else if (req.url === '/files/scan') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(pdfFixture('preprint.pdf'));
      } else if (req.url === '/files/archive') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from('PK\x03\x04 not a pdf'));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const libraryDir = await tempDir();
    service = await createGlossService({ libraryDir });
    const clip = await service.clipUrl({ url: `${base}/abs/2401.0042` });
    expect(clip).toMatchObject({ title: 'Tidal Rhythms in Coastal Reading Habits', url: `${base}/pdf/2401.0042` });
    expect((await service.getClip(clip.id)).meta.pdf?.pages).toBe(4);
    await expect(service.clipUrl({ url: `${base}/abs/2401.0042` })).rejects.toMatchObject({ code: 'duplicate' });
    const download = await service.clipUrl({ url: `${base}/files/scan` });
    expect((await service.getClip(download.id)).meta.pdf?.sha256).toBe(
      createHash('sha256').update(pdfFixture('preprint.pdf')).digest('hex'),
    );
    await expect(service.clipUrl({ url: `${base}/files/archive` })).rejects.toMatchObject({
      code: 'unsupported-content',
      message: expect.stringContaining('a file download (application/octet-stream)'),
    });

    const folder = await tempDir();
    await fs.writeFile(path.join(folder, 'scan.pdf'), pdfFixture('scan.pdf'));
    await fs.writeFile(path.join(folder, 'broken.pdf'), pdfFixture('truncated.pdf'));
    const { entries } = await readFolder(folder);
    const report = await runImport(service, entries);
    expect(report.imported).toBe(1);
    expect(report.skipped).toEqual([
      expect.objectContaining({ source: 'broken.pdf', reason: expect.stringContaining('cut off') }),
    ]);
    const scan = (await service.listClips()).find((c) => c.title === 'Scanned Field Notes');
    expect((await service.getClip(scan!.id)).meta.pdf).toMatchObject({ pages: 2, hasText: false });
  });
});

/**
 * The PDF reader's worker thread: runs pdf.js on one PDF at a time, off the main thread, so a huge or
 * hostile file can neither freeze the app nor exhaust its memory. Started and bounded (time, memory) by
 * pdfInWorker.ts; it answers each job with the draft (without the bytes, which the caller holds) or the error.
 */
import { serveJobs } from '../worker/serveJobs';
import { pdfDraft } from './pdfDraft';
import type { PdfJob } from './pdfInWorker';
import { readPdf } from './readPdf';

serveJobs(
  'pdfWorker.ts',
  async (job: PdfJob) => {
    const { pdfBytes: _bytes, ...draft } = pdfDraft(job.bytes, await readPdf(job.bytes), job.source);
    return draft;
  },
  (message) => ({ code: 'corrupt-file', message: `This PDF could not be read: ${message}` }),
);

/**
 * The PDF reader's worker thread: runs pdf.js on one PDF at a time, off the main thread, so a huge or
 * hostile file can neither freeze the app nor exhaust its memory. Started and bounded (time, memory) by
 * pdfInWorker.ts; it answers each job with the draft (without the bytes, which the caller holds) or the error.
 */
import { parentPort } from 'node:worker_threads';
import { GlossError } from '../errors';
import { pdfDraft } from './pdfDraft';
import type { PdfJob, PdfReply } from './pdfInWorker';
import { readPdf } from './readPdf';

const port = parentPort;
if (!port) throw new Error('pdfWorker.ts runs only as a worker thread.');

port.on('message', (job: PdfJob) => {
  port.postMessage({ started: true } satisfies PdfReply);
  void readPdf(job.bytes).then(
    (reading) => {
      const { pdfBytes: _bytes, ...draft } = pdfDraft(job.bytes, reading, job.source);
      port.postMessage({ ok: true, draft } satisfies PdfReply);
    },
    (error: unknown) =>
      port.postMessage(
        (error instanceof GlossError
          ? { ok: false, code: error.code, message: error.message }
          : {
              ok: false,
              code: 'corrupt-file',
              message: `This PDF could not be read: ${(error as Error)?.message ?? String(error)}`,
            }) satisfies PdfReply,
      ),
  );
});

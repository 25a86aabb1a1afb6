/** pdf.js's worker code, imported for its side effect (it registers `globalThis.pdfjsWorker`). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * `npm run bench:pdf`: reading the 300-page report fixture (test/fixtures/pdf/report-300.pdf) into a clip
 * draft the way clipping does (pdf.js in the bounded worker, layout, headers dropped), a few times.
 * Prints ms per page, pages per second and memory, with the targets as PASS/FAIL, and the machine load
 * (numbers on a shared machine are noisy). Then the time to the first page painted in the built renderer
 * (firstPage.ts; `npx electron-vite build` first): the window's first PDF, PDFs not opened before (the
 * target), reopens, and the article peer, for the report as generated (one flat list of 300 pages) and for
 * the same pages as LaTeX writes a long document (report-300-tree.pdf).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readPdfDraft, stopPdfWorker } from '../../src/core/pdf/pdfInWorker';
import { pdfFixture } from '../../src/core/pdf/testFixtures';
import { firstPagePainted } from './firstPage';

const RUNS = Number(process.env['PDF_BENCH_RUNS'] ?? 3);
const TARGET_PAGES_PER_S = 100;

const bytes = pdfFixture('report-300.pdf');
// The first read also starts the worker and loads pdf.js: timed on its own.
let t = performance.now();
const warm = await readPdfDraft(bytes);
const coldMs = performance.now() - t;
const pages = warm.pdf!.pages;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  t = performance.now();
  await readPdfDraft(bytes);
  times.push(performance.now() - t);
}
stopPdfWorker();
times.sort((a, b) => a - b);
const best = times[0]!;
const median = times[Math.floor(times.length / 2)]!;
const perSecond = (pages / median) * 1000;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
console.log(`PDF text extraction, ${pages} pages, ${Math.round(bytes.byteLength / 1024)} KB, ${RUNS} runs`);
console.log(
  `  load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on this machine`,
);
console.log(`  first read (worker start + pdf.js load): ${Math.round(coldMs)} ms`);
console.log(`  median ${Math.round(median)} ms (best ${Math.round(best)} ms): ${(median / pages).toFixed(1)} ms/page`);
console.log(`  main process memory: rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`);
console.log(
  `  extraction ≥ ${TARGET_PAGES_PER_S} pages/s: ${perSecond.toFixed(0)} pages/s  ${perSecond >= TARGET_PAGES_PER_S ? 'PASS' : 'FAIL'}`,
);
const TARGET_FIRST_PAGE_MS = 300;
const OPENS = Number(process.env['PDF_BENCH_OPENS'] ?? 5);
/** The target's fixture, then the same pages as LaTeX lays out a long document (balanced page tree, object streams, figures; 1.1 MB). */
const FIRST_PAGE_FIXTURES: Array<[file: string, what: string]> = [
  ['report-300.pdf', '300-page report, one flat list of pages, 533 KB'],
  ['report-300-tree.pdf', 'the same as LaTeX writes it: balanced page tree, object streams, figures, 1.1 MB'],
];
for (const [fixture, what] of FIRST_PAGE_FIXTURES) {
  const painted = await firstPagePainted(fixture, OPENS);
  if (!painted) {
    console.log('  first page painted: not measured (build the renderer first: npx electron-vite build)  FAIL');
    break;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const list = (xs: number[]) => xs.map(Math.round).join(', ');
  const fresh = median(painted.fresh);
  const peer = median(painted.article);
  console.log(
    `  first page painted (library click → page drawn), ${fixture} (${what}), load ${loadavg()[0]!.toFixed(1)}:`,
  );
  console.log(`    the window's first PDF ${Math.round(painted.first)} ms (loads the reader and pdf.js's worker)`);
  console.log(`    PDFs not opened before (file read by range, checked, parsed): ${list(painted.fresh)} ms`);
  console.log(
    `    where their time goes (median ms after the click): ${painted.freshSteps.map(([step, ms]) => `${step} ${Math.round(ms)}`).join(', ')}`,
  );
  console.log(
    `    reopened (back to the library, open again): ${list(painted.reopen)} ms (median ${Math.round(median(painted.reopen))} ms)`,
  );
  console.log(
    `    peer: the same text as an article, click → painted: ${list(painted.article)} ms; PDF/article ${(fresh / peer).toFixed(2)}×`,
  );
  console.log(
    `    first page painted ≤ ${TARGET_FIRST_PAGE_MS} ms (median of PDFs not opened before): ${Math.round(fresh)} ms  ${fresh <= TARGET_FIRST_PAGE_MS ? 'PASS' : 'FAIL'}`,
  );
}

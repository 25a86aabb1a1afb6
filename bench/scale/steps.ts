/**
 * One measured step of the scale benchmark, run in its own process (so each step's memory is its own) by
 * `bench/scale/main.ts`: `tsx bench/scale/steps.ts <step> <args…>` prints one JSON line with the numbers.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createBackup } from '../../src/core/backup/create';
import { restoreBackup } from '../../src/core/backup/restore';
import { exportLibrary } from '../../src/core/export/library';
import { importFrom } from '../../src/core/import';
import { LibraryStore } from '../../src/core/library/store';
import { createGlossService } from '../../src/core/service';

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The heap after a full collection (needs --expose-gc), in MB. */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
}

/**
 * Samples the resident set every 25 ms; `stop()` gives the peak in MB. `memoryUsage.rss()` alone: the full
 * `memoryUsage()` walks the heap's spaces, which cost the measured step about 5% of its time.
 */
function peakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  return {
    stop() {
      clearInterval(timer);
      return mb(Math.max(peak, process.memoryUsage.rss()));
    },
  };
}

/** Opens the service: when it answers, its first page of rows, when search is complete, and its memory. */
async function start(dir: string) {
  const t0 = performance.now();
  const service = await createGlossService({ libraryDir: dir });
  const open = performance.now() - t0;
  const page = await service.listClipsPage({ limit: 50 });
  const firstPage = performance.now() - t0;
  await service.indexReady();
  const indexReady = performance.now() - t0;
  const { reindexed } = await service.getIndexStatus();
  const heap = heapMb();
  const rss = mb(process.memoryUsage().rss);
  await service.close();
  const index = await fs.stat(path.join(dir, 'index', 'search.idx')).then(
    (s) => s.size,
    () => 0,
  );
  return {
    open,
    firstPage,
    indexReady,
    rows: page.rows.length,
    total: page.total,
    catchUp: reindexed,
    heap,
    rss,
    indexBytes: index,
  };
}

/**
 * A Markdown export of the whole library from a started service (index loaded, as in the app). `sampled`: the
 * heap after a full collection at each thousand clips. Those collections also bound the peak, so the run
 * without them (`unsampled`: the garbage collector left to its own pacing, as in the app) gives the real peak;
 * it notes only the heap after a collection before and after the export (what the export kept).
 */
async function exportMd(dir: string, out: string, mode = 'sampled') {
  const service = await createGlossService({ libraryDir: dir });
  await service.indexReady();
  await fs.rm(out, { recursive: true, force: true });
  const heaps: number[] = [heapMb()];
  const peak = peakRss();
  const t0 = performance.now();
  const result = await exportLibrary(service, {
    format: 'md',
    out,
    onProgress: (p) => {
      if (mode === 'sampled' && p.done % 1000 === 0) heaps.push(heapMb());
    },
  });
  const ms = performance.now() - t0;
  const rss = peak.stop();
  // The kernel's high-water mark of the whole process (every thread, the service's start included), which no
  // sampling interval can miss.
  const maxRss = mb(process.resourceUsage().maxRSS * 1024);
  if (mode !== 'sampled') heaps.push(heapMb());
  await service.close();
  await fs.rm(out, { recursive: true, force: true });
  return { ms, clips: result.clips, peakRss: rss, maxRss, heaps };
}

async function backup(dir: string, file: string) {
  await fs.rm(file, { force: true });
  const t0 = performance.now();
  const manifest = await createBackup(dir, file);
  return { ms: performance.now() - t0, files: manifest.counts.files, bytes: (await fs.stat(file)).size };
}

async function restore(file: string, into: string) {
  await fs.rm(into, { recursive: true, force: true });
  const t0 = performance.now();
  await restoreBackup(file, into);
  const ms = performance.now() - t0;
  // How many clips the first start would read from their files (0 when the restored catalogue vouches for all).
  const check = await LibraryStore.open(into, { catalogue: true });
  const reread = check.opening.reread;
  await check.close();
  const t1 = performance.now();
  const service = await createGlossService({ libraryDir: into });
  await service.listClipsPage({ limit: 50 });
  const firstPage = performance.now() - t1;
  await service.indexReady();
  const searchReady = performance.now() - t1;
  const { reindexed: catchUp } = await service.getIndexStatus();
  const hits = (await service.search({ query: 'the' })).length;
  await service.close();
  await fs.rm(into, { recursive: true, force: true });
  return { ms, reread, firstPage, searchReady, catchUp, hits };
}

async function importCsv(csv: string, into: string) {
  await fs.rm(into, { recursive: true, force: true });
  const service = await createGlossService({ libraryDir: into });
  const peak = peakRss();
  const heaps: number[] = [];
  const t0 = performance.now();
  const report = await importFrom(service, 'readwise', csv, {
    onProgress: (p) => {
      if (p.done % 1000 === 0 && p.done > 0) heaps.push(heapMb());
    },
  });
  const ms = performance.now() - t0;
  await service.indexReady();
  const indexed = performance.now() - t0;
  const rss = peak.stop();
  await service.close();
  await fs.rm(into, { recursive: true, force: true });
  return { ms, indexed, imported: report.imported, highlights: report.highlights.placed, peakRss: rss, heaps };
}

const STEPS: Record<string, (...args: string[]) => Promise<unknown>> = {
  start: (dir) => start(dir!),
  export: (dir, out, mode) => exportMd(dir!, out!, mode),
  backup: (dir, file) => backup(dir!, file!),
  restore: (file, into) => restore(file!, into!),
  import: (csv, into) => importCsv(csv!, into!),
};

const [step, ...args] = process.argv.slice(2);
const run = STEPS[step ?? ''];
if (!run) throw new Error(`Unknown step ${step}; one of ${Object.keys(STEPS).join(', ')}.`);
console.log(JSON.stringify(await run(...args)));

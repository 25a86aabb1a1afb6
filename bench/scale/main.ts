/**
 * `npm run bench:scale` `[-- --sizes 100,1000] [--50k] [--fresh] [--skip export,backup,import] [--tsx]`:
 * generated libraries of 100, 1k and 10k clips (and 50k with `--50k`), then the core's targets of issue #13,
 * each step in its own process (a bundle of steps.ts, see {@link bundleSteps}): service start (answering,
 * first page of rows, search complete), memory and index size per 1k clips, Markdown export (time, peak
 * memory with the bench's collections and heap after each thousand; then again without them, as the app runs:
 * time and the whole process's peak resident set by the kernel's count), backup and restore (search
 * ready after restore without a rebuild) and a Readwise CSV import of as many books. Each number is printed
 * with its ratio to the 100-clip case; the 10k targets with PASS/FAIL.
 *
 * Libraries are kept in `<tmp>/gloss-scale/` and reused (`--fresh` makes them again): generating 10k
 * clips takes a few minutes on a loaded machine.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../../scripts/buildCli.mjs';
import { generateLibrary, readwiseCsv } from './generate';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const sizes = (option('sizes') ?? `100,1000,10000${flag('50k') ? ',50000' : ''}`)
  .split(',')
  .map((s) => Number(s.replace(/k$/i, '000')));
if (!sizes.includes(100)) sizes.unshift(100);
const work = path.join(os.tmpdir(), 'gloss-scale');
/** Steps left out, e.g. `--skip import,export` (start always runs). */
const skip = new Set((option('skip') ?? '').split(',').filter(Boolean));

/**
 * The steps as the app and the CLI ship code: one esbuild bundle (packages left in node_modules, code loaded on
 * demand in chunks) run by plain Node. Through tsx (`--tsx`) each step's memory also held tsx's compiled
 * sources and source maps (~40 MB of a step's resident set), which no user's process has.
 */
async function bundleSteps(): Promise<string[]> {
  if (flag('tsx')) return ['--import', 'tsx', path.join(here, 'steps.ts')];
  const outdir = path.join(here, '../../out/bench-scale');
  await fs.rm(outdir, { recursive: true, force: true });
  // The Markdown converter's worker beside the chunks, as the CLI ships it (src/core/export/markdownInWorker.ts).
  const markdownWorker = path.join(here, '../../src/core/export/markdownWorker.ts');
  await build({ ...NODE_BUNDLE, entryPoints: { steps: path.join(here, 'steps.ts'), markdownWorker }, outdir });
  return [path.join(outdir, 'steps.js')];
}
const stepsScript = await bundleSteps();

/** Runs one step of steps.ts in a fresh Node process and returns its numbers. */
async function step<T>(name: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', ...stepsScript, name, ...args],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/** The library of `size` clips, generated unless kept from an earlier run. */
async function library(size: number): Promise<{ dir: string; generatedMs: number | null; firstStart: Start | null }> {
  const dir = path.join(work, `library-${size}`);
  const stamp = path.join(dir, '.generated');
  if (!flag('fresh') && (await fs.stat(stamp).catch(() => null))) {
    // One unmeasured start first, as any start after an update: a library kept from an earlier version (before the
    // catalogue file, or with a search index of an older format) is brought up to date and saved, so 'start'
    // measures a normal start.
    await step<Start>('start', dir);
    return { dir, generatedMs: null, firstStart: null };
  }
  await fs.rm(dir, { recursive: true, force: true });
  const t0 = performance.now();
  await generateLibrary(dir, { clips: size });
  const generatedMs = performance.now() - t0;
  // The first start builds the search index from nothing (then saved for every later start).
  const firstStart = await step<Start>('start', dir);
  await fs.writeFile(stamp, new Date().toISOString());
  return { dir, generatedMs, firstStart };
}

interface Start {
  open: number;
  firstPage: number;
  indexReady: number;
  catchUp: number;
  heap: number;
  rss: number;
  indexBytes: number;
}

type Row = { metric: string; unit: string; values: Map<number, number>; target?: { max: number; at: number } };
const rows: Row[] = [];
function record(metric: string, unit: string, size: number, value: number, target?: { max: number; at: number }) {
  let row = rows.find((r) => r.metric === metric);
  if (!row) rows.push((row = { metric, unit, values: new Map(), target }));
  row.values.set(size, value);
}

console.log(`Scale benchmark: ${sizes.join(', ')} clips — ${new Date().toISOString()}`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 1e9)} GB`);
console.log(
  `Load at start: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await fs.mkdir(work, { recursive: true });
const TEN_K = 10_000;

for (const size of sizes) {
  console.log(`\n— ${size} clips —`);
  const lib = await library(size);
  if (lib.generatedMs !== null) {
    record('generate library', 's', size, lib.generatedMs / 1000);
    record('first start: index built', 's', size, lib.firstStart!.indexReady / 1000);
  }
  const s = await step<Start>('start', lib.dir);
  console.log(`start: ${JSON.stringify(s)}`);
  record('start: service answers', 'ms', size, s.open);
  record('start: first page of rows', 'ms', size, s.firstPage, { max: 1500, at: TEN_K });
  record('start: search complete', 'ms', size, s.indexReady);
  record('core heap after start', 'MB', size, s.heap);
  record('index file per 1k clips', 'MB', size, s.indexBytes / 1e6 / (size / 1000));

  if (!skip.has('export')) {
    const exported = await step<{ ms: number; peakRss: number; heaps: number[] }>(
      'export',
      lib.dir,
      path.join(work, 'export'),
    );
    console.log(`export: ${JSON.stringify(exported)}`);
    record('Markdown export', 's', size, exported.ms / 1000, { max: 60, at: TEN_K });
    record('export peak, GC at each 1k', 'MB', size, exported.peakRss, { max: 500, at: TEN_K });
    // The heap kept per thousand clips exported (after a full collection), from the first sample to the last.
    if (exported.heaps.length > 1)
      record(
        'export heap kept per 1k clips',
        'MB',
        size,
        ((exported.heaps.at(-1)! - exported.heaps[0]!) / size) * 1000,
      );
    // Again without the bench's collections: the peak the app's own export reaches.
    const unsampled = await step<{ ms: number; peakRss: number; maxRss: number; heaps: number[] }>(
      'export',
      lib.dir,
      path.join(work, 'export'),
      'unsampled',
    );
    console.log(`export (no forced GC): ${JSON.stringify(unsampled)}`);
    record('Markdown export, no forced GC', 's', size, unsampled.ms / 1000, { max: 60, at: TEN_K });
    // The target's figure: the whole process (main thread, the Markdown worker, the service's start) as the app
    // runs it, by the kernel's high-water mark.
    record('export peak, no forced GC', 'MB', size, unsampled.maxRss, { max: 500, at: TEN_K });
  }

  if (!skip.has('backup')) {
    const file = path.join(work, `backup-${size}.gloss-backup`);
    const backedUp = await step<{ ms: number; bytes: number }>('backup', lib.dir, file);
    record('backup', 's', size, backedUp.ms / 1000, { max: 30, at: TEN_K });
    const restored = await step<{
      ms: number;
      reread: number;
      firstPage: number;
      searchReady: number;
      catchUp: number;
      hits: number;
    }>('restore', file, path.join(work, 'restored'));
    console.log(`backup: ${JSON.stringify(backedUp)} restore: ${JSON.stringify(restored)}`);
    await fs.rm(file, { force: true });
    record('restore', 's', size, restored.ms / 1000, { max: 30, at: TEN_K });
    record('restored: clips read again at start', 'clips', size, restored.reread, { max: 0, at: TEN_K });
    record('restored: first page of rows', 'ms', size, restored.firstPage, { max: 1500, at: TEN_K });
    record('restored: search complete', 's', size, restored.searchReady / 1000);
    record('restored: clips re-indexed', 'clips', size, restored.catchUp, { max: 0, at: TEN_K });
  }

  if (skip.has('import')) continue;
  const csv = path.join(work, `readwise-${size}.csv`);
  await fs.writeFile(csv, readwiseCsv(size));
  const imported = await step<{ ms: number; indexed: number; imported: number; peakRss: number; heaps: number[] }>(
    'import',
    csv,
    path.join(work, 'imported'),
  );
  console.log(`import: ${JSON.stringify(imported)}`);
  await fs.rm(csv, { force: true });
  record('Readwise import (books)', 's', size, imported.ms / 1000, { max: 60, at: TEN_K });
  record('Readwise import: search complete', 's', size, imported.indexed / 1000);
  record('Readwise import peak memory', 'MB', size, imported.peakRss);
  // The library grows as it imports (its catalogue and index are kept in memory): the heap per 1k clips imported.
  if (imported.heaps.length > 1)
    record(
      'import heap growth per 1k books',
      'MB',
      size,
      (imported.heaps.at(-1)! - imported.heaps[0]!) / (imported.heaps.length - 1),
    );
}

const round = (v: number) => (v >= 100 ? Math.round(v) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log(`\n${'metric'.padEnd(36)}${sizes.map((n) => `${n}`.padStart(12)).join('')}   ratio to 100   target`);
for (const row of rows) {
  const base = row.values.get(100);
  const cells = sizes.map((n) => (row.values.has(n) ? `${round(row.values.get(n)!)} ${row.unit}` : '—').padStart(12));
  const ratios = sizes
    .filter((n) => n !== 100 && row.values.has(n) && base)
    .map((n) => `×${(row.values.get(n)! / base!).toFixed(1)}`)
    .join(' ');
  let verdict = '';
  if (row.target && row.values.has(row.target.at)) {
    const ok = row.values.get(row.target.at)! <= row.target.max;
    verdict = `≤ ${row.target.max} ${row.unit} at ${row.target.at}: ${ok ? 'PASS' : 'FAIL'}`;
  } else if (row.target) verdict = `≤ ${row.target.max} ${row.unit} at ${row.target.at}: not run`;
  console.log(`${row.metric.padEnd(36)}${cells.join('')}   ${ratios.padEnd(13)}  ${verdict}`);
}
console.log(
  `Load at end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

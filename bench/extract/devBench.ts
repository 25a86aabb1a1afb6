/**
 * The dev-set half of `npm run bench:extract`: Gloss's clip text (`extractFromHtml`, in-thread) and plain
 * Readability on jsdom, in the same process, on the shared dev set's real pages, scored with the benchmark's
 * published metric (shingles.ts); time per page (median, ratio), memory per page and retained across the set,
 * and PASS/FAIL for the targets of issue #15.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractFromHtml } from '../../src/core/clipper';
import { devSetDir, pageClasses, readDevSet, type DevPage } from './devSet';
import { pageCounts, setScore, type PageCounts, type SetScore } from './shingles';

/**
 * Plain Readability as a user of the library runs it: jsdom, then `parse()`, the text content ('' when jsdom or
 * Readability throws, e.g. on a style sheet jsdom's CSS parser rejects).
 */
export function readabilityText(html: string, url: string): string {
  let window: JSDOM['window'] | null = null;
  try {
    window = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window;
    return new Readability(window.document).parse()?.textContent ?? '';
  } catch {
    return '';
  } finally {
    window?.close();
  }
}

/** Gloss's clip text, or '' with the error noted when the clip fails. */
export function glossText(html: string, url: string, errors?: string[]): string {
  try {
    return extractFromHtml(html, { url, origin: 'url' }).text;
  } catch (error) {
    errors?.push((error as Error).message);
    return '';
  }
}

interface PageResult {
  id: string;
  classes: string[];
  gloss: { counts: PageCounts; text: string; ms: number; cpuMs: number; error?: string };
  readability: { counts: PageCounts; text: string; ms: number; cpuMs: number };
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Heap in use after garbage collection, once the pending tasks (window closing, weak references) have run. */
const heapMb = async () => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc?.();
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (n: number) => (n * 100).toFixed(1).padStart(6);
const f3 = (n: number) => n.toFixed(3);

/** The run's text, its wall-clock time and the process's CPU time over it (less moved by other processes' load). */
function timed(run: () => string): { text: string; ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const text = run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { text, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function score(results: PageResult[], who: 'gloss' | 'readability', pages: DevPage[]): SetScore {
  const truth = new Map(pages.map((p) => [p.id, p.truth]));
  return setScore(
    results.map((r) => ({
      counts: r[who].counts,
      predicted: r[who].text.trim() !== '',
      hasTruth: (truth.get(r.id) ?? '').trim() !== '',
    })),
  );
}

/** Retained heap after running `run` over every page (MB, after GC), and the mean allocation peak per page. */
async function memoryPass(
  pages: DevPage[],
  run: (p: DevPage) => string,
): Promise<{ retainedMb: number; peakMb: number }> {
  const before = await heapMb();
  const peaks: number[] = [];
  for (const p of pages) {
    const start = process.memoryUsage().heapUsed;
    run(p);
    peaks.push((process.memoryUsage().heapUsed - start) / 2 ** 20);
  }
  return { retainedMb: (await heapMb()) - before, peakMb: median(peaks) };
}

/**
 * Runs the dev-set benchmark and prints its tables. Flags: `--limit N` (first N pages), `--dump DIR` (write
 * each page's texts for inspection), `--no-memory` (skip the memory passes), `--memory-pages N` (pages in each
 * memory pass, 30 by default), `--pages` (a row per page).
 */
export async function runDevBench(argv: string[] = []): Promise<{ pass: boolean } | null> {
  const dir = devSetDir();
  if (!dir) {
    console.log('dev set: not found (set GLOSS_EXTRACTION_DEV); skipped');
    return null;
  }
  const flag = (name: string) => argv.indexOf(name);
  const limit = flag('--limit') >= 0 ? Number(argv[flag('--limit') + 1]) : Infinity;
  const dump = flag('--dump') >= 0 ? argv[flag('--dump') + 1]! : null;
  const pages = readDevSet(dir, limit);
  // Warm both up (JIT, jsdom's lazy modules) so the first pages' times are not start-up costs.
  for (const p of pages.slice(0, 3)) {
    readabilityText(p.html, p.url);
    glossText(p.html, p.url);
  }
  const results: PageResult[] = [];
  for (const [i, p] of pages.entries()) {
    // Alternate which runs first, so neither always meets a warmer cache or a pending GC.
    const runR = () => timed(() => readabilityText(p.html, p.url));
    const errors: string[] = [];
    const runG = () => timed(() => glossText(p.html, p.url, errors));
    const [r, g] = i % 2 ? [runR(), runG()] : (([a, b]) => [b, a])([runG(), runR()]);
    results.push({
      id: p.id,
      classes: pageClasses(p.html),
      gloss: { ...g!, counts: pageCounts(g!.text, p.truth), error: errors[0] },
      readability: { ...r!, counts: pageCounts(r!.text, p.truth) },
    });
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(join(dump, `${p.id}.gloss.txt`), g!.text);
      writeFileSync(join(dump, `${p.id}.readability.txt`), r!.text);
      writeFileSync(join(dump, `${p.id}.truth.txt`), p.truth);
    }
  }

  const pageF1 = (c: PageCounts) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
  if (flag('--pages') >= 0) {
    console.log(`\n${'page'.padEnd(14)}${'Gloss F1'.padStart(9)}${'Read. F1'.padStart(9)}   ms G/R  class`);
    for (const r of results)
      console.log(
        `${r.id.slice(0, 12).padEnd(14)}${f3(pageF1(r.gloss.counts)).padStart(9)}${f3(pageF1(r.readability.counts)).padStart(9)}   ${r.gloss.ms.toFixed(0).padStart(4)}/${r.readability.ms.toFixed(0).padEnd(4)} ${r.classes.join(' ')}${r.gloss.error ? `  ERROR ${r.gloss.error}` : ''}`,
      );
  }

  const g = score(results, 'gloss', pages);
  const rd = score(results, 'readability', pages);
  console.log(`\nDev set: ${pages.length} pages, scored with the benchmark's metric (4-token shingles)`);
  console.log(`${'class'.padEnd(24)}${'pages'.padStart(6)}   Gloss  P      R      F1     Readability P  R      F1`);
  const line = (name: string, a: SetScore, b: SetScore) =>
    console.log(
      `${name.padEnd(24)}${String(a.pages).padStart(6)}   ${pct(a.precision)} ${pct(a.recall)} ${pct(a.f1)}   ${pct(b.precision)} ${pct(b.recall)} ${pct(b.f1)}${a.f1 + 1e-9 < b.f1 ? '   (below Readability)' : ''}`,
    );
  line('all', g, rd);
  const classes = Array.from(new Set(results.flatMap((r) => r.classes))).sort();
  let classBelow = 0;
  for (const c of classes) {
    const sub = results.filter((r) => r.classes.includes(c));
    const a = score(sub, 'gloss', pages);
    const b = score(sub, 'readability', pages);
    if (a.f1 + 1e-9 < b.f1) classBelow++;
    line(`  ${c}`, a, b);
  }
  const better = results.filter((r) => pageF1(r.gloss.counts) > pageF1(r.readability.counts) + 0.005).length;
  const worse = results.filter((r) => pageF1(r.gloss.counts) + 0.005 < pageF1(r.readability.counts)).length;
  console.log(`pages better than Readability: ${better}, worse: ${worse}`);

  const emptyWhereReadabilityFinds = results.filter(
    (r) => r.gloss.text.trim() === '' && r.readability.text.trim() !== '',
  );
  const gMs = median(results.map((r) => r.gloss.ms));
  const rMs = median(results.map((r) => r.readability.ms));
  const perPageRatio = median(results.map((r) => r.gloss.ms / r.readability.ms));
  console.log(
    `time per page: Gloss median ${gMs.toFixed(1)} ms, Readability ${rMs.toFixed(1)} ms: ratio ${(gMs / rMs).toFixed(2)}× (median of per-page ratios ${perPageRatio.toFixed(2)}×)`,
  );
  const gCpu = median(results.map((r) => r.gloss.cpuMs));
  const rCpu = median(results.map((r) => r.readability.cpuMs));
  console.log(
    `CPU time per page (this process, all threads): Gloss median ${gCpu.toFixed(1)} ms, Readability ${rCpu.toFixed(1)} ms: ratio ${(gCpu / rCpu).toFixed(2)}×`,
  );
  if (flag('--no-memory') < 0) {
    // A subset keeps the whole bench inside its time slot; retained memory shows up within a few dozen pages.
    const memoryPages = pages.slice(0, flag('--memory-pages') >= 0 ? Number(argv[flag('--memory-pages') + 1]) : 30);
    const mg = await memoryPass(memoryPages, (p) => glossText(p.html, p.url));
    const mr = await memoryPass(memoryPages, (p) => readabilityText(p.html, p.url));
    console.log(
      `memory: heap allocated per page (median) Gloss ${mg.peakMb.toFixed(1)} MB, Readability ${mr.peakMb.toFixed(1)} MB; ` +
        `retained after ${memoryPages.length} pages Gloss ${mg.retainedMb.toFixed(1)} MB (${((mg.retainedMb * 1024) / memoryPages.length).toFixed(0)} KB/page), ` +
        `Readability ${mr.retainedMb.toFixed(1)} MB${gc ? '' : ' (no --expose-gc: approximate)'}`,
    );
  }

  const targets: Array<[string, boolean]> = [
    [`dev-set F1 ${f3(g.f1)} ≥ 0.975`, g.f1 >= 0.975],
    [`no page class below Readability (${classBelow} below)`, classBelow === 0],
    [
      `no empty clip where Readability finds text (${emptyWhereReadabilityFinds.length}: ${emptyWhereReadabilityFinds.map((r) => r.id.slice(0, 8)).join(', ') || 'none'})`,
      emptyWhereReadabilityFinds.length === 0,
    ],
    [`median time ${(gMs / rMs).toFixed(2)}× ≤ 1.2× Readability`, gMs / rMs <= 1.2],
  ];
  for (const [what, ok] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  return { pass: targets.every(([, ok]) => ok) };
}

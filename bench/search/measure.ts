/**
 * Timing and memory helpers for the benchmarks.
 */
import os from 'node:os';

/** Runs a full garbage collection when node was started with --expose-gc (the bench scripts do). */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap in use after a full collection, in bytes. */
export function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Milliseconds `work` takes. */
export async function time(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Milliseconds `work` takes, and the longest stretch in it during which the event loop could not run a
 * timer (what a window would feel as a freeze if this ran in Electron's main process).
 */
export async function timeWithPauses(work: () => unknown): Promise<{ ms: number; longestPause: number }> {
  let last = performance.now();
  let longestPause = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longestPause = Math.max(longestPause, now - last);
    last = now;
  }, 1);
  const ms = await time(work);
  clearInterval(tick);
  longestPause = Math.max(longestPause, performance.now() - last);
  return { ms, longestPause };
}

/** The machine's 1-minute load average and core count, as a reading's context (other work skews timings). */
export function machineLoad(): string {
  return `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`;
}

/** The p-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Formats milliseconds for a table: 3 significant digits. */
export function ms(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toPrecision(3)} ms`;
}

/** Formats bytes as MB. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Prints rows as an aligned text table. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

/**
 * `npm run bench:cli`: how fast the built `gloss` command starts. `gloss list` on an empty library and on a
 * generated 10k-clip library (bench/scale/generate.ts), each run interleaved with `node -e 0` (the floor any
 * Node command pays) so that load from other work hits both alike. Targets: ≤ 200 ms empty, ≤ 400 ms at 10k.
 *
 * The verdict uses each command's best run (the one least disturbed by other processes); the median and the
 * ratio to `node -e 0` are printed beside it, with the machine's load.
 *
 * The large library is bench:scale's (`<tmp>/gloss-scale/library-<N>`) when that run left one; otherwise one
 * is generated for this run.
 *
 * Options: --runs N (default 9), --clips N (default 10000), --keep (leave the generated library in place).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCli } from '../../scripts/buildCli.mjs';
import { generateLibrary } from '../scale/generate';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    clips: { type: 'string', default: '10000' },
    keep: { type: 'boolean' },
  },
});
const RUNS = Number(values.runs);
const CLIPS = Number(values.clips);

/**
 * CPU time (user + system, ms) of this process's finished children so far, from /proc (Linux; 10 ms ticks),
 * or NaN elsewhere: unlike wall time it hardly moves with the load of other work on the machine.
 */
function childrenCpuMs(): number {
  try {
    // Fields after the command's closing parenthesis; cutime and cstime are the 14th and 15th of them.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Wall time and CPU time of one process run to its exit, in ms; throws if it fails. */
function timed(args: string[]): { wall: number; cpu: number } {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return { wall, cpu: childrenCpuMs() - cpuBefore };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);

/** Runs `gloss list` on `library` beside `node -e 0`, RUNS times each, interleaved; prints and judges. */
function measure(label: string, cli: string, library: string, targetMs: number): boolean {
  const node: { wall: number; cpu: number }[] = [];
  const gloss: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(timed(['-e', '0']));
    gloss.push(timed([cli, '--library', library, 'list']));
  }
  const wall = (runs: typeof node) => runs.map((r) => r.wall);
  const cpu = (runs: typeof node) => `CPU median ${ms(median(runs.map((r) => r.cpu)))}`;
  const best = Math.min(...wall(gloss));
  const pass = best <= targetMs;
  console.log(`\n${label}  (${RUNS} runs each, load ${loadavg()[0]!.toFixed(1)})`);
  console.log(`  node -e 0     best ${ms(Math.min(...wall(node)))}   median ${ms(median(wall(node)))}   ${cpu(node)}`);
  console.log(
    `  gloss list    best ${ms(best)}   median ${ms(median(wall(gloss)))}   ${cpu(gloss)}   ` +
      `${(median(wall(gloss)) / median(wall(node))).toFixed(1)}× node -e 0   target ≤ ${targetMs} ms: ${pass ? 'PASS' : 'FAIL'}`,
  );
  return pass;
}

const cli = await buildCli();
console.log(`gloss list start-up (node ${process.version}, ${cli})`);

const empty = await mkdtemp(join(tmpdir(), 'gloss-bench-cli-empty-'));
// bench:scale's library of this size, kept between its runs (it marks it `.generated` when complete).
const shared = join(tmpdir(), 'gloss-scale', `library-${CLIPS}`);
const reuse = await stat(join(shared, '.generated')).then(
  () => true,
  () => false,
);
const big = reuse ? shared : await mkdtemp(join(tmpdir(), `gloss-bench-cli-${CLIPS}-`));
let ok = false;
try {
  timed([cli, '--library', empty, 'list']); // creates the empty library
  const emptyOk = measure('Empty library', cli, empty, 200);

  if (reuse) console.log(`\nUsing bench:scale's library ${big}`);
  else {
    const started = performance.now();
    const generated = await generateLibrary(big, { clips: CLIPS });
    console.log(`\nGenerated ${generated.clips} clips, ${generated.highlights} highlights in ${big}`);
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const first = timed([cli, '--library', big, 'list']).wall; // reads every clip if no catalogue file was saved yet
  console.log(`  first gloss list (saves the catalogue file if it was missing or behind): ${ms(first)}`);
  const bigOk = measure(`${CLIPS} clips`, cli, big, 400);
  ok = emptyOk && bigOk;
} finally {
  await rm(empty, { recursive: true, force: true });
  if (!values.keep && !reuse) await rm(big, { recursive: true, force: true });
}
console.log(`\n${ok ? 'PASS' : 'FAIL'}`);
process.exitCode = ok ? 0 : 1;

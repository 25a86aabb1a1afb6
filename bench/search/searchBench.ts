/**
 * The search benchmark: Gloss, FlexSearch and SQLite FTS5 on the same generated archive in one run —
 * build, save, load (and its longest event-loop pause), memory, as-you-type latency per kind of query,
 * one incremental update, typo recall, prefix recall against a full scan, and a top-hit sanity check.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { foldTerm, tokenize } from '../../src/core/search/terms';
import { flexEngine, ftsEngine, glossEngine, type Engine } from './engines';
import { generateArchive, type BenchArticle } from './generate';
import { gc, machineLoad, mb, ms, percentile, table, time, timeWithPauses } from './measure';
import { makeQueries, type QueryKind, type QuerySet } from './queries';

interface Row {
  name: string;
  build: number;
  save: number;
  bytes: number;
  load: number;
  loadPause: number;
  /** Heap and array buffers in use after the load, less what was in use before the engine. */
  memory: number;
  p50: number;
  p95: number;
  /** p95 of the CPU time each query took (the process's user + system time): its cost without the waits for a core. */
  cpuP95: number;
  /** p95 of one timing per query (the first round's), as the benchmark measured before it took medians. */
  singleP95: number;
  perKind: Map<QueryKind, number>;
  timedQueries: number;
  bare: { p95: number } | null;
  update: number | null;
  typos: number;
  tops: string[][];
}

/**
 * Each query is timed this many times, in rounds through the whole set, and its median counts: one timing
 * of a query of a millisecond or two is at the mercy of a garbage collection or a moment without a core.
 */
const ROUNDS = 3;
/** Time each engine may spend answering the timed queries (a round stops early when it is up). */
const QUERY_BUDGET_MS = 90_000;
const KINDS: QueryKind[] = ['prefix', 'typo', 'two words', 'filter', 'filter only', 'phrase'];

const parseSize = (s: string) => Math.round(Number(s.replace(/k$/i, '')) * (/k$/i.test(s) ? 1000 : 1));

/** Heap plus array buffers (typed arrays live outside the heap), after a full collection. */
function memoryInUse(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function measureEngine(
  engine: Engine,
  articles: BenchArticle[],
  dir: string,
  queries: QuerySet,
  warmUp: QuerySet,
): Promise<Row> {
  const before = memoryInUse();
  const build = await time(() => engine.build(articles));
  let bytes = 0;
  const save = await time(async () => (bytes = await engine.save(dir)));
  gc();
  const load = await timeWithPauses(() => engine.load(dir));
  const memory = memoryInUse() - before;
  // Warm-up: a set of queries of the same kinds but other words (another seed), untimed, so that the timed
  // queries meet compiled code but no answer or expansion of their own remembered.
  for (const q of warmUp.shuffled) await engine.search(q.query);
  // Rounds through the set in the same shuffled order for every engine; between two rounds one article is
  // re-indexed (as when a clip changes), which also empties what Gloss remembers of typed words, so every
  // round starts as cold as the first.
  const runs = queries.shuffled.map((q) => ({ kind: q.kind, ms: [] as number[], cpu: [] as number[] }));
  const until = Date.now() + QUERY_BUDGET_MS;
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) engine.update?.(reindexed(articles[round]!, round));
    for (const [i, q] of queries.shuffled.entries()) {
      if (Date.now() > until) break;
      const before = process.cpuUsage();
      const ms = await time(() => engine.search(q.query));
      const used = process.cpuUsage(before);
      runs[i]!.ms.push(ms);
      runs[i]!.cpu.push((used.user + used.system) / 1000);
    }
  }
  const times = runs
    .filter((r) => r.ms.length > 0)
    .map((r) => ({ kind: r.kind, ms: percentile(r.ms, 50), cpu: percentile(r.cpu, 50), first: r.ms[0]! }));
  const all = times.map((t) => t.ms);
  const perKind = new Map(
    KINDS.map((k) => [
      k,
      percentile(
        times.filter((t) => t.kind === k).map((t) => t.ms),
        95,
      ),
    ]),
  );
  let bare: Row['bare'] = null;
  if (engine.searchWithoutSnippets) {
    // One timing per query, after a change (no expansion remembered from the rounds).
    engine.update?.(reindexed(articles[ROUNDS]!, ROUNDS));
    const plain: number[] = [];
    for (const q of queries.shuffled.slice(0, times.length))
      plain.push(await time(() => engine.searchWithoutSnippets!(q.query)));
    bare = { p95: percentile(plain, 95) };
  }
  // A typo is answered when a hit holds the word meant.
  const byId = new Map(articles.map((a) => [a.id, a]));
  let typos = 0;
  for (const q of queries.all.filter((x) => x.kind === 'typo')) {
    const hits = await engine.search(q.query);
    if (hits.some((id) => wordsOf(byId.get(id)!).has(q.meant!))) typos++;
  }
  let update: number | null = null;
  if (engine.update) {
    const updates: number[] = [];
    for (let i = 0; i < 21; i++) {
      const a = articles[(i * 7919) % articles.length]!;
      updates.push(await time(() => engine.update!(reindexed(a, i))));
    }
    update = percentile(updates, 50);
  }
  const tops: string[][] = [];
  for (const word of queries.exact) tops.push((await engine.search(word)).slice(0, 10));
  return {
    name: engine.name,
    build,
    save,
    bytes,
    load: load.ms,
    loadPause: load.longestPause,
    memory,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    cpuP95: percentile(
      times.map((t) => t.cpu),
      95,
    ),
    perKind,
    singleP95: percentile(
      times.map((t) => t.first),
      95,
    ),
    timedQueries: times.length,
    bare,
    update,
    typos,
    tops,
  };
}

/** An article as changed by its reader: a revised title and a paragraph more. */
function reindexed(a: BenchArticle, revision: number): BenchArticle {
  return { ...a, title: `${a.title} revised`, text: `${a.text}\n\nAn added paragraph, revision ${revision}.` };
}

const wordCache = new Map<string, Set<string>>();
/** The folded words of an article and its highlights (memoised). */
function wordsOf(a: BenchArticle): Set<string> {
  let words = wordCache.get(a.id);
  if (!words) {
    const text = [a.title, a.byline, a.site, a.text, ...a.highlights.flatMap((h) => [h.quote, h.note])].join(' ');
    wordCache.set(a.id, (words = new Set(tokenize(text).map(foldTerm))));
  }
  return words;
}

/**
 * For each of `prefixes`, the documents (articles and highlights) holding a word that begins with it,
 * counted by reading every document: what Gloss's exact totals must equal.
 */
function fullScanCounts(articles: BenchArticle[], prefixes: string[]): Map<string, number> {
  const counts = new Map(prefixes.map((p) => [p, 0]));
  const lengths = [...new Set(prefixes.map((p) => p.length))];
  const scan = (text: string) => {
    const seen = new Set<string>();
    for (const w of tokenize(text)) {
      const term = foldTerm(w);
      for (const n of lengths) if (term.length >= n && counts.has(term.slice(0, n))) seen.add(term.slice(0, n));
    }
    for (const p of seen) counts.set(p, counts.get(p)! + 1);
  };
  for (const a of articles) {
    scan(`${a.title} ${a.byline} ${a.site} ${a.text}`);
    for (const h of a.highlights) scan(`${h.quote} ${h.note}`);
  }
  return counts;
}

/** Share of Gloss's top-10 hits that the other engine also has in its top 10, over the exact-word queries. */
function overlap(gloss: string[][], other: string[][]): number {
  let shared = 0;
  let total = 0;
  gloss.forEach((top, i) => {
    const theirs = new Set(other[i]);
    total += top.length;
    shared += top.filter((id) => theirs.has(id)).length;
  });
  return total ? shared / total : 1;
}

async function runSize(count: number, glossOnly: boolean): Promise<void> {
  const started = Date.now();
  const archive = generateArchive(count);
  const byId = new Map(archive.articles.map((a) => [a.id, a]));
  const queries = makeQueries(archive);
  const warmUp = makeQueries(archive, 11);
  const words = archive.articles.reduce((n, a) => n + a.text.split(' ').length, 0);
  const kinds = KINDS.map((k) => `${queries.all.filter((q) => q.kind === k).length} ${k}`).join(', ');
  console.log(
    `\n## ${count.toLocaleString('en')} articles (${(words / 1e6).toFixed(1)}M words, ${archive.articles.reduce((n, a) => n + a.highlights.length, 0)} highlights; generated in ${((Date.now() - started) / 1000).toFixed(1)} s)\nqueries: ${kinds}`,
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-bench-'));
  const rows: Row[] = [];
  const recall = { equal: 0, of: 0, found: 0, scanned: 0 };
  try {
    const gloss = glossEngine(byId);
    const engines: Engine[] = glossOnly ? [gloss] : [gloss, ftsEngine(byId, dir), flexEngine(byId)];
    for (const engine of engines) {
      rows.push(await measureEngine(engine, archive.articles, dir, queries, warmUp));
      process.stdout.write(`  measured ${engine.name} (${machineLoad()})\n`);
      if (engine === gloss) {
        // Prefix recall: Gloss's exact total against a scan of every document, for 2–4-letter beginnings.
        const prefixes = [
          ...new Set(queries.all.filter((q) => q.kind === 'prefix' && q.query.length <= 4).map((q) => q.query)),
        ];
        const scanned = fullScanCounts(archive.articles, prefixes);
        recall.of = prefixes.length;
        for (const p of prefixes) {
          const total = await gloss.count!(p);
          recall.found += total;
          recall.scanned += scanned.get(p)!;
          if (total === scanned.get(p)) recall.equal++;
        }
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const g = rows[0]!;
  const ratio = (v: number | null, base: number | null) =>
    v === null || base === null ? '' : ` (${(v / base).toFixed(1)}×)`;
  console.log(
    '\n' +
      table([
        [
          'engine',
          'build',
          'save',
          'size on disk',
          'load (longest pause)',
          'memory',
          'queries',
          'p50',
          'p95',
          'update',
          'typos',
        ],
        ...rows.map((r) => [
          r.name,
          ms(r.build),
          ms(r.save),
          mb(r.bytes) + ratio(r.bytes, g.bytes),
          `${ms(r.load)} (${ms(r.loadPause)})`,
          mb(r.memory) + ratio(r.memory, g.memory),
          `${r.timedQueries}/${queries.shuffled.length}`,
          ms(r.p50) + ratio(r.p50, g.p50),
          ms(r.p95) + ratio(r.p95, g.p95),
          r.update === null ? 'n/a' : ms(r.update),
          `${r.typos}/30`,
        ]),
      ]),
  );
  console.log(
    '\np95 per kind of query\n' +
      table([
        ['engine', ...KINDS],
        ...rows.map((r) => [
          r.name,
          ...KINDS.map((k) => ms(r.perKind.get(k)!) + ratio(r.perKind.get(k)!, g.perKind.get(k)!)),
        ]),
      ]),
  );
  console.log('(ratios are engine ÷ Gloss; Gloss makes snippets, the peers return ids only; FlexSearch searches a');
  console.log(" phrase's words, and the peers apply filters to their hits or, for filters alone, to every article)");
  console.log(
    `(each query's time is the median of ${ROUNDS} rounds through the set, after a warm-up with other queries of the same kinds; p95 of one timing per query, the first round's: ${rows.map((r) => `${r.name} ${ms(r.singleP95)}`).join(', ')})`,
  );
  if (g.bare) console.log(`Gloss without snippets: p95 ${ms(g.bare.p95)} (one timing per query)`);
  console.log(
    `CPU time per query (the process's, so a loaded machine's waits for a core are left out), p95: ${rows.map((r) => `${r.name} ${ms(r.cpuP95)}${ratio(r.cpuP95, g.cpuP95)}`).join(', ')}`,
  );
  for (const r of rows.slice(1)) {
    console.log(
      `Gloss/${r.name}: p95 ${(g.p95 / r.p95).toFixed(2)}; quality: ${r.name} has ${(overlap(g.tops, r.tops) * 100).toFixed(0)} % of Gloss's top-10 hits for ${queries.exact.length} exact words`,
    );
  }
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const worst = Math.max(...KINDS.map((k) => g.perKind.get(k)!));
  const targets =
    count >= 50_000
      ? [
          [g.p95 <= 10, `p95 ${ms(g.p95)} ≤ 10 ms`],
          [g.memory <= 500 * 1024 * 1024, `memory ${mb(g.memory)} ≤ 500 MiB`],
          [g.load <= 1000, `load ${ms(g.load)} ≤ 1 s`],
          [g.loadPause <= 30, `longest pause while loading ${ms(g.loadPause)} ≤ 30 ms`],
          [(g.update ?? Infinity) <= 5, `incremental update ${ms(g.update)} ≤ 5 ms (median of 21)`],
        ]
      : [
          [g.p95 <= 3, `p95 ${ms(g.p95)} ≤ 3 ms`],
          [worst <= 6, `slowest kind's p95 ${ms(worst)} ≤ 6 ms`],
          [g.loadPause <= 30, `longest pause while loading ${ms(g.loadPause)} ≤ 30 ms`],
          [(g.update ?? Infinity) <= 5, `incremental update ${ms(g.update)} ≤ 5 ms (median of 21)`],
        ];
  const at =
    count === 10_000 || count === 50_000
      ? ''
      : ` (targets are set for 10k and 50k; this is ${count.toLocaleString('en')})`;
  for (const [ok, what] of targets) console.log(`${pass(ok as boolean)} ${what as string}${at}`);
  console.log(`${pass(g.typos >= 26)} typo recall ${g.typos}/30 ≥ 26/30`);
  console.log(
    `${pass(recall.equal === recall.of)} prefix recall: ${recall.equal}/${recall.of} beginnings of 2–4 letters count what a full scan finds (${recall.found} of ${recall.scanned} documents)`,
  );
  console.log(`(${machineLoad()}; size done in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/**
 * Runs the search benchmark on 1k and 10k articles; `--50k` adds 50k (a long run), `--sizes 1k,10k,50k`
 * picks the sizes, `--gloss-only` leaves the peers out (a quick check of Gloss alone).
 */
export async function runSearchBench(argv: string[]): Promise<void> {
  const at = argv.indexOf('--sizes');
  const chosen = at >= 0 ? (argv[at + 1] ?? '') : argv.includes('--50k') ? '1k,10k,50k' : '1k,10k';
  const sizes = chosen.split(',').filter(Boolean).map(parseSize);
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('note: run with node --expose-gc for accurate memory numbers (npm run bench:search does)');
  console.log(`# Search benchmark — node ${process.version}, ${machineLoad()} at start`);
  for (const size of sizes) await runSize(size, argv.includes('--gloss-only'));
}

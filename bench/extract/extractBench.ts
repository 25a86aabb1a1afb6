/**
 * `npm run bench:extract`: the Gloss clipping pipeline (extractFromHtml, in-thread) and plain Readability over jsdom,
 * first on the shared dev set of real pages (devBench.ts: the published metric, time, memory, targets), then on
 * every synthetic page in `pages/` as regression cases, scored against the page's expected article text (token
 * precision, recall, F1). `--synthetic` or `--dev` runs one half only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractFromHtml } from '../../src/core/clipper';
import { runDevBench } from './devBench';
import { score, type Score } from './measure';

const PAGES = join(import.meta.dirname, 'pages');
const URL_BASE = 'https://example.org/articles/';

function readability(html: string, url: string): string {
  const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  return new Readability(doc).parse()?.textContent ?? '';
}

function gloss(html: string, url: string): string {
  try {
    return extractFromHtml(html, { url, origin: 'html' }).text;
  } catch {
    return '';
  }
}

const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
const row = (name: string, a: Score, b: Score) =>
  `${name.padEnd(22)} ${pct(a.precision)} ${pct(a.recall)} ${pct(a.f1)}   ${pct(b.precision)} ${pct(b.recall)} ${pct(b.f1)}`;
const mean = (scores: Score[]): Score => ({
  precision: scores.reduce((s, x) => s + x.precision, 0) / scores.length,
  recall: scores.reduce((s, x) => s + x.recall, 0) / scores.length,
  f1: scores.reduce((s, x) => s + x.f1, 0) / scores.length,
});

/** Runs the benchmark and prints the table; returns the mean scores. */
export async function runExtractBench(argv: string[] = []): Promise<{ gloss: Score; readability: Score } | null> {
  if (!argv.includes('--synthetic')) await runDevBench(argv);
  if (argv.includes('--dev')) return null;
  console.log('\nSynthetic regression pages (bench/extract/pages), token P/R/F1:');
  const names = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort();
  console.log(
    `${'page'.padEnd(22)} ${'Gloss'.padStart(5)}  P     R     F1   ${'Readability'.padStart(11)}  P     R     F1`,
  );
  const g: Score[] = [];
  const r: Score[] = [];
  for (const file of names) {
    const html = readFileSync(join(PAGES, file), 'utf8');
    const expected = readFileSync(join(PAGES, file.replace(/\.html$/, '.expected.txt')), 'utf8');
    const url = URL_BASE + file.replace(/\.html$/, '');
    g.push(score(gloss(html, url), expected));
    r.push(score(readability(html, url), expected));
    console.log(row(file.replace(/\.html$/, ''), g.at(-1)!, r.at(-1)!));
  }
  const totals = { gloss: mean(g), readability: mean(r) };
  console.log(row(`mean of ${names.length}`, totals.gloss, totals.readability));
  return totals;
}

if (process.argv[1]?.endsWith('extractBench.ts')) await runExtractBench(process.argv.slice(2));

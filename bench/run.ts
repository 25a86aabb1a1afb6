/**
 * `npm run bench`: every benchmark in turn, with its default sizes (a few minutes on two cores).
 * Add a benchmark by adding its runner here.
 */
import { runExtractBench } from './extract/extractBench';
import { runSearchBench } from './search/searchBench';
import { runWordsBench } from './words/wordsBench';

const BENCHES: Array<[string, (argv: string[]) => Promise<unknown>]> = [
  ['search', runSearchBench],
  ['extract', runExtractBench],
  ['words', runWordsBench],
];

for (const [name, run] of BENCHES) {
  console.log(`\n=== bench: ${name} ===`);
  await run(process.argv.slice(2));
}

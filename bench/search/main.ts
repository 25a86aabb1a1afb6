/** `npm run bench:search` (1k and 10k) `[-- --50k]` (adds 50k) `[-- --sizes 1k,10k,50k]` */
import { runSearchBench } from './searchBench';

await runSearchBench(process.argv.slice(2));

/** `npm run bench:search [-- --sizes 1k,10k,50k]` */
import { runSearchBench } from './searchBench';

await runSearchBench(process.argv.slice(2));

/**
 * `npm run bench:words`: word counting and search tokenising on long texts must stay linear in the text's
 * length (Node 20's Intl.Segmenter over one long string does not: 135 KB took 42 s). Prints ms per MB at
 * 128 KB, 1 MB and 4 MB beside the same run's peers (a plain regex word match, and one unsplit Segmenter
 * pass at 128 KB), and PASS when 4 MB costs at most 2× per MB what 128 KB does.
 */
import { countWords } from '../../src/core/article/text';
import { tokenize } from '../../src/core/search/terms';

const PARAGRAPH =
  'The surplus of four million, don’t forget it: 3.5 per cent of the harbour’s budget. Привет мир. 東京は日本の首都です。\n';

function textOf(bytes: number): string {
  return PARAGRAPH.repeat(Math.ceil(bytes / PARAGRAPH.length)).slice(0, bytes);
}

function msPerMb(bytes: number, run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / (bytes / (1024 * 1024));
}

function unsplitCount(text: string): number {
  let n = 0;
  for (const s of new Intl.Segmenter('und', { granularity: 'word' }).segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Runs the benchmark; returns whether the per-MB cost at 4 MB stayed within 2× of that at 128 KB. */
export async function runWordsBench(): Promise<boolean> {
  const small = 128 * 1024;
  const sizes = [small, 1024 * 1024, 4 * 1024 * 1024];
  const rows = sizes.map((bytes) => {
    const text = textOf(bytes);
    return {
      bytes,
      count: msPerMb(bytes, () => countWords(text)),
      tokenize: msPerMb(bytes, () => tokenize(text)),
      regex: msPerMb(bytes, () => text.match(/[\p{L}\p{N}]+/gu)),
    };
  });
  const unsplit = msPerMb(small, () => unsplitCount(textOf(small)));
  console.log('size      countWords  tokenize  regex (ms per MB)');
  for (const r of rows)
    console.log(
      `${(r.bytes / 1024).toFixed(0).padStart(5)} KB ${r.count.toFixed(0).padStart(10)} ${r.tokenize.toFixed(0).padStart(9)} ${r.regex.toFixed(0).padStart(6)}`,
    );
  console.log(`one unsplit Intl.Segmenter pass at 128 KB: ${unsplit.toFixed(0)} ms per MB`);
  const ratio = rows[rows.length - 1]!.count / rows[0]!.count;
  const pass = ratio <= 2;
  console.log(`${pass ? 'PASS' : 'FAIL'} countWords 4 MB / 128 KB cost per MB: ${ratio.toFixed(2)} (≤ 2)`);
  return pass;
}

if (process.argv[1]?.endsWith('wordsBench.ts')) await runWordsBench();

/**
 * The scoring published with the article-extraction benchmark (scrapinghub's article-extraction-benchmark),
 * reproduced exactly so numbers compare with its table: `\w+` tokens, case-sensitive, as a multiset of
 * 4-token shingles; per page TP/FP/FN normalised to sum to 1; precision and recall averaged over pages, and F1
 * the harmonic mean of the two means.
 */

/** Python's `\w+` tokens of `text`. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** The multiset of 4-token shingles of `text` (a text under 4 tokens is one shorter shingle). */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = wordTokens(text);
  const out = new Map<string, number>();
  const add = (s: string) => out.set(s, (out.get(s) ?? 0) + 1);
  if (tokens.length === 0) return out;
  if (tokens.length < n) add(tokens.join(' '));
  else for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join(' '));
  return out;
}

/** One page's normalised true positives, false positives and false negatives. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** TP/FP/FN of `prediction` against `truth`, normalised to sum to 1 (all zero when both are empty). */
export function pageCounts(prediction: string, truth: string): PageCounts {
  const want = shingles(truth);
  const got = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, c] of got) {
    const w = want.get(s) ?? 0;
    tp += Math.min(c, w);
    fp += Math.max(0, c - w);
  }
  for (const [s, w] of want) fn += Math.max(0, w - (got.get(s) ?? 0));
  const sum = tp + fp + fn;
  return sum ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** Precision, recall and F1 over pages, as the benchmark computes them. */
export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Aggregates per-page counts: mean precision over pages with a prediction, mean recall over pages with truth. */
export function setScore(pages: Array<{ counts: PageCounts; predicted: boolean; hasTruth: boolean }>): SetScore {
  const precisions = pages.filter((p) => p.predicted).map((p) => p.counts.tp / (p.counts.tp + p.counts.fp || 1));
  const recalls = pages.filter((p) => p.hasTruth).map((p) => p.counts.tp / (p.counts.tp + p.counts.fn || 1));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    pages: pages.length,
  };
}

/**
 * Token-level precision, recall and F1 of an extracted text against the expected article text, as in
 * the usual web-extraction benchmarks: words lowercased (Chinese and Japanese by character), compared as
 * bags, so order and whitespace do not count but every extra or missing word does.
 */

/** The words of `text`. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu))
    out.push(m[0]);
  return out;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of `got` against `expected` (empty against empty scores 1). */
export function score(got: string, expected: string): Score {
  const want = new Map<string, number>();
  for (const t of tokens(expected)) want.set(t, (want.get(t) ?? 0) + 1);
  const gotTokens = tokens(got);
  let overlap = 0;
  for (const t of gotTokens) {
    const left = want.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      want.set(t, left - 1);
    }
  }
  const wanted = tokens(expected).length;
  const precision = gotTokens.length ? overlap / gotTokens.length : wanted ? 0 : 1;
  const recall = wanted ? overlap / wanted : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

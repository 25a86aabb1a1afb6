/**
 * The re-anchoring mutation suite: hundreds of highlights on varied articles, each re-anchored after
 * realistic edits. Prints accuracy and false placements per edit kind; a highlight must never land on
 * other text than the passage it marked, and edits that keep the quote must place it (≥ 99 %).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../src/core/anchoring/anchor';
import { describeRange } from '../../src/core/anchoring/describe';
import type { EditKind, MutationCase } from '../fixtures/reanchorMutations';
import { EDIT_KINDS, KEEPS_QUOTE, mutationArticles, mutationCases } from '../fixtures/reanchorMutations';

const FIXTURES = join(import.meta.dirname, '../fixtures/clipper');

/** Overlap of two ranges over their union: 1 for the same range, 0 for disjoint ones. */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

type Outcome = 'correct' | 'orphaned' | 'false';

function judge(c: MutationCase): Outcome {
  const anchor = anchorSelectors(c.newText, describeRange(c.text, c.quote.start, c.quote.end));
  if (!anchor) return 'orphaned';
  if (c.kind === 'sentence-rewritten') {
    // Anywhere within the rewritten sentence is the intended passage; anywhere else is not.
    const inside = Math.max(0, Math.min(anchor.end, c.expected.end) - Math.max(anchor.start, c.expected.start));
    return inside >= (anchor.end - anchor.start) / 2 ? 'correct' : 'false';
  }
  return overlap(anchor, c.expected) >= 0.8 ? 'correct' : 'false';
}

describe('re-anchoring under realistic edits (mutation suite)', () => {
  const cases = mutationCases(mutationArticles(FIXTURES), 28);
  const tally = new Map<EditKind, Record<Outcome, number>>(
    EDIT_KINDS.map((k) => [k, { correct: 0, orphaned: 0, false: 0 }]),
  );
  const falses: string[] = [];
  for (const c of cases) {
    const outcome = judge(c);
    tally.get(c.kind)![outcome]++;
    if (outcome === 'false' && falses.length < 5)
      falses.push(`${c.kind} in ${c.article}: "${c.text.slice(c.quote.start, c.quote.end)}"`);
  }

  it('prints the table and covers at least 500 highlights', () => {
    const highlights = new Set(cases.map((c) => `${c.article}:${c.quote.start}:${c.quote.end}`)).size;
    const rows = [...tally].map(([kind, t]) => {
      const n = t.correct + t.orphaned + t.false;
      const pct = n ? ((100 * t.correct) / n).toFixed(1) : '–';
      return `${kind.padEnd(20)} ${String(n).padStart(5)} ${pct.padStart(7)}% ${String(t.orphaned).padStart(8)} ${String(t.false).padStart(6)}`;
    });
    console.log(
      [
        `${highlights} highlights, ${cases.length} edited cases`,
        `${'edit'.padEnd(20)} ${'cases'.padStart(5)} ${'correct'.padStart(8)} ${'orphaned'.padStart(8)} ${'false'.padStart(6)}`,
        ...rows,
      ].join('\n'),
    );
    expect(highlights).toBeGreaterThanOrEqual(500);
  });

  it('never places a highlight on text other than its passage', () => {
    expect(falses).toEqual([]);
  });

  it('places ≥ 99 % of highlights after edits that keep the quote', () => {
    let kept = 0;
    let correct = 0;
    for (const [kind, t] of tally) {
      if (!KEEPS_QUOTE.has(kind)) continue;
      kept += t.correct + t.orphaned + t.false;
      correct += t.correct;
    }
    expect(correct / kept).toBeGreaterThanOrEqual(0.99);
  });
});

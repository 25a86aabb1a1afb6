/**
 * Re-anchoring a clip's highlights onto its new text after the article was re-clipped or edited.
 */
import type { Highlight } from '../model';
import { anchorSelectors } from './anchor';

/** What re-anchoring made of a clip's highlights. */
export interface Reanchored {
  /** Every highlight, the placed ones with their TextPositionSelector pointing into the new text. */
  highlights: Highlight[];
  placed: number;
  /** Highlights that could not be placed with confidence: unchanged, so their stored quote stays as it was. */
  orphaned: Highlight[];
}

/**
 * Places every highlight on `text` with {@link anchorSelectors} (position, then quote with context, then
 * fuzzy). Placed highlights get their TextPositionSelector rewritten; the TextQuoteSelector (the original
 * quote and its context) is kept as it was, so a later edit is anchored against what the reader marked.
 * A highlight that cannot be placed is left untouched, which reads as orphaned, never moved to other text.
 */
export function reanchorHighlights(highlights: Highlight[], text: string, now: Date = new Date()): Reanchored {
  const orphaned: Highlight[] = [];
  let placed = 0;
  const next = highlights.map((h) => {
    const [quote, position] = h.target.selector;
    const anchor = anchorSelectors(text, h.target.selector);
    if (!anchor) {
      orphaned.push(h);
      return h;
    }
    placed++;
    if (anchor.start === position.start && anchor.end === position.end) return h;
    return {
      ...h,
      updatedAt: now.toISOString(),
      target: {
        ...h.target,
        selector: [quote, { type: 'TextPositionSelector', start: anchor.start, end: anchor.end }],
      },
    } satisfies Highlight;
  });
  return { highlights: next, placed, orphaned };
}

/**
 * Which painted highlight is under the pointer. Highlights are painted with the CSS Custom Highlight API, so
 * there is no element to hit: the point is turned into a text offset and matched against the anchors.
 */
import type { AnchoredHighlight } from '@core/model';
import { pointToOffset } from '../lib/textOffsets';

/** The highlight covering text offset `at`: the shortest of those that do (the innermost of overlaps). */
export function highlightAtOffset(highlights: readonly AnchoredHighlight[], at: number): AnchoredHighlight | undefined {
  return highlights
    .filter((h) => h.anchor && h.anchor.start <= at && at < h.anchor.end)
    .sort((a, b) => a.anchor!.end - a.anchor!.start - (b.anchor!.end - b.anchor!.start))[0];
}

/** The highlight painted under the window point (`x`, `y`) in `article`, if any. */
export function highlightAtPoint(
  article: HTMLElement,
  highlights: readonly AnchoredHighlight[],
  x: number,
  y: number,
): AnchoredHighlight | undefined {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (!caret || !article.contains(caret.offsetNode)) return undefined;
  return highlightAtOffset(highlights, pointToOffset(article, caret.offsetNode, caret.offset));
}

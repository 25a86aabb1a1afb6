/**
 * The text selected inside the reader's article, as trimmed text offsets plus where to show the highlight
 * toolbar, and whether a pointer is still down (the toolbar waits until the drag ends).
 */
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { offsetsToRange, rangeToOffsets, trimOffsets } from '../lib/textOffsets';

/** A selection in the article that could become a highlight. */
export interface PendingSelection {
  start: number;
  end: number;
  /** Over the first line of the selection, centred on the whole selection. */
  rect: DOMRect;
}

/**
 * Tracks the selection in `article` (only while `active`, i.e. once the clip is shown). `readSelection`
 * re-measures it (e.g. on scroll); `onPointerDown` goes on the scrolling area.
 */
export function useArticleSelection(article: RefObject<HTMLDivElement | null>, active: boolean) {
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const [pointerDown, setPointerDown] = useState(false);

  const readSelection = useCallback(
    () => setSelection(active && article.current ? measureSelection(article.current) : null),
    [article, active],
  );

  useEffect(() => {
    document.addEventListener('selectionchange', readSelection);
    return () => document.removeEventListener('selectionchange', readSelection);
  }, [readSelection]);

  useEffect(() => {
    const up = () => setPointerDown(false);
    window.addEventListener('pointerup', up);
    window.addEventListener('resize', readSelection);
    return () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('resize', readSelection);
    };
  }, [readSelection]);

  const onPointerDown = useCallback(() => setPointerDown(true), []);
  return { selection, setSelection, readSelection, pointerDown, onPointerDown };
}

/** The window's selection inside `article` as trimmed text offsets and where its toolbar goes, or null. */
export function measureSelection(article: HTMLElement): PendingSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer) && !range.intersectsNode(article)) return null;
  const raw = rangeToOffsets(article, range);
  const { start, end } = trimOffsets(article.textContent ?? '', raw.start, raw.end);
  if (end <= start) return null;
  const clipped = offsetsToRange(article, start, end) ?? range;
  const rects = clipped.getClientRects();
  const rect = rects.length ? (rects[0] as DOMRect) : clipped.getBoundingClientRect();
  const whole = clipped.getBoundingClientRect();
  // Anchor the toolbar over the first line of the selection, centred on the whole selection.
  return { start, end, rect: new DOMRect(whole.left, rect.top, whole.width, rect.height) };
}

/**
 * Paints highlights with the CSS Custom Highlight API: ranges are registered in `CSS.highlights` under one
 * name per colour and styled with `::highlight(gloss-<colour>)`. The article DOM is never touched, so text
 * offsets stay valid and overlapping highlights simply overlap.
 */
import type { AnchoredHighlight, HighlightColor } from '@core/model';
import { HIGHLIGHT_COLORS } from '@core/common/vocabulary';
import { offsetsToRange } from './textOffsets';

export const FLASH_NAME = 'gloss-flash';
/** The stepped fade of a flash: each name is styled a little fainter in CSS. */
const FLASH_STEPS = [FLASH_NAME, 'gloss-flash-2', 'gloss-flash-3', 'gloss-flash-4'];
const FLASH_HOLD_MS = 900;
const FLASH_STEP_MS = 140;

export function highlightName(color: HighlightColor): string {
  return `gloss-${color}`;
}

export function customHighlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Registers every placed highlight under its colour; returns each highlight's Range by id. */
export function paintHighlights(root: Node, highlights: readonly AnchoredHighlight[]): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const byColor = new Map<HighlightColor, Range[]>();
  for (const h of highlights) {
    if (!h.anchor) continue;
    const range = offsetsToRange(root, h.anchor.start, h.anchor.end);
    if (!range) continue;
    ranges.set(h.id, range);
    const list = byColor.get(h.color) ?? [];
    list.push(range);
    byColor.set(h.color, list);
  }
  if (customHighlightsSupported()) {
    for (const color of HIGHLIGHT_COLORS) {
      const list = byColor.get(color);
      const name = highlightName(color);
      if (list?.length) CSS.highlights.set(name, new Highlight(...list));
      else CSS.highlights.delete(name);
    }
  }
  return ranges;
}

/** Removes every highlight this module registered. */
export function clearHighlights(): void {
  if (!customHighlightsSupported()) return;
  for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
  for (const name of FLASH_STEPS) CSS.highlights.delete(name);
}

let flashTimers: number[] = [];

/** Briefly emphasises `range`, then fades it out in a few steps. */
export function flashRange(range: Range): void {
  if (!customHighlightsSupported()) return;
  for (const t of flashTimers) window.clearTimeout(t);
  flashTimers = [];
  for (const name of FLASH_STEPS) CSS.highlights.delete(name);
  const show = (i: number) => {
    for (const name of FLASH_STEPS) CSS.highlights.delete(name);
    const name = FLASH_STEPS[i];
    if (!name) return;
    const h = new Highlight(range);
    h.priority = 10;
    CSS.highlights.set(name, h);
  };
  show(0);
  FLASH_STEPS.forEach((_, i) => {
    if (i === 0) return;
    flashTimers.push(window.setTimeout(() => show(i), FLASH_HOLD_MS + (i - 1) * FLASH_STEP_MS));
  });
  flashTimers.push(
    window.setTimeout(() => show(FLASH_STEPS.length), FLASH_HOLD_MS + FLASH_STEPS.length * FLASH_STEP_MS),
  );
}

/** Scrolls `scroller` so that `range` sits about a third of the way down it. */
export function scrollRangeIntoView(scroller: HTMLElement, range: Range, behavior: ScrollBehavior = 'smooth'): void {
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0 && rect.top === 0) return;
  const target = scroller.scrollTop + (rect.top - box.top) - box.height / 3;
  scroller.scrollTo({ top: Math.max(0, target), behavior });
}

/**
 * The colour new highlights get: the last one picked, remembered across sessions in localStorage.
 */
import type { HighlightColor } from '@core/model';
import { HIGHLIGHT_COLORS } from '@core/common/vocabulary';

const COLOR_KEY = 'gloss.highlightColor';

/** The remembered highlight colour, or yellow when none (or an unknown one) is stored. */
export function initialColor(): HighlightColor {
  const saved = window.localStorage.getItem(COLOR_KEY);
  return (HIGHLIGHT_COLORS as readonly string[]).includes(saved ?? '') ? (saved as HighlightColor) : 'yellow';
}

/** Remembers `color` as the one the next session starts with. */
export function rememberColor(color: HighlightColor): void {
  window.localStorage.setItem(COLOR_KEY, color);
}

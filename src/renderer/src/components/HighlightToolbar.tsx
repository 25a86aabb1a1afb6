import type { HighlightColor } from '../../../core/model';
import { HIGHLIGHT_COLORS } from '../../../core/model';
import { HighlighterIcon, Spinner } from './Icons';

export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

const WIDTH = 264;
const HEIGHT = 40;
const GAP = 10;

/**
 * The small floating toolbar shown over a selection in the article. `rect` is the selection's
 * viewport rectangle. Pressing on it never takes the selection away (mousedown is cancelled).
 */
export function HighlightToolbar({
  rect,
  color,
  busy,
  onHighlight,
}: {
  rect: DOMRect;
  color: HighlightColor;
  busy: boolean;
  onHighlight: (color: HighlightColor) => void;
}) {
  const above = rect.top - HEIGHT - GAP > 8;
  const top = above ? rect.top - HEIGHT - GAP : rect.bottom + GAP;
  const centre = rect.left + rect.width / 2;
  const left = Math.min(Math.max(8, centre - WIDTH / 2), window.innerWidth - WIDTH - 8);
  return (
    <div
      className="highlight-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      style={{ top, left, width: WIDTH }}
      onMouseDown={(e) => e.preventDefault()}
    >
      <button
        type="button"
        className="toolbar-highlight"
        onClick={() => onHighlight(color)}
        disabled={busy}
        title="Highlight (H)"
      >
        {busy ? <Spinner /> : <HighlighterIcon size={15} />}
        Highlight
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="swatches" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch swatch-${c}`}
            aria-label={`Highlight in ${COLOR_LABELS[c].toLowerCase()}`}
            aria-pressed={c === color}
            title={COLOR_LABELS[c]}
            onClick={() => onHighlight(c)}
            disabled={busy}
          />
        ))}
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';
import type { HighlightColor } from '@core/model';
import { HIGHLIGHT_COLORS } from '@core/common/vocabulary';
import { CopyIcon, HighlighterIcon, NoteIcon, Spinner, TagIcon, TrashIcon } from './Icons';

export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

const HEIGHT = 40;
const GAP = 10;

/**
 * The small floating toolbar over a selection in the article (`existing` false: colours make a highlight)
 * or over a clicked highlight (`existing` true: colours recolour it, and it can be deleted). Note and tag
 * open the highlight's editors in the side panel (making the highlight first for a selection); copy puts
 * the quote with a citation line on the clipboard. Pressing on it never takes the selection away.
 */
export function HighlightToolbar({
  rect,
  color,
  busy,
  existing,
  onHighlight,
  onNote,
  onTag,
  onCopy,
  onDelete,
}: {
  rect: DOMRect;
  color: HighlightColor;
  busy: boolean;
  existing: boolean;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onTag: () => void;
  onCopy: () => void;
  onDelete?: () => void;
}) {
  const width = existing ? 292 : 376;
  const above = rect.top - HEIGHT - GAP > 8;
  // Kept inside the window even when the selection runs past its edge (a keyboard selection, a restored
  // scroll position): a toolbar off screen could not be used at all.
  const top = Math.min(
    Math.max(8, above ? rect.top - HEIGHT - GAP : rect.bottom + GAP),
    window.innerHeight - HEIGHT - 8,
  );
  const centre = rect.left + rect.width / 2;
  const left = Math.min(Math.max(8, centre - width / 2), window.innerWidth - width - 8);
  const tool = (label: string, icon: ReactNode, run: () => void, className = 'toolbar-icon') => (
    <button type="button" className={className} aria-label={label} title={label} onClick={run} disabled={busy}>
      {icon}
    </button>
  );
  return (
    <div
      className="highlight-toolbar"
      role="toolbar"
      aria-label={existing ? 'Highlight actions' : 'Highlight the selection'}
      style={{ top, left, width }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {!existing && (
        <>
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
        </>
      )}
      <div className="swatches" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch swatch-${c}`}
            aria-label={
              existing ? `Make it ${COLOR_LABELS[c].toLowerCase()}` : `Highlight in ${COLOR_LABELS[c].toLowerCase()}`
            }
            aria-pressed={c === color}
            title={COLOR_LABELS[c]}
            onClick={() => onHighlight(c)}
            disabled={busy}
          />
        ))}
      </div>
      <span className="toolbar-sep" aria-hidden="true" />
      {tool('Add note', <NoteIcon size={15} />, onNote)}
      {tool('Add tag', <TagIcon size={15} />, onTag)}
      {tool('Copy quote with citation', <CopyIcon size={15} />, onCopy)}
      {onDelete && tool('Delete highlight', <TrashIcon size={15} />, onDelete, 'toolbar-icon danger')}
    </div>
  );
}

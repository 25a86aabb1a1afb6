import type { AnchoredHighlight, HighlightColor } from '@core/model';
import { plural } from '../lib/format';
import { useAfterFirstPaint } from '../lib/useAfterFirstPaint';
import type { Ref, RefObject } from 'react';
import type { EditKind, ReaderState } from '../reader/readerState';
import { HighlightItem } from './HighlightItem';

/** A change to a highlight from the panel: colour, note (plain text with its rich Lexical JSON) or tags. */
export interface HighlightPatch {
  color?: HighlightColor;
  note?: string;
  noteDoc?: Record<string, unknown> | null;
  tags?: string[];
}

/** Highlights in reading order, orphans last. */
export function byPosition(a: AnchoredHighlight, b: AnchoredHighlight): number {
  if (a.anchor && b.anchor) return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end;
  if (a.anchor) return -1;
  if (b.anchor) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}

/** What the panel passes on to each item unchanged: the clip's title, the cards' elements, and the actions. */
export interface PanelShared {
  clipTitle: string;
  /** Each card's element by highlight id, kept up to date by the cards (the reader scrolls them into view). */
  items: RefObject<Map<string, HTMLElement>>;
  /** Opens (or, with `null`, closes) a highlight's note or tag editor. */
  onEdit: (h: AnchoredHighlight, what: EditKind | null) => void;
  tagSuggestions: string[];
  onJump: (h: AnchoredHighlight) => void;
  onDelete: (h: AnchoredHighlight) => void;
  onUpdate: (h: AnchoredHighlight, patch: HighlightPatch) => void;
  onCopy: (h: AnchoredHighlight) => void;
}

/**
 * The reader's side panel: the clip's highlights in reading order, orphans last. Its cards (most of the
 * reader's elements, a rich-text view per note) are drawn once the article has been painted.
 */
export function HighlightPanel({
  highlights,
  activeId,
  editing,
  ref,
  ...shared
}: PanelShared & {
  highlights: AnchoredHighlight[];
  activeId: string | null;
  editing: ReaderState['editing'];
  /** The panel's element (it takes the focus itself when it has no card to focus). */
  ref?: Ref<HTMLElement>;
}) {
  const ready = useAfterFirstPaint();
  const sorted = [...highlights].sort(byPosition);
  return (
    <aside className="highlight-panel" id="reader-highlights" aria-label="Highlights" ref={ref} tabIndex={-1}>
      <header className="panel-head">
        <h2>Highlights</h2>
        <span className="count">{highlights.length ? plural(highlights.length, 'highlight') : ''}</span>
      </header>
      {!ready ? (
        <div className="panel-pending" aria-busy="true" />
      ) : sorted.length === 0 ? (
        <div className="panel-empty">
          <p>No highlights yet.</p>
          <p className="muted">
            Select text in the article and choose <strong>Highlight</strong>, or press <kbd>H</kbd>.
          </p>
        </div>
      ) : (
        <ul className="hl-list">
          {sorted.map((h) => (
            <HighlightItem
              key={h.id}
              h={h}
              active={h.id === activeId}
              editing={editing?.id === h.id ? editing.what : null}
              {...shared}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}

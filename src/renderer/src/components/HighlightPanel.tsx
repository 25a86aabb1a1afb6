import { useState } from 'react';
import type { AnchoredHighlight, HighlightColor } from '../../../core/model';
import { HIGHLIGHT_COLORS } from '../../../core/model';
import { plural } from '../lib/format';
import { COLOR_LABELS } from './HighlightToolbar';
import { NoteIcon, TrashIcon } from './Icons';

function byPosition(a: AnchoredHighlight, b: AnchoredHighlight): number {
  if (a.anchor && b.anchor) return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end;
  if (a.anchor) return -1;
  if (b.anchor) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}

function NoteEditor({ initial, onSave, onCancel }: { initial: string; onSave: (note: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  return (
    <textarea
      className="note-editor"
      aria-label="Note"
      placeholder="Write a note…"
      value={value}
      autoFocus
      rows={3}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => (value !== initial ? onSave(value) : onCancel())}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          onSave(value);
        }
      }}
    />
  );
}

function HighlightItem({
  h,
  active,
  onJump,
  onDelete,
  onUpdate,
}: {
  h: AnchoredHighlight;
  active: boolean;
  onJump: (h: AnchoredHighlight) => void;
  onDelete: (h: AnchoredHighlight) => void;
  onUpdate: (h: AnchoredHighlight, patch: { color?: HighlightColor; note?: string }) => void;
}) {
  const [editing, setEditing] = useState(false);
  const quote = h.target.selector[0].exact;
  const orphan = !h.anchor;
  return (
    <li className={`hl-item hl-${h.color}${orphan ? ' orphan' : ''}${active ? ' active' : ''}`} data-highlight-id={h.id}>
      <button
        type="button"
        className="hl-quote"
        onClick={() => onJump(h)}
        disabled={orphan}
        title={orphan ? undefined : 'Show in the article'}
      >
        <span className="hl-bar" aria-hidden="true" />
        <span className="hl-text">{quote}</span>
      </button>
      {orphan && <p className="hl-orphan">Couldn’t be placed in the current text</p>}
      {editing ? (
        <NoteEditor
          initial={h.note}
          onCancel={() => setEditing(false)}
          onSave={(note) => {
            setEditing(false);
            onUpdate(h, { note });
          }}
        />
      ) : (
        h.note && (
          <p className="hl-note" onDoubleClick={() => setEditing(true)}>
            {h.note}
          </p>
        )
      )}
      <div className="hl-actions">
        <div className="hl-colors" role="group" aria-label="Colour">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`mini-swatch swatch-${c}`}
              aria-label={COLOR_LABELS[c]}
              aria-pressed={c === h.color}
              title={COLOR_LABELS[c]}
              onClick={() => c !== h.color && onUpdate(h, { color: c })}
            />
          ))}
        </div>
        <button type="button" className="icon-button small" aria-label={h.note ? 'Edit note' : 'Add note'} title={h.note ? 'Edit note' : 'Add note'} onClick={() => setEditing(true)}>
          <NoteIcon size={14} />
        </button>
        <button type="button" className="icon-button small danger" aria-label="Delete highlight" title="Delete highlight" onClick={() => onDelete(h)}>
          <TrashIcon size={14} />
        </button>
      </div>
    </li>
  );
}

/** The reader's side panel: the clip's highlights in reading order, orphans last. */
export function HighlightPanel({
  highlights,
  activeId,
  onJump,
  onDelete,
  onUpdate,
}: {
  highlights: AnchoredHighlight[];
  activeId: string | null;
  onJump: (h: AnchoredHighlight) => void;
  onDelete: (h: AnchoredHighlight) => void;
  onUpdate: (h: AnchoredHighlight, patch: { color?: HighlightColor; note?: string }) => void;
}) {
  const sorted = [...highlights].sort(byPosition);
  return (
    <aside className="highlight-panel" aria-label="Highlights">
      <header className="panel-head">
        <h2>Highlights</h2>
        <span className="count">{highlights.length ? plural(highlights.length, 'highlight') : ''}</span>
      </header>
      {sorted.length === 0 ? (
        <div className="panel-empty">
          <p>No highlights yet.</p>
          <p className="muted">
            Select text in the article and choose <strong>Highlight</strong>, or press <kbd>H</kbd>.
          </p>
        </div>
      ) : (
        <ul className="hl-list">
          {sorted.map((h) => (
            <HighlightItem key={h.id} h={h} active={h.id === activeId} onJump={onJump} onDelete={onDelete} onUpdate={onUpdate} />
          ))}
        </ul>
      )}
    </aside>
  );
}

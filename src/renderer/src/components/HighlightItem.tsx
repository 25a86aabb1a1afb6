import '../styles/annotate.css';
import { useCallback } from 'react';
import type { AnchoredHighlight } from '@core/model';
import { HIGHLIGHT_COLORS } from '@core/common/vocabulary';
import { NoteEditor } from '../notes/NoteEditor';
import { NoteView } from '../notes/NoteView';
import { COLOR_LABELS } from './HighlightToolbar';
import { CopyIcon, NoteIcon, TagIcon, TrashIcon } from './Icons';
import { IconButton } from './IconButton';
import { TagEditor } from './TagEditor';
import type { PanelShared } from './HighlightPanel';
import type { EditKind } from '../reader/readerState';

/** The drag type of a highlight dragged out of the panel (dropped into a notebook page as a quote block). */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-gloss-highlight';

/** One highlight in the side panel: its quote (jump to it), rich note, tags and actions. */
export function HighlightItem({
  h,
  active,
  editing,
  clipTitle,
  items,
  onEdit,
  tagSuggestions,
  onJump,
  onDelete,
  onUpdate,
  onCopy,
}: PanelShared & { h: AnchoredHighlight; active: boolean; editing: EditKind | null }) {
  const id = h.id;
  // The reader finds the card through `items` to scroll it into view.
  const itemRef = useCallback(
    (el: HTMLLIElement | null) => {
      if (!el) return;
      items.current.set(id, el);
      return () => void items.current.delete(id);
    },
    [items, id],
  );
  const setEditing = (what: EditKind | null) => onEdit(h, what);
  const quote = h.target.selector[0].exact;
  const orphan = !h.anchor;
  const tags = h.tags ?? [];
  return (
    <li
      className={`hl-item hl-${h.color}${orphan ? ' orphan' : ''}${active ? ' active' : ''}`}
      data-highlight-id={h.id}
      ref={itemRef}
      draggable={editing === null}
      onDragStart={(e) => {
        e.dataTransfer.setData(
          HIGHLIGHT_DRAG_TYPE,
          JSON.stringify({
            clipId: h.clipId,
            highlightId: h.id,
            quote,
            title: clipTitle,
            note: h.note,
            noteDoc: h.noteDoc,
          }),
        );
        e.dataTransfer.setData('text/plain', quote);
      }}
    >
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
      {editing === 'note' ? (
        <NoteEditor
          doc={h.noteDoc}
          text={h.note}
          onSave={(value) => onUpdate(h, value)}
          onClose={() => setEditing(null)}
        />
      ) : (
        h.note && <NoteView key={h.updatedAt} doc={h.noteDoc} text={h.note} onEdit={() => setEditing('note')} />
      )}
      {editing === 'tags' || tags.length > 0 ? (
        <div className="hl-tags">
          {editing === 'tags' ? (
            <TagEditor
              values={tags}
              suggestions={tagSuggestions}
              label="Tags"
              placeholder="Add a tag…"
              autoFocus
              onChange={(next) => onUpdate(h, { tags: next })}
              onDone={() => setEditing(null)}
            />
          ) : (
            tags.map((t) => (
              <span key={t} className="tag-chip" onDoubleClick={() => setEditing('tags')}>
                {t}
              </span>
            ))
          )}
        </div>
      ) : null}
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
        <IconButton label={h.note ? 'Edit note' : 'Add note'} className="small" onClick={() => setEditing('note')}>
          <NoteIcon size={14} />
        </IconButton>
        <IconButton label="Tags" className="small" onClick={() => setEditing('tags')}>
          <TagIcon size={14} />
        </IconButton>
        <IconButton label="Copy quote with citation" className="small" onClick={() => onCopy(h)}>
          <CopyIcon size={14} />
        </IconButton>
        <IconButton label="Delete highlight" className="small danger" onClick={() => onDelete(h)}>
          <TrashIcon size={14} />
        </IconButton>
      </div>
    </li>
  );
}

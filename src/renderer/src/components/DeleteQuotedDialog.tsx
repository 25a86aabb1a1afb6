import type { Backlink } from '@core/notebook/types';
import { Modal } from './Modal';
import '../styles/notebookTrash.css';

/**
 * Asked before deleting a clip that notebook pages quote: which pages quote it, and that the quotes keep
 * their copy (and offer Restore) while the clip waits in the Trash.
 */
export function DeleteQuotedDialog({
  title,
  pages,
  onKeep,
  onDelete,
}: {
  title: string;
  pages: Backlink[];
  onKeep: () => void;
  onDelete: () => void;
}) {
  return (
    <Modal label="Delete a quoted clip" className="modal delete-quoted" onClose={onKeep}>
      <div className="modal-head">
        <h2>Delete “{title}”?</h2>
      </div>
      <p>{pages.length === 1 ? 'A notebook page quotes' : `${pages.length} notebook pages quote`} this clip:</p>
      <ul className="quoted-pages">
        {pages.map((p) => (
          <li key={p.pageId}>
            {p.pageTitle || 'Untitled page'} ({p.highlightIds.length} {p.highlightIds.length === 1 ? 'quote' : 'quotes'}
            )
          </li>
        ))}
      </ul>
      <p className="muted">
        The clip goes to the Trash. Its quotes keep their text and offer Restore until you erase it.
      </p>
      <div className="dialog-foot">
        <button type="button" className="button" onClick={onKeep} autoFocus>
          Keep
        </button>
        <button type="button" className="button danger" onClick={onDelete}>
          Move to Trash
        </button>
      </div>
    </Modal>
  );
}

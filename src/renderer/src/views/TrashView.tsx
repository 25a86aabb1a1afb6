import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TrashItem } from '@core/trash/types';
import { DocIcon, NotebookIcon, Spinner, TrashIcon } from '../components/Icons';
import { errorMessage, formatDate } from '../lib/format';
import { useReportError } from '../lib/report';
import '../styles/notebookTrash.css';

const KIND_LABEL: Record<TrashItem['kind'], string> = { clip: 'Clip', page: 'Notebook page', file: 'Set-aside file' };

/**
 * The library's trash: deleted clips (restore, or delete forever), deleted pages and set-aside copies
 * (delete forever), and Empty trash. Erasing always asks first; nothing else in Gloss erases.
 */
export function TrashView({ onRestored }: { onRestored: (clipId: string) => void }) {
  const report = useReportError();
  const [items, setItems] = useState<TrashItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | 'all' | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      window.gloss.listTrash().then(
        (list) => {
          setItems(list);
          setError(null);
        },
        (e) => setError(errorMessage(e)),
      ),
    [],
  );
  useEffect(() => void load(), [load]);

  async function act(run: () => Promise<unknown>, what: string) {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      report(what, e);
    } finally {
      setBusy(false);
      setConfirming(null);
      await load();
    }
  }

  const restore = (item: TrashItem) =>
    act(async () => {
      await window.gloss.restoreClip(item.itemId);
      onRestored(item.itemId);
    }, 'Couldn’t restore the clip');

  return (
    <section className="trash-view" aria-label="Trash">
      <header className="trash-head">
        <h1>Trash</h1>
        {items &&
          items.length > 0 &&
          (confirming === 'all' ? (
            <EraseConfirm
              label="Confirm emptying the trash"
              question={`Erase all ${items.length} items for good?`}
              busy={busy}
              onKeep={() => setConfirming(null)}
              onErase={() => void act(() => window.gloss.purgeTrash({}), 'Couldn’t empty the trash')}
            >
              {busy && <Spinner />} Empty trash
            </EraseConfirm>
          ) : (
            <button type="button" className="button small" onClick={() => setConfirming('all')}>
              <TrashIcon size={14} /> Empty trash…
            </button>
          ))}
      </header>
      <p className="muted">
        Deleted clips and pages wait here until you erase them. Restoring a clip brings back its highlights, and the
        notebook quotes that cite it.
      </p>
      {error && <p className="error-text">{error}</p>}
      {!items && !error && <Spinner />}
      {items?.length === 0 && <p className="empty-note">The trash is empty.</p>}
      {items && items.length > 0 && (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.id} className="trash-row" data-trash-id={item.id}>
              {item.kind === 'page' ? <NotebookIcon size={18} /> : <DocIcon size={18} />}
              <div className="trash-row-main">
                <span className="trash-row-title">{item.title}</span>
                <span className="trash-row-meta">
                  {[
                    KIND_LABEL[item.kind],
                    item.site,
                    item.highlightCount > 0 &&
                      `${item.highlightCount} highlight${item.highlightCount === 1 ? '' : 's'}`,
                    `deleted ${formatDate(item.deletedAt)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <div className="trash-row-actions">
                {confirming === item.id ? (
                  <EraseConfirm
                    label={`Confirm erasing ${item.title}`}
                    question="Erase for good?"
                    busy={busy}
                    onKeep={() => setConfirming(null)}
                    onErase={() => void act(() => window.gloss.purgeTrash({ id: item.id }), 'Couldn’t erase the item')}
                  >
                    Delete forever
                  </EraseConfirm>
                ) : (
                  <>
                    {item.kind === 'clip' && (
                      <button type="button" className="button small" disabled={busy} onClick={() => void restore(item)}>
                        Restore
                      </button>
                    )}
                    <button
                      type="button"
                      className="button small"
                      disabled={busy}
                      aria-label={`Delete ${item.title} forever`}
                      onClick={() => setConfirming(item.id)}
                    >
                      Delete forever…
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The inline "erase for good?" question with Keep (focused first) and the danger button that erases. */
function EraseConfirm(props: {
  label: string;
  question: string;
  busy: boolean;
  onKeep: () => void;
  onErase: () => void;
  children: ReactNode;
}) {
  return (
    <div className="trash-confirm" role="group" aria-label={props.label}>
      <span>{props.question}</span>
      <button type="button" className="button small" onClick={props.onKeep} autoFocus>
        Keep
      </button>
      <button type="button" className="button small danger" disabled={props.busy} onClick={props.onErase}>
        {props.children}
      </button>
    </div>
  );
}

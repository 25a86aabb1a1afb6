import { useEffect, useState } from 'react';
import type { Backlink } from '@core/notebook/types';
import { BackIcon, HighlighterIcon, Spinner, TrashIcon } from '../components/Icons';
import { IconButton } from '../components/IconButton';
import { ReaderPrefsButton } from '../components/ReaderPrefsButton';
import { useReportError } from '../lib/report';
import { menuPosition, useOpenContextMenu } from '../lib/useContextMenus';

/**
 * The reader's top bar: the way back, reading preferences, "Update text", citing, the highlights drawer
 * (narrow windows) and deleting the clip behind an inline Keep/Delete confirmation that names the notebook
 * pages quoting it. In a narrow window "Update text" and "Cite" move into a "More" menu. `confirming` is the
 * reader's, so Escape can tell a confirmation is open.
 */
export function ReaderTopBar({
  clipId,
  backLabel,
  onBack,
  confirming,
  setConfirming,
  onUpdateText,
  onCite,
  highlightCount,
  drawerOpen,
  onToggleDrawer,
  onDeleted,
}: {
  clipId: string;
  backLabel: string;
  onBack: () => void;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
  /** Absent for a clip whose text cannot be replaced (a PDF's text is its file's). */
  onUpdateText?: () => void;
  onCite: () => void;
  highlightCount: number;
  drawerOpen: boolean;
  onToggleDrawer: () => void;
  /** Called once the clip has been deleted. */
  onDeleted: () => void;
}) {
  const report = useReportError();
  const openMenu = useOpenContextMenu();
  const [deleting, setDeleting] = useState(false);
  const [quotedIn, setQuotedIn] = useState<Backlink[]>([]);

  useEffect(() => {
    if (!confirming) return;
    let live = true;
    window.gloss.getBacklinks(clipId).then(
      (links) => live && setQuotedIn(links),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [confirming, clipId]);

  async function deleteClip() {
    setDeleting(true);
    try {
      await window.gloss.deleteClip(clipId);
      onDeleted();
    } catch (e) {
      setDeleting(false);
      setConfirming(false);
      report('Couldn’t delete the clip', e);
    }
  }

  const pages = quotedIn.map((p) => `“${p.pageTitle || 'Untitled page'}”`).join(', ');
  return (
    <div className="reader-top">
      <ReaderBackButton label={backLabel} onBack={onBack} />
      <div className="reader-actions">
        {!confirming && (
          <>
            <ReaderPrefsButton />
            {onUpdateText && (
              <button type="button" className="button small wide-only" onClick={onUpdateText}>
                Update text
              </button>
            )}
            <button type="button" className="button small wide-only" onClick={onCite}>
              Cite…
            </button>
            <button
              type="button"
              className="button small narrow-only"
              aria-haspopup="menu"
              onClick={(e) =>
                openMenu({
                  ...menuPosition(e.nativeEvent, e.currentTarget),
                  label: 'More',
                  items: [
                    ...(onUpdateText ? [{ label: 'Update text…', run: onUpdateText }] : []),
                    { label: 'Cite…', run: onCite },
                  ],
                })
              }
            >
              More…
            </button>
            <button
              type="button"
              className="button small drawer-toggle"
              aria-expanded={drawerOpen}
              aria-controls="reader-highlights"
              onClick={onToggleDrawer}
            >
              <HighlighterIcon size={14} /> {highlightCount}
              <span className="visually-hidden"> highlights</span>
            </button>
          </>
        )}
        {confirming ? (
          <div className="confirm" role="group" aria-label="Confirm deletion">
            <span>
              {quotedIn.length > 0
                ? `Quoted in ${pages}. Move this clip to the Trash? The quotes keep their copy.`
                : 'Delete this clip and its highlights?'}
            </span>
            <button
              type="button"
              className="button small"
              onClick={() => setConfirming(false)}
              disabled={deleting}
              autoFocus
            >
              Keep
            </button>
            <button type="button" className="button small danger" onClick={() => void deleteClip()} disabled={deleting}>
              {deleting && <Spinner />}
              Delete
            </button>
          </div>
        ) : (
          <IconButton label="Delete clip" onClick={() => setConfirming(true)}>
            <TrashIcon />
          </IconButton>
        )}
      </div>
    </div>
  );
}

/** The reader's "← Library" (or wherever the reader was opened from) button. */
export function ReaderBackButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <button type="button" className="back-button" onClick={onBack}>
      <BackIcon /> {label}
    </button>
  );
}

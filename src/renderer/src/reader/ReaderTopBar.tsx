import { useState } from 'react';
import { BackIcon, Spinner, TrashIcon } from '../components/Icons';
import { ReaderPrefsButton } from '../components/ReaderPrefsButton';
import { useReportError } from '../lib/report';

/**
 * The reader's top bar: the way back, reading preferences, "Update text", and deleting the clip behind an
 * inline Keep/Delete confirmation. `confirming` is the reader's, so Escape can tell a confirmation is open.
 */
export function ReaderTopBar({
  clipId,
  backLabel,
  onBack,
  confirming,
  setConfirming,
  onUpdateText,
  onDeleted,
}: {
  clipId: string;
  backLabel: string;
  onBack: () => void;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
  onUpdateText: () => void;
  /** Called once the clip has been deleted. */
  onDeleted: () => void;
}) {
  const report = useReportError();
  const [deleting, setDeleting] = useState(false);

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

  return (
    <div className="reader-top">
      <ReaderBackButton label={backLabel} onBack={onBack} />
      <div className="reader-actions">
        <ReaderPrefsButton />
        {confirming ? (
          <div className="confirm" role="group" aria-label="Confirm deletion">
            <span>Delete this clip and its highlights?</span>
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
          <button type="button" className="button small" onClick={onUpdateText}>
            Update text
          </button>
        )}
        {!confirming && (
          <button
            type="button"
            className="icon-button"
            aria-label="Delete clip"
            title="Delete clip"
            onClick={() => setConfirming(true)}
          >
            <TrashIcon />
          </button>
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

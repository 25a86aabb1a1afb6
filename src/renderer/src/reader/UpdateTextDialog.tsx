import { useState } from 'react';
import type { ReanchorReport } from '@core/model';
import { Spinner } from '../components/Icons';
import { Modal } from '../components/Modal';
import { errorMessage, isWebUrl, plural } from '../lib/format';

/**
 * Replaces a clip's text: paste an edited version, or fetch the web page again. Every highlight is
 * re-anchored by the core; the result says how many stayed and how many could not be placed.
 */
export function UpdateTextDialog({
  clipId,
  url,
  onDone,
  onClose,
}: {
  clipId: string;
  url: string | null;
  onDone: (report: ReanchorReport) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<ReanchorReport>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call());
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Modal label="Update the article’s text" className="update-dialog" onClose={onClose} canClose={!busy}>
      <h2>Update the article’s text</h2>
      <p className="muted">
        Highlights are placed again on the new text; any that can’t be found are listed, never moved to other words.
      </p>
      <textarea
        className="update-text"
        aria-label="New article text"
        placeholder="Paste the article’s new text…"
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="update-actions">
        {isWebUrl(url) && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => window.gloss.reclip({ id: clipId }))}
          >
            Fetch the page again
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy || !text.trim()}
          onClick={() => void run(() => window.gloss.updateClipContent({ id: clipId, text }))}
        >
          {busy && <Spinner />} Replace text
        </button>
      </div>
    </Modal>
  );
}

/** The sentence shown after an update: how many highlights stayed, how many are orphaned. */
export function reanchorSummary(report: ReanchorReport): string {
  const kept = `${plural(report.placed, 'highlight')} kept in place`;
  return report.orphaned.length
    ? `${kept}; ${plural(report.orphaned.length, 'highlight')} couldn’t be placed and ${report.orphaned.length === 1 ? 'is' : 'are'} listed as orphaned.`
    : `${kept}.`;
}

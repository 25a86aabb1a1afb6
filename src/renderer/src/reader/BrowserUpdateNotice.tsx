import { useCallback, useEffect, useState } from 'react';
import type { BrowserUpdateInfo } from '@core/endpoint/types';
import type { ReanchorReport } from '@core/model';
import { useReportError } from '../lib/report';

/**
 * "Updated from the browser": a new version of this clip that the bookmarklet sent waits here, never applied
 * on its own (the page it came from may be hostile and may hold the bookmarklet's secret). The notice names
 * where it came from and when; Compare lists the paragraphs it removes and adds; Apply puts it in place
 * (highlights re-anchored), Discard drops it. Checked when the clip opens and whenever the window regains
 * focus (the person comes back from the browser).
 */
export function BrowserUpdateNotice({
  clipId,
  version,
  onApplied,
}: {
  clipId: string;
  /** Changes when the clip was reloaded, to check again. */
  version: unknown;
  onApplied: (report: ReanchorReport) => void;
}) {
  const report = useReportError();
  const [update, setUpdate] = useState<BrowserUpdateInfo | null>(null);
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState(false);

  const check = useCallback(
    () =>
      void window.gloss
        .getBrowserUpdate({ id: clipId })
        .then(setUpdate, (e) => report('Couldn’t check for an update from the browser', e)),
    [clipId, report],
  );

  useEffect(() => {
    check();
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [check, version]);

  if (!update) return null;
  const from = update.origin ?? 'a page that did not say where it was';
  const when = new Date(update.receivedAt).toLocaleString();

  const act = (apply: boolean) => {
    setBusy(true);
    const done = apply
      ? window.gloss.applyBrowserUpdate({ id: clipId }).then(onApplied)
      : window.gloss.discardBrowserUpdate({ id: clipId });
    void done.then(
      () => {
        setUpdate(null);
        setComparing(false);
        setBusy(false);
      },
      (e) => {
        setBusy(false);
        report(apply ? 'Couldn’t apply the update' : 'Couldn’t discard the update', e);
      },
    );
  };

  return (
    <section className="browser-update" role="region" aria-label="Updated from the browser">
      <p>
        <strong>Updated from the browser</strong> — a new version of this article was sent from <code>{from}</code> on{' '}
        {when}. Nothing has changed yet: compare it, then apply or discard it.
      </p>
      <div className="browser-update-actions">
        <button type="button" className="button" aria-expanded={comparing} onClick={() => setComparing((c) => !c)}>
          {comparing ? 'Hide comparison' : 'Compare'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => act(true)}>
          Apply update
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => act(false)}>
          Discard
        </button>
      </div>
      {comparing && (
        <div className="browser-update-diff">
          {update.changed === 0 && <p>The text is the same; only the page around it differs.</p>}
          {update.removed.length > 0 && (
            <>
              <h3>Removed ({update.removed.length})</h3>
              <ul>
                {update.removed.map((p, i) => (
                  <li key={i}>
                    <del>{p}</del>
                  </li>
                ))}
              </ul>
            </>
          )}
          {update.added.length > 0 && (
            <>
              <h3>Added ({update.added.length})</h3>
              <ul>
                {update.added.map((p, i) => (
                  <li key={i}>
                    <ins>{p}</ins>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

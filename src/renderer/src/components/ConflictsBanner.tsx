import { useState } from 'react';
import type { LibraryConflict, SyncTool } from '@core/model';
import { WarningIcon } from './Icons';

const TOOL_NAMES: Record<SyncTool, string> = {
  dropbox: 'Dropbox',
  syncthing: 'Syncthing',
  'google-drive': 'Google Drive',
  onedrive: 'OneDrive',
};

/**
 * Offers both versions of each clip file a sync tool duplicated, and keeps the one the person picks;
 * the core moves the other to the library's trash.
 */
export function ConflictsBanner({ conflicts, onResolved }: { conflicts: LibraryConflict[]; onResolved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!conflicts.length) return null;

  async function keep(conflict: LibraryConflict, which: 'current' | 'conflict') {
    setBusy(true);
    setError(null);
    try {
      await window.gloss.resolveConflict({ clipId: conflict.clipId, file: conflict.conflict, keep: which });
      onResolved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const version = (conflict: LibraryConflict, which: 'current' | 'conflict', label: string) => {
    const file = which === 'current' ? conflict.current : conflict.conflict;
    return (
      <span className="conflict-version">
        {label} <code className="problem-file">{file}</code>{' '}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          aria-label={`Keep ${file}`}
          onClick={() => void keep(conflict, which)}
        >
          Keep this one
        </button>
      </span>
    );
  };

  return (
    <section className="problems-banner" role="status" aria-label="Sync conflicts">
      <div className="problems-head">
        <WarningIcon size={18} />
        <p className="problems-summary">
          {conflicts.length === 1
            ? 'A sync tool left two versions of a file in your library. Choose the one to keep; the other goes to the trash.'
            : `Sync tools left two versions of ${conflicts.length} files in your library. Choose the ones to keep; the others go to the trash.`}
        </p>
      </div>
      <ul className="problems-list">
        {conflicts.map((c) => (
          <li key={c.conflict}>
            <span className="problem-reason">
              {c.file} of clip {c.clipId}, copied by {TOOL_NAMES[c.tool]}:
            </span>
            {version(c, 'current', 'In use:')}
            {version(c, 'conflict', 'Other:')}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

import { IMPORT_CHOICES } from '../lib/jobActions';
import { useJobsContext } from '../lib/jobsContext';
import type { JobImportSource } from '@core/jobs/types';

const SOURCES = Object.keys(IMPORT_CHOICES) as JobImportSource[];

/**
 * Settings' Library section: where the library lives, and the long work on it (move, back up, restore,
 * export, import, rebuild search), each started with the native dialogs and followed in the jobs panel.
 */
export function LibrarySettings({ libraryPath, onReveal }: { libraryPath: string | null; onReveal: () => void }) {
  const { runJob } = useJobsContext();
  return (
    <section className="settings-section" aria-labelledby="settings-library">
      <h2 id="settings-library">Library</h2>
      <p className="settings-help">
        Your clips are plain files in this folder. Back it up or sync it like any other folder.
      </p>
      <div className="settings-path-row">
        <code className="settings-path">{libraryPath ?? '…'}</code>
        <button type="button" className="button" onClick={onReveal}>
          Open folder
        </button>
        <button type="button" className="button" onClick={() => runJob({ kind: 'move' })}>
          Move…
        </button>
      </div>
      <p className="settings-help">
        Moving copies every file to an empty folder and checks each copy before Gloss switches to it; the old folder
        stays as it was until you remove it. (GLOSS_LIBRARY, when set, still decides where Gloss starts.)
      </p>
      <div className="library-actions" role="group" aria-label="Backup">
        <span className="library-actions-label">Backup</span>
        <button type="button" className="button" onClick={() => runJob({ kind: 'backup' })}>
          Back up…
        </button>
        <button type="button" className="button" onClick={() => runJob({ kind: 'restore' })}>
          Restore…
        </button>
      </div>
      <div className="library-actions" role="group" aria-label="Export">
        <span className="library-actions-label">Export</span>
        <button type="button" className="button" onClick={() => runJob({ kind: 'export' })}>
          Export as Markdown…
        </button>
      </div>
      <div className="library-actions" role="group" aria-label="Import">
        <span className="library-actions-label">Import</span>
        {SOURCES.map((source) => (
          <button key={source} type="button" className="button" onClick={() => runJob({ kind: 'import', source })}>
            {IMPORT_CHOICES[source].label}…
          </button>
        ))}
      </div>
      <div className="library-actions" role="group" aria-label="Search index">
        <span className="library-actions-label">Search</span>
        <button type="button" className="button" onClick={() => runJob({ kind: 'reindex' })}>
          Rebuild search index
        </button>
      </div>
      <p className="settings-help">
        A backup is one file with every clip, highlight and page; restore it into an empty folder. Exports are
        Obsidian-ready Markdown. Imports report what they added, merged and skipped, and running one again adds nothing
        twice.
      </p>
    </section>
  );
}

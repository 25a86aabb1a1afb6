import type { DropJob } from '../lib/useFileDrop';

/** What happened to each dropped file or link: clipping, clipped (open it), or the core's reason it failed. */
export function DropProgress({ jobs, onOpen, onDismiss }: { jobs: DropJob[]; onOpen: (clipId: string) => void; onDismiss: () => void }) {
  if (jobs.length === 0) return null;
  const working = jobs.filter((j) => j.state === 'working').length;
  return (
    <section className="drop-progress" aria-label="Dropped files">
      <header className="drop-progress-head">
        <span role="status">{working ? `Clipping ${working} of ${jobs.length}…` : `${jobs.length} dropped`}</span>
        {!working && (
          <button type="button" className="button small" onClick={onDismiss}>
            Done
          </button>
        )}
      </header>
      <ul>
        {jobs.map((j) => (
          <li key={j.id} className={`drop-row drop-${j.state}`}>
            <span className="drop-name">{j.name}</span>
            {j.state === 'working' && <progress aria-label={`Clipping ${j.name}`} />}
            {j.state === 'done' && (
              <button type="button" className="link-button" onClick={() => onOpen(j.clipId!)}>
                Open “{j.message}”
              </button>
            )}
            {j.state === 'failed' && <span className="error-text">{j.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

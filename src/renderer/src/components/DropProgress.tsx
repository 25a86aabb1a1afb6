import type { OnDuplicate } from '@core/api';
import type { DropJob } from '../lib/useFileDrop';
import { DuplicateOffer } from './DuplicateOffer';

/**
 * What happened to each dropped file or link: clipping, clipped (open it), already in the library (update it
 * or keep both), or the core's reason it failed.
 */
export function DropProgress({
  jobs,
  onOpen,
  onChoose,
  onDismiss,
}: {
  jobs: DropJob[];
  onOpen: (clipId: string) => void;
  onChoose: (jobId: number, how: Exclude<OnDuplicate, 'ask'>) => void;
  onDismiss: () => void;
}) {
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
            {j.state === 'duplicate' && j.duplicate && (
              <DuplicateOffer choice={j.duplicate} busy={false} compact onChoose={(how) => onChoose(j.id, how)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

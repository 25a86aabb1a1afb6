import type { JobInfo } from '@core/jobs/types';

/**
 * One long job: its progress bar, what it is doing and Cancel while it runs; then what it did (with the
 * counts), or the error, and a button to close it. A restored backup offers to open it.
 */
export function JobProgress({
  job,
  onCancel,
  onDismiss,
  onOpenLibrary,
}: {
  job: JobInfo;
  onCancel: () => void;
  onDismiss: () => void;
  onOpenLibrary: (path: string) => void;
}) {
  const { title, state, progress, outcome, error } = job;
  const running = state === 'running';
  const counted = progress.total > 0;
  return (
    <article className={`job job-${state}`} aria-label={title}>
      <header className="job-head">
        <span className="job-title">{title}</span>
        {running ? (
          <button type="button" className="button small" onClick={onCancel} disabled={job.cancelling}>
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button type="button" className="button small" onClick={onDismiss} aria-label={`Close “${title}”`}>
            Close
          </button>
        )}
      </header>
      {running && (
        <>
          <progress
            className="job-bar"
            aria-label={`${title}: progress`}
            max={counted ? progress.total : undefined}
            value={counted ? progress.done : undefined}
          />
          <p className="job-label" role="status">
            {counted ? `${progress.done} of ${progress.total}` : 'Starting…'}
            {progress.label && ` · ${progress.label}`}
          </p>
        </>
      )}
      {outcome && (
        <p className="job-summary" role="status">
          {outcome.summary}
        </p>
      )}
      {state === 'cancelled' && !outcome && (
        <p className="job-summary" role="status">
          Cancelled. Nothing was left half-done.
        </p>
      )}
      {error && (
        <p className="error-text job-error" role="alert">
          {error.message}
        </p>
      )}
      {outcome?.details && outcome.details.length > 0 && (
        <details className="job-details">
          <summary>{outcome.details.length === 1 ? 'One note' : `${outcome.details.length} notes`}</summary>
          <ul>
            {outcome.details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {job.kind === 'restore' && state === 'done' && outcome?.path && (
        <button type="button" className="button primary small job-action" onClick={() => onOpenLibrary(outcome.path!)}>
          Open this library
        </button>
      )}
    </article>
  );
}

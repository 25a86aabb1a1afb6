import { Spinner, WarningIcon } from './Icons';

/** A long list that could not be read: why, and Try again. */
export function ListError({ what, error, onRetry }: { what: string; error: string; onRetry: () => void }) {
  return (
    <div className="empty-state">
      <WarningIcon size={28} />
      <h2>{what} couldn’t be loaded</h2>
      <p className="error-text">{error}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** A long list whose first page is on its way. */
export function ListLoading({ label }: { label: string }) {
  return (
    <div className="loading" aria-busy="true">
      <Spinner /> {label}
    </div>
  );
}

import type { OnDuplicate } from '@core/api';
import type { ExistingClip } from '@core/errors';
import { errorMessage, formatDate } from '../lib/format';

/** The clip a `duplicate` error names (the core sends it as data), or null for any other error. */
export function duplicateOf(error: unknown): ExistingClip | null {
  const e = error as { code?: string; existing?: ExistingClip } | null;
  return e?.code === 'duplicate' && e.existing ? e.existing : null;
}

/** What the app shows for a `duplicate` error: the core's message and the choice, worded for buttons. */
export interface DuplicateChoice {
  message: string;
  existing: ExistingClip;
}

/** The {@link DuplicateChoice} for `error`, or null when it is not a `duplicate` error. */
export function duplicateChoice(error: unknown): DuplicateChoice | null {
  const existing = duplicateOf(error);
  return existing ? { message: errorMessage(error), existing } : null;
}

/**
 * The choice offered when an article is already in the library: update that clip (its highlights are kept
 * and re-anchored) or keep both. Used by the clip dialog and by the rows of dropped files.
 */
export function DuplicateOffer({
  choice,
  busy,
  compact = false,
  onChoose,
}: {
  choice: DuplicateChoice;
  busy: boolean;
  compact?: boolean;
  onChoose: (how: Exclude<OnDuplicate, 'ask'>) => void;
}) {
  return (
    <div className={compact ? 'duplicate-offer compact' : 'duplicate-offer'} role="status">
      <p>
        “{choice.existing.title}” is already in your library (clipped {formatDate(choice.existing.clippedAt)}). Update
        it (its highlights are kept) or keep both?
      </p>
      <div className="duplicate-actions">
        <button
          type="button"
          className={compact ? 'button small primary' : 'button primary'}
          onClick={() => onChoose('update')}
          disabled={busy}
        >
          Update existing (keeps highlights)
        </button>
        <button
          type="button"
          className={compact ? 'button small' : 'button'}
          onClick={() => onChoose('copy')}
          disabled={busy}
        >
          Keep both
        </button>
      </div>
    </div>
  );
}

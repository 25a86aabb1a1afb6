import { useState } from 'react';
import type { ClipSummary, LibraryProblem } from '@core/model';
import { formatDate, plural } from '../lib/format';
import { CloseIcon, WarningIcon } from './Icons';
import { QuarantinedClipActions } from './QuarantinedClipActions';

/**
 * Tells the person that some library files could not be read and where they went; a clip set aside whole
 * can be repaired or restored from here (`onFixed` refreshes the library and this list).
 */
export function ProblemsBanner({
  problems,
  onDismiss,
  onFixed,
}: {
  problems: LibraryProblem[];
  onDismiss: () => void;
  onFixed: (clip: ClipSummary) => void;
}) {
  const [open, setOpen] = useState(false);
  if (!problems.length) return null;
  const n = problems.length;
  return (
    <section className="problems-banner" role="status" aria-label="Library problems">
      <div className="problems-head">
        <WarningIcon size={18} />
        <p className="problems-summary">
          {n === 1
            ? '1 file in your library could not be read and was moved to quarantine.'
            : `${plural(n, 'file')} in your library could not be read and were moved to quarantine.`}
        </p>
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide details' : 'Details'}
        </button>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon size={14} />
        </button>
      </div>
      {open && (
        <ul className="problems-list">
          {problems.map((p) => (
            <li key={`${p.file}|${p.quarantinedAs}`}>
              <code className="problem-file">{p.file}</code>
              <span className="problem-reason">{p.reason}</span>
              <span className="problem-where">
                {p.quarantinedAs ? (
                  <>
                    Moved to <code>{p.quarantinedAs}</code>
                  </>
                ) : (
                  'Left where it is'
                )}
                {p.at ? ` on ${formatDate(p.at)}` : ''}
              </span>
              {p.clipId && p.quarantinedAs && <QuarantinedClipActions problem={p} onFixed={onFixed} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

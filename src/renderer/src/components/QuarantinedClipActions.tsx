import { useState } from 'react';
import type { ClipRepairPlan, ClipSummary, LibraryProblem } from '@core/model';
import { errorMessage, formatDate, plural } from '../lib/format';
import { useNotify } from '../lib/notify';
import { Spinner } from './Icons';
import { Modal } from './Modal';

/** The details the repair dialog lists, in this order, with their labels. */
const SHOWN: Array<[keyof ClipRepairPlan['meta'], string]> = [
  ['title', 'Title'],
  ['byline', 'Author'],
  ['site', 'Site'],
  ['url', 'Address'],
  ['published', 'Published'],
  ['clippedAt', 'Clipped'],
  ['words', 'Words'],
  ['tags', 'Tags'],
  ['collections', 'Collections'],
];

const SOURCE_LABELS: Record<string, string> = {
  'meta.json': 'from the damaged file',
  catalogue: 'from the library’s catalogue',
  'search index': 'from the search index',
  highlights: 'from the highlights',
  article: 'from the article',
  'clip id': 'from the clip’s id',
  default: 'not recovered',
};

function shown(key: keyof ClipRepairPlan['meta'], value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (key === 'clippedAt' || key === 'published') return formatDate(String(value));
  return String(value);
}

/**
 * The way back for a clip whose folder is in quarantine: "Repair…" shows the details rebuilt from what could
 * be read and where each came from, and brings the clip back once confirmed; "Restore as is" takes it back
 * after its meta.json was fixed by hand, or says what is still wrong. `onFixed` refreshes the library.
 */
export function QuarantinedClipActions({
  problem,
  onFixed,
}: {
  problem: LibraryProblem;
  onFixed: (clip: ClipSummary) => void;
}) {
  const notify = useNotify();
  const [busy, setBusy] = useState<'plan' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<ClipRepairPlan | null>(null);
  const input = { quarantinedAs: problem.quarantinedAs };

  const run = async (what: 'plan' | 'restore') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'plan') setPlan(await window.gloss.planClipRepair(input));
      else {
        const clip = await window.gloss.restoreQuarantinedClip(input);
        notify({ title: 'Clip restored', message: clip.title });
        onFixed(clip);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <span className="problem-actions">
        <button type="button" className="button small" disabled={busy !== null} onClick={() => void run('plan')}>
          {busy === 'plan' && <Spinner />} Repair…
        </button>
        <button type="button" className="button small" disabled={busy !== null} onClick={() => void run('restore')}>
          {busy === 'restore' && <Spinner />} Restore as is
        </button>
      </span>
      {error && (
        <span className="problem-error error-text" role="alert">
          {error}
        </span>
      )}
      {plan && (
        <RepairDialog
          plan={plan}
          onClose={() => setPlan(null)}
          onRepaired={(clip) => {
            setPlan(null);
            notify({ title: 'Clip repaired', message: clip.title });
            onFixed(clip);
          }}
        />
      )}
    </>
  );
}

/** Confirms a repair: the rebuilt details with their sources, the highlights kept, where the damaged file goes. */
function RepairDialog({
  plan,
  onClose,
  onRepaired,
}: {
  plan: ClipRepairPlan;
  onClose: () => void;
  onRepaired: (clip: ClipSummary) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const repair = async () => {
    setBusy(true);
    setError(null);
    try {
      onRepaired(await window.gloss.repairClip({ quarantinedAs: plan.quarantinedAs }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Modal label="Repair a damaged clip" className="modal repair-dialog" onClose={onClose} canClose={!busy}>
      <div className="modal-head">
        <h2>Repair “{plan.meta.title}”?</h2>
      </div>
      <p>Gloss rebuilt the clip’s details from what it could still read:</p>
      <dl className="repair-fields">
        {SHOWN.map(([key, label]) => (
          <div key={key} data-field={key}>
            <dt>{label}</dt>
            <dd>
              {shown(key, plan.meta[key])}
              {plan.sources[key] && <span className="repair-source"> {SOURCE_LABELS[plan.sources[key]!]}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {plan.highlights === 1 ? '1 highlight comes' : `${plural(plan.highlights, 'highlight')} come`} back with it.{' '}
        {plan.keptAs ? (
          <>
            Nothing is deleted: the damaged file is kept as <code>{plan.keptAs}</code>.
          </>
        ) : (
          'Nothing is deleted.'
        )}{' '}
        You can edit the details in the reader afterwards.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-foot">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={() => void repair()} disabled={busy} autoFocus>
          {busy && <Spinner />} Repair
        </button>
      </div>
    </Modal>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ClipMeta, ClipSummary } from '@core/model';
import { errorMessage } from '../lib/format';
import { Modal } from './Modal';

type Field = 'title' | 'byline' | 'site' | 'published' | 'url';

const FIELDS: Array<{ name: Field; label: string; hint?: string; placeholder?: string }> = [
  { name: 'title', label: 'Title' },
  { name: 'byline', label: 'Author(s)', placeholder: 'e.g. the names in the byline' },
  { name: 'site', label: 'Site or journal' },
  { name: 'published', label: 'Published', placeholder: 'YYYY-MM-DD', hint: 'A year, year-month or full date.' },
  { name: 'url', label: 'Web address', placeholder: 'https://…' },
];

/**
 * The reader's "Edit details" dialog: title, authors, site, published date and address of a clip, as
 * citations and exports use them. The core checks each value; its message is shown as written.
 */
export function ClipDetailsDialog({
  meta,
  onClose,
  onSaved,
}: {
  meta: ClipMeta;
  onClose: () => void;
  onSaved: (clip: ClipSummary) => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    title: meta.title,
    byline: meta.byline ?? '',
    site: meta.site ?? '',
    published: meta.published?.slice(0, 10) ?? '',
    url: meta.url ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // Only what changed is sent, so an untouched date-time is not cut down to its day.
    const original: Record<Field, string> = {
      title: meta.title,
      byline: meta.byline ?? '',
      site: meta.site ?? '',
      published: meta.published?.slice(0, 10) ?? '',
      url: meta.url ?? '',
    };
    const changed = Object.fromEntries(
      FIELDS.filter((f) => values[f.name] !== original[f.name]).map((f) => [f.name, values[f.name]]),
    );
    try {
      onSaved(await window.gloss.updateClip({ id: meta.id, ...changed }));
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  }

  return (
    <Modal label="Edit details" className="modal details-dialog" onClose={onClose} canClose={!busy}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="modal-head">
          <h2>Edit details</h2>
        </div>
        <div className="details-fields">
          {FIELDS.map((f, i) => (
            <label key={f.name} className="field">
              <span className="field-label">{f.label}</span>
              <input
                type="text"
                name={f.name}
                value={values[f.name]}
                placeholder={f.placeholder}
                autoFocus={i === 0}
                disabled={busy}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              />
              {f.hint && <span className="field-hint">{f.hint}</span>}
            </label>
          ))}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-foot details-foot">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import type { CitationFormat } from '@core/export/kinds';
import { copyText } from '../lib/clipboard';
import type { CiteTarget } from '../lib/cite';
import { errorMessage } from '../lib/format';
import { useNotify } from '../lib/notify';
import { CopyIcon, Spinner } from './Icons';
import { Modal } from './Modal';
import '../styles/notebookTrash.css';

const FORMATS: Array<{ format: CitationFormat; label: string; extension: string; kind: string }> = [
  { format: 'bibtex', label: 'BibTeX', extension: 'bib', kind: 'BibTeX' },
  { format: 'csl', label: 'CSL-JSON', extension: 'json', kind: 'CSL-JSON' },
  { format: 'apa', label: 'APA', extension: 'txt', kind: 'Text' },
  { format: 'chicago', label: 'Chicago', extension: 'txt', kind: 'Text' },
];

/**
 * Citation export for a clip, a selection of clips or a collection: pick BibTeX, CSL-JSON, APA or Chicago,
 * see the result, copy it to the clipboard or save it to a file.
 */
export function CiteDialog({ target, onClose }: { target: CiteTarget; onClose: () => void }) {
  const notify = useNotify();
  const [format, setFormat] = useState<CitationFormat>('bibtex');
  const [result, setResult] = useState<{ format: CitationFormat; text: string; filename: string } | null>(null);
  const [failure, setFailure] = useState<{ format: CitationFormat | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = {
    ...(target.all && { all: true }),
    ...(target.clipIds && { clipIds: target.clipIds }),
    ...(target.collection && { collection: target.collection }),
  };

  useEffect(() => {
    let live = true;
    window.gloss.exportCitations({ ...input, format }).then(
      (file) => live && setResult({ format, text: file.content, filename: file.filename }),
      (e) => live && setFailure({ format, message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
    // The target is fixed for the dialog's life; the format changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format]);

  const shown = result?.format === format ? result : null;
  const error = failure && (failure.format === null || failure.format === format) ? failure.message : null;
  const setError = (message: string) => setFailure({ format: null, message });
  const chosen = FORMATS.find((f) => f.format === format)!;

  async function copy() {
    if (!shown) return;
    try {
      await copyText(shown.text);
      notify({ title: 'Citations copied', message: `${chosen.label} for ${target.label}` });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function save() {
    if (!shown) return;
    setBusy(true);
    try {
      const out = await window.gloss.choosePath({
        mode: 'save-file',
        title: `Save the ${chosen.label} citations`,
        defaultName: shown.filename,
        filters: [{ name: chosen.kind, extensions: [chosen.extension] }],
      });
      if (!out) return setBusy(false);
      const saved = await window.gloss.exportCitations({ ...input, format, out });
      notify({ title: 'Citations saved', message: saved.path ?? out });
      onClose();
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  }

  return (
    <Modal label="Export citations" className="modal cite-dialog" onClose={onClose}>
      <div className="modal-head">
        <h2>Cite {target.label}</h2>
      </div>
      <div className="cite-formats" role="radiogroup" aria-label="Format">
        {FORMATS.map((f) => (
          <label key={f.format} className={f.format === format ? 'chip active' : 'chip'}>
            <input
              type="radio"
              name="cite-format"
              value={f.format}
              checked={f.format === format}
              onChange={() => setFormat(f.format)}
              autoFocus={f.format === format}
            />
            {f.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : shown ? (
        <pre className="cite-preview" aria-label={`${chosen.label} citations`} tabIndex={0}>
          {shown.text}
        </pre>
      ) : (
        <Spinner />
      )}
      <div className="dialog-foot cite-foot">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void save()} disabled={!shown || busy}>
          Save to file…
        </button>
        <button type="button" className="button primary" onClick={() => void copy()} disabled={!shown}>
          <CopyIcon size={14} /> Copy
        </button>
      </div>
    </Modal>
  );
}

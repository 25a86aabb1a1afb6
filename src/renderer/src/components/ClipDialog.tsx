import { useId, useState } from 'react';
import type { KeyboardEvent, SyntheticEvent } from 'react';
import type { OnDuplicate } from '@core/api';
import type { ClipSummary } from '@core/model';
import { errorMessage, plural } from '../lib/format';
import type { DuplicateChoice } from './DuplicateOffer';
import { duplicateChoice, DuplicateOffer } from './DuplicateOffer';
import { FilesPanel } from './FilesPanel';
import { CloseIcon, Spinner } from './Icons';
import { Modal } from './Modal';

type Tab = 'text' | 'url' | 'files';

const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'text', label: 'Paste text' },
  { id: 'url', label: 'Web address' },
  { id: 'files', label: 'Files' },
];

function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}

/**
 * The Clip dialog (a {@link Modal}: focus is trapped, the rest of the app is inert).
 * Errors from the core are shown inline exactly as written.
 */
export function ClipDialog({
  onClose,
  onClipped,
  onFilesClipped,
}: {
  onClose: () => void;
  onClipped: (clip: ClipSummary) => void;
  onFilesClipped?: () => void;
}) {
  const [tab, setTab] = useState<Tab>('text');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Set when the article is already in the library: the clip it is, and the choice is offered. */
  const [duplicate, setDuplicate] = useState<DuplicateChoice | null>(null);
  const uid = useId();

  const canSubmit = !busy && tab !== 'files' && (tab === 'text' ? text.trim().length > 0 : url.trim().length > 0);

  async function submit(onDuplicate?: OnDuplicate) {
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    setDuplicate(null);
    const choice = onDuplicate ? { onDuplicate } : {};
    try {
      const clip =
        tab === 'text'
          ? await window.gloss.clipText({
              text,
              ...(title.trim() ? { title: title.trim() } : {}),
              ...(source.trim() ? { url: source.trim() } : {}),
              ...choice,
            })
          : await window.gloss.clipUrl({ url: url.trim(), ...choice });
      setBusy(false);
      onClipped(clip);
    } catch (e) {
      setBusy(false);
      const choice = duplicateChoice(e);
      if (choice) setDuplicate(choice);
      else setError(errorMessage(e));
    }
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const at = TABS.findIndex((t) => t.id === tab);
      const next: Tab = TABS[(at + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!.id;
      setTab(next);
      setError(null);
      document.getElementById(`${uid}-tab-${next}`)?.focus();
    }
  }

  const words = tab === 'text' ? countWords(text) : 0;

  return (
    <Modal labelledBy={`${uid}-title`} className="clip-dialog" onClose={onClose} canClose={!busy}>
      <form
        className="clip-form"
        onSubmit={(e: SyntheticEvent) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <header className="dialog-head">
          <h2 id={`${uid}-title`}>Clip to your library</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose} disabled={busy}>
            <CloseIcon />
          </button>
        </header>

        <div className="tabs" role="tablist" aria-label="What to clip">
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`${uid}-tab-${t.id}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === t.id}
              aria-controls={`${uid}-panel`}
              tabIndex={tab === t.id ? 0 : -1}
              onKeyDown={onTabKey}
              onClick={() => {
                setTab(t.id);
                setError(null);
                setDuplicate(null);
              }}
              disabled={busy}
            >
              {t.label}
            </button>
          ))}
        </div>

        <div id={`${uid}-panel`} role="tabpanel" aria-labelledby={`${uid}-tab-${tab}`} className="tab-panel">
          {tab === 'files' ? (
            <FilesPanel onBusy={setBusy} onClipped={() => onFilesClipped?.()} />
          ) : tab === 'text' ? (
            <>
              <label className="field">
                <span className="field-label">Article text</span>
                <textarea
                  // The text box (or the address box) takes the focus when its tab is shown.
                  autoFocus
                  className="paste-area"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      void submit();
                    }
                  }}
                  placeholder="Paste the text of an article, a paper or your notes…"
                  spellCheck={false}
                  disabled={busy}
                />
                <span className="field-hint">
                  {text.trim()
                    ? plural(words, 'word')
                    : 'Paragraphs are kept. Leave the title empty and Gloss finds one.'}
                </span>
              </label>
              <div className="field-row">
                <label className="field">
                  <span className="field-label">
                    Title <span className="optional">optional</span>
                  </span>
                  <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} disabled={busy} />
                </label>
                <label className="field">
                  <span className="field-label">
                    Source URL <span className="optional">optional</span>
                  </span>
                  <input
                    type="text"
                    inputMode="url"
                    value={source}
                    onChange={(e) => setSource(e.target.value)}
                    placeholder="https://"
                    disabled={busy}
                  />
                </label>
              </div>
            </>
          ) : (
            <label className="field">
              <span className="field-label">Web address</span>
              <input
                autoFocus
                type="text"
                inputMode="url"
                className="url-input"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://example.com/article"
                spellCheck={false}
                disabled={busy}
              />
              <span className="field-hint">Gloss fetches the page once and keeps a clean, readable copy.</span>
            </label>
          )}
        </div>

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {duplicate && <DuplicateOffer choice={duplicate} busy={busy} onChoose={(how) => void submit(how)} />}

        <footer className="dialog-foot">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {tab === 'files' ? 'Done' : 'Cancel'}
          </button>
          {tab !== 'files' && (
            <button
              type="submit"
              className={duplicate ? 'button' : 'button primary'}
              disabled={!canSubmit}
              aria-busy={busy}
            >
              {busy && <Spinner />}
              {busy ? (tab === 'url' ? 'Fetching…' : 'Clipping…') : 'Clip'}
            </button>
          )}
        </footer>
      </form>
    </Modal>
  );
}

import { useRef, useState } from 'react';
import { CLIPPABLE_FILES, clipFile } from '../lib/clipFile';
import { errorMessage } from '../lib/format';

interface FileResult {
  name: string;
  ok: boolean;
  /** The clip's title, or why the file could not be clipped. */
  message: string;
}

/**
 * The clip dialog's Files tab: "Open files…" picks saved pages (.html, .htm), Markdown and text files, many
 * at once; they are clipped one after another under a progress bar, each with its result (or why it failed).
 */
export function FilesPanel({ onBusy, onClipped }: { onBusy: (busy: boolean) => void; onClipped: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [total, setTotal] = useState(0);
  const [results, setResults] = useState<FileResult[]>([]);
  const busy = results.length < total;

  async function clipAll(files: File[]) {
    if (!files.length) return;
    setTotal(files.length);
    setResults([]);
    onBusy(true);
    for (const file of files) {
      const result = await clipFile(file).then(
        (clip): FileResult => ({ name: file.name, ok: true, message: clip.title }),
        (error): FileResult => ({ name: file.name, ok: false, message: errorMessage(error) }),
      );
      setResults((rs) => [...rs, result]);
      if (result.ok) onClipped();
    }
    onBusy(false);
  }

  const failed = results.filter((r) => !r.ok).length;
  return (
    <div className="files-panel">
      <input
        ref={input}
        type="file"
        multiple
        accept={CLIPPABLE_FILES}
        hidden
        aria-label="Files to clip"
        onChange={(e) => {
          void clipAll([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy}>
        Open files…
      </button>
      <p className="field-hint">Saved web pages (.html, .htm), Markdown (.md) and text (.txt), as many as you like. You can also drop files on the window.</p>
      {total > 0 && (
        <>
          <progress className="files-progress" max={total} value={results.length} aria-label="Clipping files" />
          <p className="files-summary" role="status">
            {busy ? `Clipping ${results.length + 1} of ${total}…` : `${total - failed} of ${total} clipped${failed ? `, ${failed} failed` : ''}.`}
          </p>
          <ul className="files-results">
            {results.map((r, i) => (
              <li key={i} className={r.ok ? 'ok' : 'failed'}>
                <span className="file-name">{r.name}</span>
                <span className="file-result">{r.ok ? `Clipped: ${r.message}` : r.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

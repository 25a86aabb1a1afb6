import { useRef, useState } from 'react';
import type { OnDuplicate } from '@core/api';
import { CLIPPABLE_FILES, clipFile } from '../lib/clipFile';
import { errorMessage } from '../lib/format';
import type { DuplicateChoice } from './DuplicateOffer';
import { duplicateChoice, DuplicateOffer } from './DuplicateOffer';

interface FileResult {
  name: string;
  ok: boolean;
  /** The clip's title, or why the file could not be clipped. */
  message: string;
  /** Set when the library already holds the article: the person chooses to update it or keep both. */
  duplicate?: DuplicateChoice;
  file?: File;
}

/** Clips `file`, settling an article already in the library as `onDuplicate` says, into a {@link FileResult}. */
function clipToResult(file: File, onDuplicate: OnDuplicate = 'ask'): Promise<FileResult> {
  return clipFile(file, onDuplicate).then(
    (clip): FileResult => ({ name: file.name, ok: true, message: clip.title }),
    (error): FileResult => {
      const duplicate = duplicateChoice(error);
      return duplicate
        ? { name: file.name, ok: false, message: duplicate.message, duplicate, file }
        : { name: file.name, ok: false, message: errorMessage(error) };
    },
  );
}

/**
 * The clip dialog's Files tab: "Open files…" picks saved pages (.html, .htm), Markdown and text files, many
 * at once; they are clipped one after another under a progress bar, each with its result (or why it failed).
 */
export function FilesPanel({ onBusy, onClipped }: { onBusy: (busy: boolean) => void; onClipped: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [total, setTotal] = useState(0);
  const [results, setResults] = useState<FileResult[]>([]);
  const [choosing, setChoosing] = useState<number | null>(null);
  const busy = results.length < total;

  async function clipAll(files: File[]) {
    if (!files.length) return;
    setTotal(files.length);
    setResults([]);
    onBusy(true);
    for (const file of files) {
      const result = await clipToResult(file);
      setResults((rs) => [...rs, result]);
      if (result.ok) onClipped();
    }
    onBusy(false);
  }

  /** The person's answer for a file already in the library. */
  async function choose(at: number, how: Exclude<OnDuplicate, 'ask'>) {
    const file = results[at]?.file;
    if (!file) return;
    setChoosing(at);
    const result = await clipToResult(file, how);
    setResults((rs) => rs.map((r, i) => (i === at ? result : r)));
    setChoosing(null);
    if (result.ok) onClipped();
  }

  const asking = results.filter((r) => r.duplicate).length;
  const failed = results.filter((r) => !r.ok).length - asking;
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
      <p className="field-hint">
        Saved web pages (.html, .htm), Markdown (.md), text (.txt) and PDFs (.pdf), as many as you like. You can also
        drop files on the window.
      </p>
      {total > 0 && (
        <>
          <progress className="files-progress" max={total} value={results.length} aria-label="Clipping files" />
          <p className="files-summary" role="status">
            {busy
              ? `Clipping ${results.length + 1} of ${total}…`
              : `${total - failed - asking} of ${total} clipped${failed ? `, ${failed} failed` : ''}${asking ? `, ${asking} already in your library` : ''}.`}
          </p>
          <ul className="files-results">
            {results.map((r, i) => (
              <li key={i} className={r.ok ? 'ok' : r.duplicate ? 'asking' : 'failed'}>
                <span className="file-name">{r.name}</span>
                {r.duplicate ? (
                  <DuplicateOffer
                    choice={r.duplicate}
                    busy={choosing !== null}
                    compact
                    onChoose={(how) => void choose(i, how)}
                  />
                ) : (
                  <span className="file-result">{r.ok ? `Clipped: ${r.message}` : r.message}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

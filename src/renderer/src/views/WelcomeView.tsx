import { useState } from 'react';
import { formatShortcut } from '../lib/keys';
import { Wordmark } from '../components/Icons';

/** The first-run screen: the ways to clip, in one screen, and the sample article to try them on. */
export function WelcomeView({
  onClipSample,
  onClip,
  onDone,
}: {
  onClipSample: () => Promise<void>;
  onClip: () => void;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="welcome" role="region" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <Wordmark />
        <h1 id="welcome-title">Welcome to Gloss</h1>
        <p className="welcome-lead">
          Keep the articles that matter as plain files on your disk, highlight what counts, and find it again in a
          keystroke. Nothing leaves your computer.
        </p>
        <h2 className="welcome-sub">Three ways to clip</h2>
        <ol className="welcome-ways">
          <li>
            <strong>Paste</strong> the text of an article: copy it in your browser, press{' '}
            <kbd>{formatShortcut('CmdOrCtrl+N')}</kbd> and paste.
          </li>
          <li>
            <strong>Give a web address</strong> in the same dialog, and Gloss fetches and cleans up the page.
          </li>
          <li>
            <strong>Drop files or links</strong> onto this window: saved web pages (.html), Markdown (.md), text (.txt)
            or PDFs (.pdf).
          </li>
        </ol>
        <p className="welcome-tip">
          Press <kbd>{formatShortcut('CmdOrCtrl+K')}</kbd> for every command, <kbd>/</kbd> to search and <kbd>?</kbd>{' '}
          for all shortcuts.
        </p>
        <div className="welcome-actions">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            autoFocus
            onClick={() => {
              setBusy(true);
              void onClipSample().finally(() => setBusy(false));
            }}
          >
            {busy ? 'Clipping…' : 'Try it with a sample article'}
          </button>
          <button type="button" className="button" onClick={onClip}>
            Clip my own article
          </button>
          <button type="button" className="button ghost" onClick={onDone}>
            Go to my library
          </button>
        </div>
      </div>
    </div>
  );
}

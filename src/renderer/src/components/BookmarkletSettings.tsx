import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/clipboard';
import { useReportError } from '../lib/report';
import { useLoaded } from '../lib/useLoaded';
import { useSettingsContext } from '../lib/settingsContext';
import { EndpointPortField } from './EndpointPortField';

/**
 * Settings › Clip from your browser: the bookmarklet to drag to the bookmarks bar (never run inside the
 * app: its click is cancelled), a Copy button, a button for a new secret, and the endpoint's port (changeable).
 */
export function BookmarkletSettings() {
  const report = useReportError();
  const { settings } = useSettingsContext();
  const [info, setInfo] = useLoaded(() => window.gloss.getClipEndpoint(), 'Couldn’t read the bookmarklet settings');
  const [copied, setCopied] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);

  // React refuses `javascript:` in href (rightly); the link only exists to be dragged, so it is set directly.
  useEffect(() => {
    if (link.current && info?.bookmarklet) link.current.setAttribute('href', info.bookmarklet);
  }, [info]);

  const regenerate = () =>
    void window.gloss.regenerateClipToken().then(
      (i) => {
        setInfo(i);
        setCopied(false);
      },
      (e) => report('Couldn’t make a new bookmarklet', e),
    );

  const copy = () =>
    info?.bookmarklet &&
    void copyText(info.bookmarklet).then(
      () => setCopied(true),
      (e) => report('Couldn’t copy the bookmarklet', e),
    );

  return (
    <section className="settings-section" aria-labelledby="settings-bookmarklet">
      <h2 id="settings-bookmarklet">Clip from your browser</h2>
      {!info ? (
        <p>Loading…</p>
      ) : !info.running ? (
        <>
          <p className="settings-help">{info.error ?? 'The bookmarklet works while the Gloss desktop app is open.'}</p>
          {settings && <EndpointPortField port={settings.clipEndpoint.port} onChanged={setInfo} />}
        </>
      ) : (
        <>
          <p className="settings-help">
            Drag this button to your browser’s bookmarks bar. On any page, click it to send the page (and the text you
            selected, as a highlight) to Gloss while Gloss is open. On a PDF open in your browser it sends the PDF’s
            address, and Gloss downloads the file itself, without your browser’s login: for a PDF behind one, download
            it and drop the file into Gloss.
          </p>
          <div className="bookmarklet-row">
            <a
              ref={link}
              className="bookmarklet"
              draggable
              onClick={(e) => e.preventDefault()}
              title="Drag me to your bookmarks bar"
            >
              Clip to Gloss
            </a>
            <button type="button" className="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="button" onClick={regenerate}>
              New secret
            </button>
          </div>
          <p className="settings-help">
            Gloss listens on 127.0.0.1 port <code>{info.port}</code>, for this computer only. A new secret stops older
            copies of the bookmarklet from working. After changing the port, drag the bookmarklet to your bar again.
          </p>
          <p className="settings-help">
            {info.tokenExpiresAt
              ? `This bookmarklet works until ${new Date(info.tokenExpiresAt).toLocaleDateString()}; then make a new secret. `
              : ''}
            A page you clip runs the bookmarklet, so it can read the secret: Gloss only ever adds clips from the
            browser, and a new version of a clip you have waits in the reader for you to compare and apply.
          </p>
          <EndpointPortField port={info.port!} onChanged={setInfo} />
          {info.recent.length > 0 && (
            <details className="endpoint-recent">
              <summary>Recent requests ({info.recent.length})</summary>
              <ul>
                {info.recent.map((r, i) => (
                  <li key={i}>
                    {new Date(r.at).toLocaleTimeString()} · <code>{r.origin ?? 'no origin'}</code> · {r.outcome}
                    {r.outcome === 'refused' ? ` (${r.status})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

import { BookmarkletSettings } from '../components/BookmarkletSettings';
import { LibrarySettings } from '../components/LibrarySettings';
import { ReaderPrefsControls } from '../components/ReaderPrefsControls';
import { useReportError } from '../lib/report';
import { useSettingsContext } from '../lib/settingsContext';
import { useLoaded } from '../lib/useLoaded';

/** Settings: where the library lives, appearance and reader defaults, and the versions Gloss runs on. */
export function SettingsView({
  libraryPath,
  onShowWelcome,
}: {
  libraryPath: string | null;
  onShowWelcome: () => void;
}) {
  const { settings, update } = useSettingsContext();
  const report = useReportError();
  const [about] = useLoaded(() => window.gloss.getAbout(), 'Couldn’t read the version information');

  const reveal = () => void window.gloss.revealLibrary().catch((e) => report('Couldn’t open the library folder', e));

  return (
    <div className="page settings-view">
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <div className="settings-body">
        <LibrarySettings libraryPath={libraryPath} onReveal={reveal} />
        <BookmarkletSettings />
        <section className="settings-section" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">Appearance and reading</h2>
          {settings ? (
            <ReaderPrefsControls theme={settings.theme} reader={settings.reader} onChange={update} />
          ) : (
            <p>Loading…</p>
          )}
          <p className="settings-help">
            “System” follows your computer’s light or dark mode. Sepia is easy on the eyes for long reads.
          </p>
        </section>
        <section className="settings-section" aria-labelledby="settings-welcome">
          <h2 id="settings-welcome">Getting started</h2>
          <button type="button" className="button" onClick={onShowWelcome}>
            Show the welcome screen
          </button>
        </section>
        <section className="settings-section" aria-labelledby="settings-about">
          <h2 id="settings-about">About Gloss</h2>
          {about && (
            <dl className="about-list">
              <dt>Gloss</dt>
              <dd>{about.version ?? 'unknown'}</dd>
              <dt>Electron</dt>
              <dd>{about.electron ?? 'not running in Electron'}</dd>
              <dt>Chrome</dt>
              <dd>{about.chrome ?? navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown'}</dd>
              <dt>Node.js</dt>
              <dd>{about.node}</dd>
              <dt>Platform</dt>
              <dd>{about.platform}</dd>
            </dl>
          )}
        </section>
      </div>
    </div>
  );
}

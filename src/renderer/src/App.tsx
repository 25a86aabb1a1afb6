import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClipSummary, LibraryInfo, SearchResult } from '../../core/model';
import { ClipDialog } from './components/ClipDialog';
import { ProblemsBanner } from './components/ProblemsBanner';
import { Sidebar } from './components/Sidebar';
import type { Toast } from './components/Toasts';
import { Toasts } from './components/Toasts';
import { errorMessage } from './lib/format';
import type { ReportError } from './lib/report';
import { ReportContext } from './lib/report';
import { LibraryView } from './views/LibraryView';
import type { ReaderFocus } from './views/ReaderView';
import { ReaderView } from './views/ReaderView';
import { SearchView } from './views/SearchView';

type Route =
  | { name: 'library' }
  | { name: 'search' }
  | { name: 'reader'; clipId: string; focus: ReaderFocus | null; from: 'library' | 'search' };

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

let focusKey = 0;

export function App() {
  const [route, setRoute] = useState<Route>({ name: 'library' });
  const [clips, setClips] = useState<ClipSummary[] | null>(null);
  const [clipsError, setClipsError] = useState<string | null>(null);
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const [clipping, setClipping] = useState(false);
  const [query, setQuery] = useState('');
  const [searchFocus, setSearchFocus] = useState(0);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toastId = useRef(0);

  const report = useCallback<ReportError>((title, error) => {
    const message = errorMessage(error);
    setToasts((ts) => [...ts.slice(-3), { id: ++toastId.current, title, message }]);
  }, []);
  const dismissToast = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);

  const refreshClips = useCallback(async () => {
    try {
      const list = await window.gloss.listClips();
      setClips(list);
      setClipsError(null);
    } catch (e) {
      setClipsError(errorMessage(e));
    }
  }, []);

  const refreshInfo = useCallback(async () => {
    try {
      setInfo(await window.gloss.getLibraryInfo());
    } catch (e) {
      report('Couldn’t read the library folder', e);
    }
  }, [report]);

  useEffect(() => {
    let live = true;
    window.gloss.listClips().then(
      (list) => live && setClips(list),
      (e) => live && setClipsError(errorMessage(e)),
    );
    window.gloss.getLibraryInfo().then(
      (i) => live && setInfo(i),
      (e) => live && report('Couldn’t read the library folder', e),
    );
    return () => {
      live = false;
    };
  }, [report]);

  const openSearch = useCallback(() => {
    setRoute({ name: 'search' });
    setSearchFocus((n) => n + 1);
  }, []);

  // Global keys: "/" or Ctrl/Cmd+K opens search from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (clipping) return;
      const k = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && k === 'k') {
        e.preventDefault();
        openSearch();
      } else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
        e.preventDefault();
        openSearch();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [clipping, openSearch]);

  const openClip = useCallback((clipId: string, from: 'library' | 'search', focus: ReaderFocus | null = null) => {
    setRoute({ name: 'reader', clipId, focus, from });
  }, []);

  const openResult = useCallback(
    (r: SearchResult) => {
      const focus: ReaderFocus | null =
        r.position || r.highlightId
          ? { start: r.position?.start ?? 0, end: r.position?.end ?? 0, highlightId: r.highlightId, key: ++focusKey }
          : null;
      openClip(r.id, 'search', focus);
    },
    [openClip],
  );

  const onClipped = useCallback(
    (clip: ClipSummary) => {
      setClipping(false);
      void refreshClips();
      void refreshInfo();
      openClip(clip.id, 'library');
    },
    [openClip, refreshClips, refreshInfo],
  );

  const onHighlightsChanged = useCallback(() => void refreshClips(), [refreshClips]);

  const nav = route.name === 'reader' ? route.from : route.name;
  const problems = info?.problems ?? [];

  return (
    <ReportContext.Provider value={report}>
      <div className="app">
        <Sidebar
          current={nav}
          clipCount={clips?.length ?? null}
          libraryPath={info?.path ?? null}
          onNavigate={(t) => (t === 'search' ? openSearch() : setRoute({ name: 'library' }))}
          onClip={() => setClipping(true)}
        />
        <main className="main">
          {!problemsDismissed && problems.length > 0 && (
            <ProblemsBanner problems={problems} onDismiss={() => setProblemsDismissed(true)} />
          )}
          <div className="view">
            {route.name === 'library' && (
              <LibraryView
                clips={clips}
                error={clipsError}
                onOpen={(id) => openClip(id, 'library')}
                onClip={() => setClipping(true)}
                onRetry={() => void refreshClips()}
              />
            )}
            {route.name === 'search' && (
              <SearchView query={query} onQueryChange={setQuery} focusToken={searchFocus} onOpen={openResult} />
            )}
            {route.name === 'reader' && (
              <ReaderView
                key={route.clipId}
                clipId={route.clipId}
                focus={route.focus}
                backLabel={route.from === 'search' ? 'Search' : 'Library'}
                onBack={() => (route.from === 'search' ? openSearch() : setRoute({ name: 'library' }))}
                onChanged={onHighlightsChanged}
                onDeleted={() => {
                  void refreshClips();
                  void refreshInfo();
                  setRoute({ name: 'library' });
                }}
              />
            )}
          </div>
        </main>
        {clipping && <ClipDialog onClose={() => setClipping(false)} onClipped={onClipped} />}
        <Toasts toasts={toasts} onDismiss={dismissToast} />
      </div>
    </ReportContext.Provider>
  );
}

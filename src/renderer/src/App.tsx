import { useCallback, useMemo, useRef, useState } from 'react';
import type { CommandId } from '@core/common/commands';
import type { JobInfo } from '@core/jobs/types';
import type { ClipSummary, SearchResult } from '@core/model';
import type { Settings } from '@core/settings/schema';
import { ClipDialog } from './components/ClipDialog';
import { CommandPalette } from './components/CommandPalette';
import { CiteDialog } from './components/CiteDialog';
import { ContextMenu } from './components/ContextMenu';
import { DeleteQuotedDialog } from './components/DeleteQuotedDialog';
import { DropProgress } from './components/DropProgress';
import { JobsPanel } from './components/JobsPanel';
import { KeptView } from './components/KeptView';
import { ConflictsBanner } from './components/ConflictsBanner';
import { ProblemsBanner } from './components/ProblemsBanner';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { Sidebar } from './components/Sidebar';
import { Toasts } from './components/Toasts';
import { runAppCommand } from './lib/appCommands';
import { NotifyContext } from './lib/notify';
import { ReportContext } from './lib/report';
import { SettingsContext } from './lib/settingsContext';
import { useCommands } from './lib/useCommands';
import { ContextMenuContext, useContextMenus } from './lib/useContextMenus';
import { useFileDrop } from './lib/useFileDrop';
import { JobsContext } from './lib/jobsContext';
import type { JobAction } from './lib/jobActions';
import { useJobs } from './lib/useJobs';
import { useSettings } from './lib/useSettings';
import { plural } from './lib/format';
import { useToasts } from './lib/useToasts';
import { useLibraryListing } from './lib/useLibraryListing';
import type { ReaderFrom, Route } from './lib/routes';
import { lastViewOf, newReaderFocus, routeFromLastView } from './lib/routes';
import { HighlightsView } from './views/HighlightsView';
import { LibraryView } from './views/LibraryView';
import type { ReaderCommands, ReaderFocus } from './views/ReaderView';
import { ReaderView } from './views/ReaderView';
import { prefetchClip } from './reader/clipPrefetch';
import { SearchView } from './views/SearchView';
import { SettingsView } from './views/SettingsView';
import { WelcomeView } from './views/WelcomeView';
import { NotebookView } from './views/NotebookView';
import { TrashView } from './views/TrashView';
import type { Backlink } from '@core/notebook/types';
import { CiteContext, type CiteTarget } from './lib/cite';

type Overlay = 'clip' | 'palette' | 'shortcuts' | null;

/** The Gloss window: sidebar, the current view, dialogs, panels and toasts, and the contexts they share. */
export function App() {
  const [route, setRoute] = useState<Route>({ name: 'library' });
  const [pageId, setPageId] = useState<string | null>(null);
  // Bumped on every clip so the reader reloads even when clipping updated the clip it shows.
  const [clipRevision, setClipRevision] = useState(0);
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [searchFocus, setSearchFocus] = useState(0);

  const { toasts, report, notify, dismiss: dismissToast } = useToasts();
  const [citing, setCiting] = useState<CiteTarget | null>(null);
  const [quotedDelete, setQuotedDelete] = useState<{ clip: ClipSummary; pages: Backlink[] } | null>(null);

  const restoreView = useCallback((s: Settings) => {
    setRoute(routeFromLastView(s.lastView));
    if (s.lastView.name === 'notebook') setPageId(s.lastView.pageId ?? null);
  }, []);
  const settingsState = useSettings(report, restoreView);
  const { settings, update } = settingsState;

  const { list, highlights, searchPager, clipCount, info, refreshClips, refreshInfo, libraryChanged } =
    useLibraryListing(report);

  const go = useCallback(
    (next: Route) => {
      setRoute(next);
      update({ lastView: lastViewOf(next, pageId) });
    },
    [update, pageId],
  );

  /** Shows the notebook with page `id` open (null: the list alone), remembered for the next start. */
  const openPage = useCallback(
    (id: string | null) => {
      setPageId(id);
      setRoute({ name: 'notebook' });
      update({ lastView: lastViewOf({ name: 'notebook' }, id) });
    },
    [update],
  );

  const openSearch = useCallback(() => {
    go({ name: 'search' });
    setSearchFocus((n) => n + 1);
  }, [go]);

  const openClip = useCallback(
    (clipId: string, from: ReaderFrom, focus: ReaderFocus | null = null, pdf?: ClipSummary['pdfFile']) => {
      prefetchClip(clipId, pdf);
      go({ name: 'reader', clipId, focus, from });
    },
    [go],
  );

  const openFromLibrary = useCallback(
    (clipId: string, pdf?: ClipSummary['pdfFile']) => openClip(clipId, 'library', null, pdf),
    [openClip],
  );
  const openClipDialog = useCallback(() => setOverlay('clip'), []);

  const openResult = useCallback(
    (r: SearchResult) => {
      const focus: ReaderFocus | null =
        r.position || r.highlightId
          ? newReaderFocus(r.position?.start ?? 0, r.position?.end ?? 0, r.highlightId)
          : null;
      if (r.kind === 'page') openPage(r.id);
      else openClip(r.id, 'search', focus);
    },
    [openClip, openPage],
  );

  // Imports change the library. A move that got as far as switching put a new service behind the API (or,
  // when the new folder failed to open, the old one again), so the page starts afresh; the panel keeps the outcome.
  const jobs = useJobs(report, (job) => {
    if (job.kind === 'import') libraryChanged();
    if (job.kind === 'move' && job.state !== 'cancelled') window.location.reload();
  });
  const { runJob } = jobs;
  const jobsState = useMemo(() => ({ runJob: (action: JobAction) => void runJob(action) }), [runJob]);
  const openLibrary = useCallback(
    (job: JobInfo, path: string) =>
      void window.gloss
        .dismissJob(job.id)
        .then(() => window.gloss.openLibrary({ path }))
        .then(
          () => window.location.reload(),
          (e) => report('Couldn’t open that library', e),
        ),
    [report],
  );

  const onClipped = useCallback(
    (clip: ClipSummary) => {
      setOverlay(null);
      if (settings && !settings.firstRunDone) update({ firstRunDone: true });
      libraryChanged();
      setClipRevision((n) => n + 1);
      openClip(clip.id, 'library');
    },
    [openClip, libraryChanged, settings, update],
  );

  const clipSample = useCallback(async () => {
    try {
      onClipped(await window.gloss.clipSample());
    } catch (e) {
      report('Couldn’t clip the sample article', e);
    }
  }, [onClipped, report]);

  const onClipDeleted = useCallback(
    (clipId: string, title: string) => {
      libraryChanged();
      go({ name: 'library' });
      notify({
        title: 'Clip deleted',
        message: title,
        action: {
          label: 'Undo',
          run: () =>
            void window.gloss.restoreClip(clipId).then(
              () => {
                libraryChanged();
                openClip(clipId, 'library');
              },
              (e) => report('Couldn’t bring the clip back', e),
            ),
        },
      });
    },
    [go, libraryChanged, notify, openClip, report],
  );

  const deleteNow = useCallback(
    (clip: ClipSummary) =>
      void window.gloss.deleteClip(clip.id).then(
        () => onClipDeleted(clip.id, clip.title),
        (e) => report('Couldn’t delete the clip', e),
      ),
    [onClipDeleted, report],
  );

  /** Deletes a clip at once (with Undo), or first asks when notebook pages quote it. */
  const requestDelete = useCallback(
    (clip: ClipSummary) =>
      void window.gloss.getBacklinks(clip.id).then(
        (pages) => (pages.length > 0 ? setQuotedDelete({ clip, pages }) : deleteNow(clip)),
        (e) => report('Couldn’t delete the clip', e),
      ),
    [deleteNow, report],
  );

  // The clips chosen in the library list (several at once: Ctrl/Cmd-click, Shift-click, Space).
  const [selectedClips, setSelectedClips] = useState<string[]>([]);
  const citeSelection = useCallback(
    (ids: string[]) => setCiting({ clipIds: ids, label: plural(ids.length, 'selected clip') }),
    [],
  );

  const citeCurrent = useCallback(() => {
    if (route.name === 'library' && selectedClips.length > 0) {
      citeSelection(selectedClips);
    } else if (route.name === 'reader') {
      const title = list.find((c) => c.id === route.clipId)?.title ?? 'this clip';
      setCiting({ clipIds: [route.clipId], label: `“${title}”` });
    } else if (clipCount) {
      // Everything in the library (a collection, a tag's clips and single clips have their own menus).
      setCiting({ all: true, label: `all ${clipCount} clips` });
    } else {
      report('Nothing to cite', new Error('The library has no clips yet.'));
    }
  }, [route, list, clipCount, report, selectedClips, citeSelection]);

  /** What the open reader offers the commands (null when no reader is open). */
  const reader = useRef<ReaderCommands>(null);
  const run = useCallback(
    (id: CommandId) =>
      runAppCommand(id, {
        settings,
        update,
        report,
        openSearch,
        setOverlay: (o) => setOverlay((now) => (o === 'palette' && now === 'palette' ? null : o)),
        clipSample: () => void clipSample(),
        go: (name) => go({ name }),
        libraryChanged,
        runJob: (job) => void runJob(job),
        cite: citeCurrent,
        focusHighlights: () => reader.current?.focusHighlights(),
      }),
    [settings, update, clipSample, report, go, openSearch, libraryChanged, runJob, citeCurrent],
  );
  useCommands(run, overlay === null);

  const drop = useFileDrop(overlay === null, libraryChanged);
  const menus = useContextMenus({
    findClip: (id) => list.find((c) => c.id === id),
    report,
    openClip: (id) => openClip(id, 'library'),
    deleteClip: requestDelete,
    citeClip: (clip) => setCiting({ clipIds: [clip.id], label: `“${clip.title}”` }),
    selectedWith: (id) => (route.name === 'library' && selectedClips.includes(id) ? selectedClips : []),
    citeClips: citeSelection,
  });
  const nav = route.name === 'reader' ? route.from : route.name;
  // The list view on screen, or kept under the reader opened from it (going back then shows it at once).
  const listView = nav;
  const problems = info?.problems ?? [];
  const welcome = settings !== null && !settings.firstRunDone;

  return (
    <ReportContext.Provider value={report}>
      <NotifyContext.Provider value={notify}>
        <SettingsContext.Provider value={settingsState}>
          <ContextMenuContext.Provider value={menus.open}>
            <CiteContext.Provider value={setCiting}>
              <JobsContext.Provider value={jobsState}>
                <div className="app" onContextMenu={menus.onContextMenu}>
                  <Sidebar
                    current={welcome ? null : nav}
                    clipCount={clipCount}
                    libraryPath={info?.path ?? null}
                    onNavigate={(t) => (t === 'search' ? openSearch() : go({ name: t }))}
                    onClip={() => setOverlay('clip')}
                  />
                  <main className="main">
                    {!problemsDismissed && problems.length > 0 && (
                      <ProblemsBanner
                        problems={problems}
                        onDismiss={() => setProblemsDismissed(true)}
                        onFixed={libraryChanged}
                      />
                    )}
                    {info && info.conflicts.length > 0 && (
                      <ConflictsBanner
                        conflicts={info.conflicts}
                        onResolved={() => void Promise.all([refreshInfo(), refreshClips()])}
                      />
                    )}
                    <div className="view">
                      {welcome ? (
                        <WelcomeView
                          onClipSample={clipSample}
                          onClip={() => setOverlay('clip')}
                          onDone={() => update({ firstRunDone: true })}
                        />
                      ) : (
                        <>
                          {listView === 'library' && (
                            <KeptView shown={route.name === 'library'}>
                              <LibraryView
                                list={list}
                                shown={route.name === 'library'}
                                onOpen={openFromLibrary}
                                onClip={openClipDialog}
                                onSelection={setSelectedClips}
                              />
                            </KeptView>
                          )}
                          {listView === 'highlights' && (
                            <KeptView shown={route.name === 'highlights'}>
                              <HighlightsView
                                list={highlights}
                                shown={route.name === 'highlights'}
                                onOpen={(clipId, highlightId) =>
                                  openClip(clipId, 'highlights', newReaderFocus(0, 0, highlightId))
                                }
                              />
                            </KeptView>
                          )}
                          {listView === 'search' && (
                            <KeptView shown={route.name === 'search'}>
                              <SearchView
                                pager={searchPager}
                                focusToken={searchFocus}
                                onOpen={openResult}
                                libraryEmpty={clipCount === 0}
                                onClip={openClipDialog}
                              />
                            </KeptView>
                          )}
                          {route.name === 'settings' && (
                            <SettingsView
                              libraryPath={info?.path ?? null}
                              onShowWelcome={() => update({ firstRunDone: false })}
                            />
                          )}
                          {route.name === 'trash' && (
                            <TrashView
                              onRestored={() => {
                                libraryChanged();
                                setClipRevision((n) => n + 1);
                              }}
                            />
                          )}
                          {route.name === 'notebook' && (
                            <NotebookView
                              pageId={pageId}
                              onSelect={openPage}
                              onLibraryChanged={libraryChanged}
                              onOpenQuote={(clipId, highlightId) =>
                                go({
                                  name: 'reader',
                                  clipId,
                                  focus: newReaderFocus(0, 0, highlightId),
                                  from: 'notebook',
                                })
                              }
                            />
                          )}
                          {route.name === 'reader' && (
                            <ReaderView
                              key={`${route.clipId}#${clipRevision}`}
                              commands={reader}
                              clipId={route.clipId}
                              focus={route.focus}
                              backLabel={
                                {
                                  search: 'Search',
                                  notebook: 'Notebook',
                                  library: 'Library',
                                  highlights: 'Highlights',
                                }[route.from]
                              }
                              onBack={() => (route.from === 'search' ? openSearch() : go({ name: route.from }))}
                              onOpenPage={openPage}
                              onChanged={() => void refreshClips()}
                              onDeleted={(title) => onClipDeleted(route.clipId, title)}
                            />
                          )}
                        </>
                      )}
                    </div>
                  </main>
                  {overlay === 'clip' && (
                    <ClipDialog
                      onClose={() => setOverlay(null)}
                      onClipped={onClipped}
                      onFilesClipped={libraryChanged}
                    />
                  )}
                  {overlay === 'palette' && (
                    <CommandPalette
                      onRun={run}
                      onOpenClip={(id) => openClip(id, 'library')}
                      onOpenPage={openPage}
                      onClose={() => setOverlay(null)}
                    />
                  )}
                  {overlay === 'shortcuts' && <ShortcutsDialog onClose={() => setOverlay(null)} />}
                  {citing && <CiteDialog target={citing} onClose={() => setCiting(null)} />}
                  {quotedDelete && (
                    <DeleteQuotedDialog
                      title={quotedDelete.clip.title}
                      pages={quotedDelete.pages}
                      onKeep={() => setQuotedDelete(null)}
                      onDelete={() => {
                        setQuotedDelete(null);
                        deleteNow(quotedDelete.clip);
                      }}
                    />
                  )}
                  {drop.dragging && (
                    <div className="drop-overlay" aria-hidden="true">
                      Drop web pages, Markdown or text files, or links, to clip them
                    </div>
                  )}
                  <DropProgress
                    jobs={drop.jobs}
                    onOpen={(id) => openClip(id, 'library')}
                    onChoose={drop.choose}
                    onDismiss={drop.dismiss}
                  />
                  {menus.menu && <ContextMenu {...menus.menu} onClose={menus.close} />}
                  <JobsPanel
                    jobs={jobs.jobs}
                    onCancel={jobs.cancel}
                    onDismiss={jobs.dismiss}
                    onOpenLibrary={openLibrary}
                  />
                  <Toasts toasts={toasts} onDismiss={dismissToast} />
                </div>
              </JobsContext.Provider>
            </CiteContext.Provider>
          </ContextMenuContext.Provider>
        </SettingsContext.Provider>
      </NotifyContext.Provider>
    </ReportContext.Provider>
  );
}

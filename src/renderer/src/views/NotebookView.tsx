import { useCallback, useEffect, useState } from 'react';
import '../styles/notebook.css';
import type { NotebookPage, PageSummary } from '@core/notebook/types';
import { NotebookIcon, PlusIcon, Spinner, TrashIcon } from '../components/Icons';
import { errorMessage } from '../lib/format';
import { useReportError } from '../lib/report';
import { PageEditor } from '../notebook/PageEditor';
import { QuoteOpenContext } from '../notebook/quoteContext';
import { PageList } from '../notebook/PageList';
import { QuoteSourcesContext, useQuoteSourcesProvider } from '../notebook/quoteSources';

/**
 * The notebook: pages listed by last change with their dates, and the open page's editor. Quote blocks
 * open their passage in the reader through `onOpenQuote`.
 */
export function NotebookView({
  pageId,
  onSelect,
  onOpenQuote,
  onLibraryChanged,
}: {
  pageId: string | null;
  onSelect: (pageId: string | null) => void;
  onOpenQuote: (clipId: string, highlightId: string) => void;
  /** A quote's Restore brought a clip back from the trash. */
  onLibraryChanged: () => void;
}) {
  const report = useReportError();
  const quoteSources = useQuoteSourcesProvider(onLibraryChanged);
  const [created, setCreated] = useState<string | null>(null);
  const [pages, setPages] = useState<PageSummary[] | null>(null);
  const [page, setPage] = useState<NotebookPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    window.gloss.listPages().then(setPages, (e) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    let live = true;
    if (pageId) {
      window.gloss.getPage(pageId).then(
        (p) => live && setPage(p),
        (e: unknown) => {
          if (!live) return;
          // A page remembered from the last session may have been deleted since: show the list.
          if ((e as { code?: string }).code === 'not-found') onSelect(null);
          else report('Couldn’t open the page', e);
        },
      );
    }
    return () => {
      live = false;
    };
  }, [pageId, report, onSelect]);

  const create = useCallback(async () => {
    try {
      const p = await window.gloss.createPage({});
      setPages((ps) => [p, ...(ps ?? [])]);
      setCreated(p.id);
      onSelect(p.id);
    } catch (e) {
      report('Couldn’t create a page', e);
    }
  }, [onSelect, report]);

  const remove = useCallback(
    async (id: string) => {
      try {
        await window.gloss.deletePage(id);
        setPages((ps) => (ps ?? []).filter((p) => p.id !== id));
        onSelect(null);
      } catch (e) {
        report('Couldn’t delete the page', e);
      }
    },
    [onSelect, report],
  );

  const onSaved = useCallback(
    (s: PageSummary) => setPages((ps) => [s, ...(ps ?? []).filter((p) => p.id !== s.id)]),
    [],
  );
  const open = page && page.id === pageId ? page : null;

  return (
    <div className="notebook">
      <aside className="page-list" aria-label="Pages">
        <header className="page-list-head">
          <h2>Notebook</h2>
          <button type="button" className="button small" onClick={() => void create()}>
            <PlusIcon size={14} /> New page
          </button>
        </header>
        {error && <p className="error-text">{error}</p>}
        {!pages && !error && <Spinner />}
        <PageList pages={pages ?? []} current={pageId} onSelect={onSelect} />
      </aside>
      <section className="page-pane">
        {open ? (
          <QuoteOpenContext.Provider value={onOpenQuote}>
            <QuoteSourcesContext.Provider value={quoteSources}>
              <div className="page-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Delete page"
                  title="Delete page"
                  onClick={() => void remove(open.id)}
                >
                  <TrashIcon />
                </button>
              </div>
              <PageEditor key={open.id} page={open} onSaved={onSaved} focusTitle={open.id === created} />
            </QuoteSourcesContext.Provider>
          </QuoteOpenContext.Provider>
        ) : (
          <div className="empty-state">
            <NotebookIcon size={32} />
            <h2>{pages?.length ? 'Choose a page' : 'Your notebook is empty'}</h2>
            <p>
              Pages hold your own writing. Quote highlights into them with the ❝ Quote button, or drag a highlight from
              the reader.
            </p>
            <button type="button" className="button primary" onClick={() => void create()}>
              <PlusIcon /> New page
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

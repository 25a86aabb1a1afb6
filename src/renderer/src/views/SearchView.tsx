import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ParsedQuery, QueryFilterKey, SearchResult, SearchResultKind } from '@core/model';
import { parseQuery, removeFilter } from '@core/common/searchQuery';
import { CloseIcon, PlusIcon, SearchIcon, Spinner } from '../components/Icons';
import { RESULT_ROW_HEIGHT, SearchResults } from '../components/SearchResults';
import { formatCount } from '../lib/format';
import { nextRow } from '../lib/listKeys';
import type { SearchPager } from '../lib/searchPager';
import { splitKind } from '../lib/searchPager';
import { useIndexStatus } from '../lib/useIndexStatus';

const FILTER_LABELS: Record<QueryFilterKey, string> = {
  title: 'Title',
  site: 'Site',
  author: 'Author',
  kind: 'Kind',
  before: 'Before',
  after: 'After',
  tag: 'Tag',
  collection: 'Collection',
};

/** The query's filters as chips (a click removes the filter from the query) and hints about what was not understood. */
function QueryChips({
  parsed,
  onRemove,
}: {
  parsed: ParsedQuery;
  onRemove: (filter: ParsedQuery['filters'][number]) => void;
}) {
  if (!parsed.filters.length && !parsed.hints.length) return null;
  return (
    <div className="query-explained">
      {parsed.filters.length > 0 && (
        <ul className="query-chips" aria-label="Filters">
          {parsed.filters.map((f, i) => (
            <li key={`${f.key}:${f.value}:${i}`}>
              <button
                type="button"
                className="chip"
                title="Remove this filter"
                aria-label={`${FILTER_LABELS[f.key]} ${f.value} (remove filter)`}
                onClick={() => onRemove(f)}
              >
                <span className="chip-key">{FILTER_LABELS[f.key]}</span> <span className="chip-value">{f.value}</span>
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {parsed.hints.map((hint, i) => (
        <p key={i} className="query-hint" role="note">
          {hint}
        </p>
      ))}
    </div>
  );
}

const KIND_LABELS: Record<SearchResultKind, [string, string]> = {
  article: ['article', 'articles'],
  highlight: ['highlight', 'highlights'],
  page: ['page', 'pages'],
};
const KINDS: SearchResultKind[] = ['article', 'highlight', 'page'];

/** How long a query may go unanswered before the box shows a spinner. */
const SPINNER_AFTER_MS = 300;

/** "3 articles, 2 highlights" for the result count line. */
function kindCounts(byKind: Record<SearchResultKind, number>): string {
  return KINDS.filter((k) => byKind[k] > 0)
    .map((k) => `${formatCount(byKind[k])} ${KIND_LABELS[k][byKind[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

/**
 * Search: results as you type, paged from the core as the list scrolls (only the rows in view are drawn),
 * the exact total and the count per kind as tabs (a tab sets the query's `kind:` filter), the filters as
 * chips. The focus stays in the box: arrows move through the results, Enter opens one.
 */
export function SearchView({
  pager,
  focusToken,
  onOpen,
  libraryEmpty = false,
  onClip,
}: {
  /** The results and the box's text, kept by the app between visits. */
  pager: SearchPager;
  /** Changes whenever the search box should take focus. */
  focusToken: number;
  onOpen: (result: SearchResult) => void;
  /** Nothing is clipped yet: a search finds nothing, and the view says to clip first. */
  libraryEmpty?: boolean;
  onClip?: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const uid = useId();
  useSyncExternalStore(pager.subscribe, pager.getVersion);
  const shown = pager.shown;
  const source = shown?.source ?? null;
  const snap = useSyncExternalStore(source?.subscribe ?? noSubscribe, source?.getSnapshot ?? noSnapshot);
  const active = pager.active;
  const setActive = (i: number) => pager.setActive(i);
  // A return to the view starts where the list was left; a new query starts at the top.
  const [place] = useState(pager.place);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  // The box's text is this view's own (a keystroke redraws the view, not the app), kept in the pager between
  // visits. A change is asked of the core at once, while React draws the box.
  const [query, setQuery] = useState(pager.text);
  const onQueryChange = useCallback(
    (text: string) => {
      setQuery(text);
      pager.type(text);
    },
    [pager],
  );
  const q = query.trim();
  useEffect(() => pager.ask(q), [pager, q]);

  const results = q && shown ? snap : null;
  const total = results?.total ?? 0;
  const at = Math.max(0, Math.min(active, total - 1));
  const pending = q !== '' && shown?.query !== q;
  // The spinner shows only for a query still unanswered after a moment: one that flashed up for every
  // keystroke would move the box's text and run an animation per key for an answer that comes in a few ms.
  const [slowFor, setSlowFor] = useState<string | null>(null);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setSlowFor(q), SPINNER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending, q]);
  const error = q && results?.total === null ? results.error : null;
  const searchedFor = shown?.query ?? '';
  const parsed = useMemo(() => parseQuery(query), [query]);
  const indexStatus = useIndexStatus();
  const { base, kind } = useMemo(() => splitKind(query), [query]);
  const byKind = kind ? pager.kindCounts?.byKind : results?.head?.byKind;
  const allCount = byKind ? KINDS.reduce((n, k) => n + byKind[k], 0) : total;
  const current = (i: number) => (i === at && results ? source?.get(i) : undefined);
  const move = (to: number) => setActive(Math.max(0, Math.min(total - 1, to)));

  return (
    <div className="page search list-page" data-searched={results ? searchedFor : undefined}>
      <div className="search-box">
        <SearchIcon size={18} />
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label="Search your library"
          aria-expanded={total > 0}
          aria-controls={`${uid}-results`}
          aria-activedescendant={total > 0 ? `${uid}-r${at}` : undefined}
          aria-autocomplete="list"
          placeholder="Search articles, highlights and notebook pages"
          value={query}
          spellCheck={false}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={(e) => {
            // The rows a page key moves, read from the layout only for those keys (a letter typed reads nothing).
            const rows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / RESULT_ROW_HEIGHT) - 1);
            const next = e.altKey || e.ctrlKey || e.metaKey ? null : nextRow(e.key, at, total, rows);
            // Home and End stay the text box's own (start and end of the query).
            if (next !== null && e.key !== 'Home' && e.key !== 'End') {
              e.preventDefault();
              move(next);
            } else if ((e.key === 'Home' || e.key === 'End') && e.ctrlKey && total) {
              e.preventDefault();
              move(e.key === 'Home' ? 0 : total - 1);
            } else if (e.key === 'Enter' && current(at)) {
              e.preventDefault();
              onOpen(current(at)!);
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              onQueryChange('');
            }
          }}
        />
        {pending && slowFor === q && <Spinner />}
        {query && (
          <button
            type="button"
            className="icon-button small"
            aria-label="Clear search"
            onClick={() => {
              onQueryChange('');
              inputRef.current?.focus();
            }}
          >
            <CloseIcon size={14} />
          </button>
        )}
      </div>

      {indexStatus?.state === 'loading' && (
        <p className="index-status" role="status">
          <Spinner /> Loading the search index…
        </p>
      )}
      {indexStatus?.state === 'building' && (
        <p className="index-status" role="status">
          <Spinner /> Bringing the search index up to date
          {indexStatus.total > 0 &&
            `: ${indexStatus.done.toLocaleString('en')} of ${indexStatus.total.toLocaleString('en')} clips`}
          . Results may miss recent changes until it is done.
        </p>
      )}

      <QueryChips
        parsed={parsed}
        onRemove={(filter) => {
          onQueryChange(removeFilter(query, filter));
          inputRef.current?.focus();
        }}
      />

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : !q ? (
        <div className="search-hint">
          <p>Search the text of every clip, every highlight and every notebook page.</p>
          <p className="muted">
            <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open. Press <kbd>/</kbd> or <kbd>Ctrl</kbd>{' '}
            <kbd>K</kbd> from anywhere to come back here.
          </p>
        </div>
      ) : results && total === 0 && !pending && libraryEmpty ? (
        <div className="search-hint">
          <p>Your library is empty, so there is nothing to search yet.</p>
          {onClip && (
            <button type="button" className="button primary" onClick={onClip}>
              <PlusIcon /> Clip something
            </button>
          )}
        </div>
      ) : results && total === 0 && !pending && !kind ? (
        <div className="search-hint">
          <p>No matches for “{searchedFor}”.</p>
          <p className="muted">
            Try fewer or other words: Gloss looks in the text of every clip, every highlight and their notes, and every
            notebook page.
          </p>
        </div>
      ) : results ? (
        <>
          <div className="result-summary">
            <p className="result-count" aria-live="polite">
              {total === 1 ? '1 result' : `${formatCount(total)} results`}
              {results.head && total > 0 ? `: ${kindCounts(results.head.byKind)}` : ''}
            </p>
            {base && (
              <div className="kind-tabs" role="group" aria-label="Result kinds">
                <button
                  type="button"
                  className="kind-tab"
                  aria-pressed={kind === null}
                  onClick={() => {
                    onQueryChange(base);
                    inputRef.current?.focus();
                  }}
                >
                  All <span className="filter-count">{formatCount(allCount)}</span>
                </button>
                {KINDS.map((k) => (
                  <button
                    key={k}
                    type="button"
                    className="kind-tab"
                    aria-pressed={kind === k}
                    onClick={() => {
                      onQueryChange(`${base} kind:${k}`);
                      inputRef.current?.focus();
                    }}
                  >
                    {KIND_LABELS[k][1].replace(/^./, (c) => c.toUpperCase())}{' '}
                    <span className="filter-count">{formatCount(byKind?.[k] ?? 0)}</span>
                  </button>
                ))}
              </div>
            )}
          </div>
          {total === 0 ? (
            <p className="search-hint">
              No {kind ? KIND_LABELS[kind][1] : 'results'} match “{searchedFor}”.
            </p>
          ) : (
            <SearchResults
              pager={pager}
              source={source!}
              total={total}
              version={snap.version}
              active={at}
              uid={uid}
              searchedFor={searchedFor}
              place={place}
              scrollRef={scrollRef}
              onOpen={onOpen}
            />
          )}
        </>
      ) : null}
    </div>
  );
}

const noSubscribe = () => () => undefined;
const noSnapshot = () => EMPTY;
const EMPTY = { total: null, head: null, error: null, version: 0 };

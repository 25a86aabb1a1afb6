import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ParsedQuery, QueryFilterKey, SearchResult } from '@core/model';
import { parseQuery, removeFilter } from '@core/common/searchQuery';
import { CloseIcon, DocIcon, HighlighterIcon, PlusIcon, SearchIcon, Spinner } from '../components/Icons';
import { errorMessage } from '../lib/format';

const DEBOUNCE_MS = 80;

/** The snippet with its marked ranges as <mark> elements (plain text only, never HTML). */
export function renderSnippet(snippet: string, marks: Array<[number, number]>): ReactNode[] {
  const sorted = marks
    .map(([s, e]) => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: ReactNode[] = [];
  let pos = 0;
  sorted.forEach(([s, e], i) => {
    if (e <= pos) return;
    const from = Math.max(s, pos);
    if (from > pos) out.push(snippet.slice(pos, from));
    out.push(<mark key={i}>{snippet.slice(from, e)}</mark>);
    pos = e;
  });
  if (pos < snippet.length) out.push(snippet.slice(pos));
  return out;
}

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

/** "3 articles, 2 highlights" for the result count line. */
function kindCounts(results: SearchResult[]): string {
  const articles = results.filter((r) => r.kind === 'article').length;
  const highlights = results.length - articles;
  const parts = [];
  if (articles) parts.push(articles === 1 ? '1 article' : `${articles} articles`);
  if (highlights) parts.push(highlights === 1 ? '1 highlight' : `${highlights} highlights`);
  return parts.join(', ');
}

export function SearchView({
  query,
  onQueryChange,
  focusToken,
  onOpen,
  libraryEmpty = false,
  onClip,
}: {
  query: string;
  onQueryChange: (q: string) => void;
  /** Changes whenever the search box should take focus. */
  focusToken: number;
  onOpen: (result: SearchResult) => void;
  /** Nothing is clipped yet: a search finds nothing, and the view says to clip first. */
  libraryEmpty?: boolean;
  onClip?: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The answer to the last query that came back; a query is pending until its answer is here.
  const [answer, setAnswer] = useState<{ query: string; results: SearchResult[] | null; error: string | null }>({
    query: '',
    results: null,
    error: null,
  });
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const uid = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  const q = query.trim();
  useEffect(() => {
    const mine = ++seq.current;
    if (!q) return;
    const timer = window.setTimeout(() => {
      window.gloss.search({ query: q }).then(
        (results) => {
          if (mine !== seq.current) return;
          setAnswer({ query: q, results, error: null });
          setActive(0);
        },
        (e) => {
          if (mine === seq.current) setAnswer((a) => ({ query: q, results: a.results, error: errorMessage(e) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q]);

  const pending = q !== '' && answer.query !== q;
  const results = q ? answer.results : null;
  const error = q ? answer.error : null;
  const searchedFor = answer.query;

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const count = results?.length ?? 0;
  const parsed = useMemo(() => parseQuery(query), [query]);

  return (
    <div className="page search">
      <div className="search-box">
        <SearchIcon size={18} />
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label="Search your library"
          aria-expanded={count > 0}
          aria-controls={`${uid}-results`}
          aria-activedescendant={count > 0 ? `${uid}-r${active}` : undefined}
          aria-autocomplete="list"
          placeholder="Search articles and highlights"
          value={query}
          spellCheck={false}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && count) {
              e.preventDefault();
              setActive((a) => Math.min(count - 1, a + 1));
            } else if (e.key === 'ArrowUp' && count) {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter' && results?.[active]) {
              e.preventDefault();
              onOpen(results[active]);
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              onQueryChange('');
            }
          }}
        />
        {pending && <Spinner />}
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
      ) : !query.trim() ? (
        <div className="search-hint">
          <p>Search the text of every clip and every highlight.</p>
          <p className="muted">
            <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open. Press <kbd>/</kbd> or <kbd>Ctrl</kbd>{' '}
            <kbd>K</kbd> from anywhere to come back here.
          </p>
        </div>
      ) : results && results.length === 0 && !pending && libraryEmpty ? (
        <div className="search-hint">
          <p>Your library is empty, so there is nothing to search yet.</p>
          {onClip && (
            <button type="button" className="button primary" onClick={onClip}>
              <PlusIcon /> Clip something
            </button>
          )}
        </div>
      ) : results && results.length === 0 && !pending ? (
        <div className="search-hint">
          <p>No matches for “{searchedFor}”.</p>
          <p className="muted">
            Try fewer or other words: Gloss looks in the text of every clip and every highlight, and their notes.
          </p>
        </div>
      ) : results ? (
        <>
          <p className="result-count" aria-live="polite">
            {results.length === 1 ? '1 result' : `${results.length} results`}: {kindCounts(results)}
          </p>
          <ul className="results" id={`${uid}-results`} role="listbox" aria-label="Results" ref={listRef}>
            {results.map((r, i) => (
              <li
                key={`${r.kind}:${r.highlightId ?? r.id}:${i}`}
                id={`${uid}-r${i}`}
                role="option"
                aria-selected={i === active}
                data-index={i}
                className={`result result-${r.kind}${i === active ? ' active' : ''}`}
                data-kind={r.kind}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => onOpen(r)}
              >
                <div className="result-head">
                  <span className={`badge badge-${r.kind}`}>
                    {r.kind === 'highlight' ? <HighlighterIcon size={12} /> : <DocIcon size={12} />}
                    {r.kind === 'highlight' ? 'Highlight' : 'Article'}
                  </span>
                  <span className="result-title">{r.title}</span>
                </div>
                <p className={`result-snippet${r.kind === 'highlight' ? ' quote' : ''}`}>
                  {renderSnippet(r.snippet, r.marks)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

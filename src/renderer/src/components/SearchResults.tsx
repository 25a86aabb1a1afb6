/**
 * The search view's result list: a listbox drawn a screenful at a time, its rows read from the core a page at
 * a time as they come into view. A memoised component of its own, so a keystroke redraws the box and not the
 * rows (they change only when the newest query answers).
 */
import type { ReactNode, RefObject } from 'react';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { SearchResult } from '@core/model';
import { formatDate } from '../lib/format';
import type { SearchPager, SearchSource } from '../lib/searchPager';
import { placeOf, useActiveInView, useFixedRows, useLeanFirstFrame, VirtualOptions } from './VirtualList';
import type { ListPlace } from './VirtualList';
import { DocIcon, HighlighterIcon, NotebookIcon } from './Icons';

/** One result row is this many pixels high (styles/search.css holds it to it). */
export const RESULT_ROW_HEIGHT = 116;

/** Rows read beyond the last one in view once the list has been scrolled (at the top, the first page is enough). */
const READ_AHEAD = 25;

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

/** Where and when a result comes from: its site and date, so copies of one article can be told apart. */
function resultMeta(r: SearchResult): string[] {
  if (r.kind === 'page') return ['Notebook page', ...(r.clippedAt ? [`Edited ${formatDate(r.clippedAt)}`] : [])];
  return [
    ...(r.site ? [r.site] : []),
    ...(r.published ? [`Published ${formatDate(r.published)}`] : []),
    ...(r.clippedAt ? [`Clipped ${formatDate(r.clippedAt)}`] : []),
  ];
}

/**
 * The results of `source` (`total` rows, `version` changing as its rows arrive), `active` the one the box's
 * arrows move and Enter opens, ids `${uid}-r<index>` for `aria-activedescendant`. `place` is where the list
 * starts when drawn again (a return to the view).
 */
export const SearchResults = memo(function SearchResults({
  pager,
  source,
  total,
  version,
  active,
  uid,
  searchedFor,
  place,
  scrollRef,
  onOpen,
}: {
  pager: SearchPager;
  source: SearchSource;
  total: number;
  version: number;
  active: number;
  uid: string;
  searchedFor: string;
  place: ListPlace | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  onOpen: (result: SearchResult) => void;
}) {
  const range = useRef<[number, number]>([0, 0]);
  // A new query's results: the keystroke's frame draws the rows in view, the rows beyond come after it.
  const lean = useLeanFirstFrame(source);
  const virtualizer = useFixedRows(
    total,
    RESULT_ROW_HEIGHT,
    scrollRef,
    place,
    useCallback(
      (first: number, last: number) => {
        range.current = [first, last];
        source.ensure(first, first > 0 ? last + READ_AHEAD : last);
      },
      [source],
    ),
    undefined,
    lean,
  );
  // Rows in view that the library's changes made stale are read again.
  useEffect(() => {
    const [first, last] = range.current;
    source.ensure(first, first > 0 ? last + READ_AHEAD : last);
  }, [source, version]);
  // A new query's results start at the top; the active result is kept in view.
  const firstSource = useRef(source);
  useEffect(() => {
    if (source !== firstSource.current && virtualizer.scrollOffset) virtualizer.scrollToOffset(0);
  }, [source, virtualizer]);
  useActiveInView(virtualizer, active, total);

  return (
    <div
      ref={scrollRef}
      className="vlist-scroll"
      // A scroll area the keyboard can reach (the results are picked from the box).
      tabIndex={0}
      onScroll={(e) => pager.setPlace(placeOf(e.currentTarget))}
    >
      <ul
        className="results vlist"
        id={`${uid}-results`}
        role="listbox"
        aria-label="Results"
        style={{ height: virtualizer.getTotalSize() }}
        data-query={searchedFor}
      >
        <VirtualOptions
          virtualizer={virtualizer}
          renderOption={(i, position) => {
            const r = source.get(i);
            const cls = `result vlist-option${i === active ? ' active' : ''}`;
            if (!r)
              return (
                <li
                  key={`loading:${i}`}
                  id={`${uid}-r${i}`}
                  role="option"
                  aria-selected={i === active}
                  aria-busy="true"
                  className={`${cls} result-loading`}
                  {...position}
                >
                  Loading…
                </li>
              );
            return (
              <li
                key={`${r.kind}:${r.highlightId ?? r.id}:${i}`}
                id={`${uid}-r${i}`}
                role="option"
                aria-selected={i === active}
                data-index={i}
                className={`${cls} result-${r.kind}`}
                data-kind={r.kind}
                {...position}
                onMouseMove={() => i !== active && pager.setActive(i)}
                onClick={() => onOpen(r)}
              >
                <div className="result-head">
                  <span className={`badge badge-${r.kind}`}>
                    {r.kind === 'highlight' ? (
                      <HighlighterIcon size={12} />
                    ) : r.kind === 'page' ? (
                      <NotebookIcon size={12} />
                    ) : (
                      <DocIcon size={12} />
                    )}
                    {r.kind === 'highlight' ? 'Highlight' : r.kind === 'page' ? 'Page' : 'Article'}
                  </span>
                  <span className="result-title">{r.title}</span>
                </div>
                <p className={`result-snippet${r.kind === 'highlight' ? ' quote' : ''}`}>
                  {renderSnippet(r.snippet, r.marks)}
                </p>
                <p className="result-meta">
                  {resultMeta(r).map((m, j) => (
                    <span key={j}>{m}</span>
                  ))}
                </p>
              </li>
            );
          }}
        />
      </ul>
    </div>
  );
});

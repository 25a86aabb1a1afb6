import { memo, useCallback } from 'react';
import type { ClipSort } from '@core/api';
import type { ClipSummary } from '@core/model';
import { hasFilters, LibraryControls } from '../components/LibraryControls';
import { DocIcon, HighlighterIcon, PlusIcon } from '../components/Icons';
import { ListError, ListLoading } from '../components/ListStates';
import { VirtualList } from '../components/VirtualList';
import { formatDate, formatWords, hostOf, plural, readingTime } from '../lib/format';
import type { LibraryList } from '../lib/keptList';
import { useKeptList } from '../lib/useKeptList';

/** Every row of the list is this many pixels high (styles/library.css holds the row to it). */
export const CLIP_ROW_HEIGHT = 124;

/** One clip of the list; a row whose page is still on its way shows "Loading…" in the same button (keeping its focus). */
const ClipRow = memo(function ClipRow({
  clip,
  index,
  sort,
  tabIndex,
  onOpen,
}: {
  clip: ClipSummary | undefined;
  index: number;
  sort: ClipSort;
  tabIndex: 0 | -1;
  onOpen: (index: number) => void;
}) {
  if (!clip)
    return (
      <button type="button" className="clip-row loading-row" tabIndex={tabIndex} data-row={index} aria-busy="true">
        <span className="clip-title">Loading…</span>
      </button>
    );
  const site = clip.site ?? hostOf(clip.url);
  const date =
    sort === 'published'
      ? clip.published
        ? `Published ${formatDate(clip.published)}`
        : 'No publication date'
      : `Clipped ${formatDate(clip.clippedAt)}`;
  return (
    <button
      type="button"
      className="clip-row"
      tabIndex={tabIndex}
      data-row={index}
      data-clip-id={clip.id}
      onClick={() => onOpen(index)}
    >
      <span className="clip-title">{clip.title}</span>
      <span className="clip-excerpt">{clip.excerpt}</span>
      <span className="clip-meta">
        {site && <span className="clip-site">{site}</span>}
        <span>{date}</span>
        <span>{formatWords(clip.words)}</span>
        <span>{readingTime(clip.words)}</span>
        {clip.highlightCount > 0 && (
          <span className="clip-highlights" title={plural(clip.highlightCount, 'highlight')}>
            <HighlighterIcon size={13} />
            {plural(clip.highlightCount, 'highlight')}
          </span>
        )}
      </span>
    </button>
  );
});

/**
 * The library: sorted and filtered by the core, a page of rows at a time as the list scrolls; only the rows
 * in view are drawn. The list (query, rows, scroll place, focused row) lives in `list`, so coming back from
 * the reader shows it as it was left. `shown` is false while the reader is open over it (see KeptView).
 */
export const LibraryView = memo(function LibraryView({
  list,
  shown = true,
  onOpen,
  onClip,
}: {
  list: LibraryList;
  shown?: boolean;
  onOpen: (id: string) => void;
  onClip: () => void;
}) {
  const { source, snap, setQuery, opened, listProps } = useKeptList(list, shown);
  const query = list.query;
  const open = useCallback(
    (index: number) => {
      const clip = source.get(index);
      if (!clip) return;
      opened(index);
      onOpen(clip.id);
    },
    [source, opened, onOpen],
  );

  const total = snap.total;
  const filtered = hasFilters(query);
  const sort = query.sort ?? 'clipped';
  return (
    <div className="page library list-page">
      <header className="page-head">
        <h1>Library</h1>
        {total !== null && (total > 0 || filtered) && (
          <span className="page-count" aria-live="polite">
            {plural(total, 'clip')}
            {filtered ? ' match' : ''}
          </span>
        )}
      </header>
      {snap.error && total === null ? (
        <ListError what="The library" error={snap.error} onRetry={() => list.invalidate()} />
      ) : total === null ? (
        <ListLoading label="Loading your library…" />
      ) : total === 0 && !filtered ? (
        <div className="empty-state">
          <DocIcon size={32} />
          <h2>Your library is empty</h2>
          <p>
            Press <strong>Clip</strong> and paste the text of an article, or give it a web address. You can also drop
            saved pages (.html), Markdown or text files, or links onto this window. Gloss keeps a clean, readable copy
            you can highlight and search, stored as plain files on this computer.
          </p>
          <button type="button" className="button primary" onClick={onClip}>
            <PlusIcon /> Clip something
          </button>
        </div>
      ) : (
        <>
          <LibraryControls query={query} facets={snap.head?.facets ?? null} onChange={setQuery} />
          {total === 0 ? (
            <div className="empty-state">
              <p>No clip matches these filters.</p>
              <button type="button" className="button" onClick={() => setQuery({ sort, desc: query.desc })}>
                Show every clip
              </button>
            </div>
          ) : (
            <VirtualList
              key={JSON.stringify(query)}
              {...listProps}
              rowHeight={CLIP_ROW_HEIGHT}
              label="Clips"
              className="clip-list"
              onOpen={open}
              renderRow={(i, tabIndex) => (
                <ClipRow clip={source.get(i)} index={i} sort={sort} tabIndex={tabIndex} onOpen={open} />
              )}
            />
          )}
        </>
      )}
    </div>
  );
});

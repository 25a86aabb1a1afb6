import type { KeyboardEvent, MouseEvent } from 'react';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { ClipSort } from '@core/api';
import type { ClipSummary } from '@core/model';
import { hasFilters, LibraryControls } from '../components/LibraryControls';
import { CheckIcon, DocIcon, HighlighterIcon, PlusIcon } from '../components/Icons';
import { ListError, ListLoading } from '../components/ListStates';
import { VirtualList } from '../components/VirtualList';
import { useCite } from '../lib/cite';
import { formatDate, formatWords, hostOf, plural, readingTime } from '../lib/format';
import type { LibraryList } from '../lib/keptList';
import { useClipSelection } from '../lib/useClipSelection';
import { useKeptList } from '../lib/useKeptList';

/** Every row of the list is this many pixels high (styles/library.css holds the row to it). */
export const CLIP_ROW_HEIGHT = 124;

/** One clip of the list; a row whose page is still on its way shows "Loading…" in the same button (keeping its focus). */
const ClipRow = memo(function ClipRow({
  clip,
  index,
  sort,
  tabIndex,
  selected,
  onClick,
  onKey,
}: {
  clip: ClipSummary | undefined;
  index: number;
  sort: ClipSort;
  tabIndex: 0 | -1;
  selected: boolean;
  /** A click: opens the row, or with Ctrl/Cmd or Shift changes the selection. */
  onClick: (e: MouseEvent, index: number) => void;
  onKey: (e: KeyboardEvent, index: number) => void;
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
      className={selected ? 'clip-row selected' : 'clip-row'}
      tabIndex={tabIndex}
      data-row={index}
      data-clip-id={clip.id}
      data-selected={selected || undefined}
      onClick={(e) => onClick(e, index)}
      onKeyDown={(e) => onKey(e, index)}
    >
      <span className="clip-title">
        {selected && <CheckIcon size={14} />}
        {clip.title}
        {selected && <span className="visually-hidden"> (selected)</span>}
      </span>
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
  onSelection,
}: {
  list: LibraryList;
  shown?: boolean;
  /** Opens clip `id` (`pdf` when it is a PDF clip, so its file starts loading at once). */
  onOpen: (id: string, pdf?: ClipSummary['pdfFile']) => void;
  onClip: () => void;
  /** The chosen clips' ids whenever they change (the palette's and the context menu's citations use them). */
  onSelection?: (ids: string[]) => void;
}) {
  const { source, snap, setQuery: showQuery, opened, listProps } = useKeptList(list, shown);
  const cite = useCite();
  const idAt = useCallback((index: number) => source.get(index)?.id, [source]);
  const selection = useClipSelection(idAt);
  const { ids: selectedIds, clear: clearSelection } = selection;
  // Rows are memoised: they call the current selection's handlers through a ref.
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
    onSelection?.(selectedIds);
  }, [selection, selectedIds, onSelection]);
  const setQuery = useCallback(
    (q: Parameters<typeof showQuery>[0]) => {
      clearSelection();
      showQuery(q);
    },
    [clearSelection, showQuery],
  );
  const query = list.query;
  const open = useCallback(
    (index: number) => {
      const clip = source.get(index);
      if (!clip) return;
      opened(index);
      onOpen(clip.id, clip.pdfFile);
    },
    [source, opened, onOpen],
  );
  const onRowClick = useCallback(
    (e: MouseEvent, index: number) => {
      if (!selectionRef.current.onRowClick(e, index)) open(index);
    },
    [open],
  );
  const onRowKey = useCallback((e: KeyboardEvent, index: number) => void selectionRef.current.onRowKey(e, index), []);

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
          {selectedIds.length > 0 && (
            <div className="selection-bar" role="toolbar" aria-label="Selected clips">
              <span className="selection-count" aria-live="polite">
                {plural(selectedIds.length, 'clip')} selected
              </span>
              <button
                type="button"
                className="button small"
                onClick={() => cite({ clipIds: selectedIds, label: `${plural(selectedIds.length, 'selected clip')}` })}
              >
                Export citations…
              </button>
              <button type="button" className="link-button" onClick={clearSelection}>
                Clear selection
              </button>
            </div>
          )}
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
                <ClipRow
                  clip={source.get(i)}
                  index={i}
                  sort={sort}
                  tabIndex={tabIndex}
                  selected={selection.has(source.get(i)?.id ?? '')}
                  onClick={onRowClick}
                  onKey={onRowKey}
                />
              )}
            />
          )}
        </>
      )}
    </div>
  );
});

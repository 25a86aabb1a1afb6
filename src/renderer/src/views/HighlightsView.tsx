import '../styles/highlights.css';
import { memo, useCallback, useEffect, useState } from 'react';
import type { FacetCount, HighlightListing } from '@core/api';
import type { HighlightColor } from '@core/model';
import { HIGHLIGHT_COLORS } from '@core/common/vocabulary';
import { COLOR_LABELS } from '../components/HighlightToolbar';
import { CloseIcon, HighlighterIcon } from '../components/Icons';
import { ListError, ListLoading } from '../components/ListStates';
import { VirtualList } from '../components/VirtualList';
import { formatDate, plural } from '../lib/format';
import { useJobsContext } from '../lib/jobsContext';
import type { HighlightsList, HighlightsQuery } from '../lib/keptList';
import { useKeptList } from '../lib/useKeptList';
import { menuPosition, useOpenContextMenu } from '../lib/useContextMenus';

/** Every row is this many pixels high (styles/highlights.css holds the row to it). */
export const HIGHLIGHT_ROW_HEIGHT = 120;

const HighlightRow = memo(function HighlightRow({
  row,
  index,
  tabIndex,
  onOpen,
  onMenu,
}: {
  row: HighlightListing | undefined;
  index: number;
  tabIndex: 0 | -1;
  onOpen: (index: number) => void;
  onMenu: (e: React.MouseEvent<HTMLElement>, row: HighlightListing) => void;
}) {
  // A row whose page is on its way: the same button (it keeps the focus), saying so.
  if (!row)
    return (
      <button type="button" className="hl-row loading-row" tabIndex={tabIndex} data-row={index} aria-busy="true">
        <span className="hl-row-quote">Loading…</span>
      </button>
    );
  const h = row.highlight;
  return (
    <button
      type="button"
      className={`hl-row hl-${h.color}${h.note ? ' with-note' : ''}`}
      tabIndex={tabIndex}
      data-row={index}
      data-highlight-id={h.id}
      onClick={() => onOpen(index)}
      onContextMenu={(e) => onMenu(e, row)}
    >
      <span className="hl-row-quote">{h.target.selector[0].exact}</span>
      {h.note && <span className="hl-row-note">{h.note}</span>}
      <span className="hl-row-meta">
        <span className="hl-row-clip">{row.clipTitle}</span>
        {row.clipSite && <span>{row.clipSite}</span>}
        <span>{formatDate(h.createdAt)}</span>
        {(h.tags ?? []).length > 0 && <span>{(h.tags ?? []).map((t) => `#${t}`).join(' ')}</span>}
      </span>
    </button>
  );
});

/** The tags and sites the filters offer, read once per visit. */
function useFilterChoices(): { tags: string[]; sites: FacetCount[] } {
  const [choices, setChoices] = useState<{ tags: string[]; sites: FacetCount[] }>({ tags: [], sites: [] });
  useEffect(() => {
    let live = true;
    void Promise.all([window.gloss.getTaxonomy(), window.gloss.listClipsPage({ limit: 1 })]).then(
      ([taxonomy, page]) => live && setChoices({ tags: taxonomy.tags.map((t) => t.name), sites: page.facets.sites }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return choices;
}

/**
 * Every highlight in the library, newest first (Readwise's core screen): filters by colour, tag, site and
 * clip, the note under each quote, Enter or a click opens the reader at the passage, and the filtered set
 * exports as one Markdown file.
 */
export function HighlightsView({
  list,
  shown = true,
  onOpen,
}: {
  list: HighlightsList;
  /** False while the reader is open over the view (see KeptView). */
  shown?: boolean;
  onOpen: (clipId: string, highlightId: string) => void;
}) {
  const { source, snap, setQuery, opened, listProps } = useKeptList(list, shown);
  const { runJob } = useJobsContext();
  const openMenu = useOpenContextMenu();
  const choices = useFilterChoices();
  const query = list.query;
  const set = (patch: Partial<HighlightsQuery>) => setQuery({ ...query, ...patch });
  const [clipTitle, setClipTitle] = useState<string | null>(null);

  const open = useCallback(
    (index: number) => {
      const row = source.get(index);
      if (!row) return;
      opened(index);
      onOpen(row.clipId, row.highlight.id);
    },
    [source, opened, onOpen],
  );
  const onMenu = useCallback(
    (e: React.MouseEvent<HTMLElement>, row: HighlightListing) => {
      e.preventDefault();
      const narrow = (patch: Partial<HighlightsQuery>) => setQuery({ ...list.query, ...patch });
      const items = [
        { label: 'Open at this passage', run: () => onOpen(row.clipId, row.highlight.id) },
        {
          label: 'Only this clip’s highlights',
          run: () => {
            setClipTitle(row.clipTitle);
            narrow({ clipId: row.clipId });
          },
        },
        ...(row.clipSite
          ? [{ label: `Only highlights from ${row.clipSite}`, run: () => narrow({ site: row.clipSite! }) }]
          : []),
      ];
      openMenu({ ...menuPosition(e.nativeEvent, e.currentTarget), label: 'Highlight', items });
    },
    [list, onOpen, openMenu, setQuery],
  );

  const total = snap.total;
  const filtered = Boolean(query.color || query.tag || query.site || query.clipId);
  return (
    <div className="page highlights list-page">
      <header className="page-head">
        <h1>Highlights</h1>
        {total !== null && (
          <span className="page-count" aria-live="polite">
            {plural(total, 'highlight')}
            {filtered ? ' match' : ''}
          </span>
        )}
        <span className="page-head-actions">
          <button
            type="button"
            className="button small"
            disabled={!total}
            onClick={() => runJob({ kind: 'export-highlights', query })}
          >
            Export {filtered ? 'these' : 'all'} as Markdown…
          </button>
        </span>
      </header>
      <div className="highlights-filters">
        <div className="filter-group" role="group" aria-label="Colour">
          <span className="filter-label">Colour</span>
          {HIGHLIGHT_COLORS.map((c: HighlightColor) => (
            <button
              key={c}
              type="button"
              className={`filter-chip color-chip hl-${c}`}
              aria-pressed={query.color === c}
              onClick={() => set({ color: query.color === c ? undefined : c })}
            >
              {COLOR_LABELS[c]}
            </button>
          ))}
        </div>
        <div className="library-sort">
          <label className="control-label">
            Tag{' '}
            <select value={query.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
              <option value="">Any tag</option>
              {choices.tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="control-label">
            Site{' '}
            <select value={query.site ?? ''} onChange={(e) => set({ site: e.target.value || undefined })}>
              <option value="">All sites</option>
              {query.site && !choices.sites.some((s) => s.value === query.site) && (
                <option value={query.site}>{query.site}</option>
              )}
              {choices.sites.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.value}
                </option>
              ))}
            </select>
          </label>
          {query.clipId && (
            <button
              type="button"
              className="chip"
              aria-label={`Clip ${clipTitle ?? ''} (remove filter)`}
              onClick={() => set({ clipId: undefined })}
            >
              <span className="chip-key">Clip</span> <span className="chip-value">{clipTitle ?? 'one clip'}</span>
              <CloseIcon size={12} />
            </button>
          )}
        </div>
      </div>
      {snap.error && total === null ? (
        <ListError what="The highlights" error={snap.error} onRetry={() => list.invalidate()} />
      ) : total === null ? (
        <ListLoading label="Loading highlights…" />
      ) : total === 0 ? (
        <div className="empty-state">
          <HighlighterIcon size={32} />
          <h2>{filtered ? 'No highlight matches these filters' : 'No highlights yet'}</h2>
          {filtered ? (
            <button type="button" className="button" onClick={() => setQuery({})}>
              Show every highlight
            </button>
          ) : (
            <p>Select text in an article and press H: every highlight you make is listed here, newest first.</p>
          )}
        </div>
      ) : (
        <VirtualList
          key={JSON.stringify(query)}
          {...listProps}
          rowHeight={HIGHLIGHT_ROW_HEIGHT}
          label="Highlights"
          className="hl-list"
          onOpen={open}
          renderRow={(i, tabIndex) => (
            <HighlightRow row={source.get(i)} index={i} tabIndex={tabIndex} onOpen={open} onMenu={onMenu} />
          )}
        />
      )}
    </div>
  );
}

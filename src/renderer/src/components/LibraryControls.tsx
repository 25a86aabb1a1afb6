import { useCite } from '../lib/cite';
import '../styles/annotate.css';
import { memo, useState } from 'react';
import type { ClipFacets, ClipSort, FacetCount } from '@core/api';
import type { LibraryQuery } from '../lib/keptList';
import { useJobsContext } from '../lib/jobsContext';
import { menuPosition, useOpenContextMenu } from '../lib/useContextMenus';

/** Facet values shown before "more". */
const FACETS_SHOWN = 12;

const SORTS: Array<{ sort: ClipSort; label: string }> = [
  { sort: 'clipped', label: 'Date clipped' },
  { sort: 'published', label: 'Date published' },
  { sort: 'title', label: 'Title' },
  { sort: 'site', label: 'Site' },
  { sort: 'progress', label: 'Reading progress' },
  { sort: 'highlights', label: 'Highlights' },
];

/** Whether the list runs highest first: as asked, else the core's default (names A to Z, the rest highest first). */
function descending(sort: ClipSort, desc: boolean | undefined): boolean {
  return desc ?? !(sort === 'title' || sort === 'site');
}

/** "Newest first" / "A to Z" for the direction button. */
function directionLabel(sort: ClipSort, down: boolean): string {
  if (sort === 'title' || sort === 'site') return down ? 'Z to A' : 'A to Z';
  if (sort === 'clipped' || sort === 'published') return down ? 'Newest first' : 'Oldest first';
  return down ? 'Highest first' : 'Lowest first';
}

/** Whether the library query narrows the list (the count line then says "match"). */
export function hasFilters(q: LibraryQuery): boolean {
  return Boolean(q.site || q.tag || q.collection || q.hasHighlights || q.unread);
}

function FacetChips({
  label,
  values,
  chosen,
  onChoose,
  onMenu,
}: {
  label: string;
  values: FacetCount[];
  chosen: string | undefined;
  onChoose: (value: string | undefined) => void;
  onMenu?: (e: React.MouseEvent<HTMLElement>, value: string) => void;
}) {
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  // The most frequent first; the rest behind "more" (the chosen one always shows).
  const shown = all
    ? values
    : values.filter((v, i) => i < FACETS_SHOWN || v.value.toLowerCase() === chosen?.toLowerCase());
  return (
    <div className="filter-group" role="group" aria-label={label}>
      <span className="filter-label">{label}</span>
      {shown.map(({ value, count }) => {
        const on = chosen?.toLowerCase() === value.toLowerCase();
        return (
          <button
            key={value}
            type="button"
            className="filter-chip"
            aria-pressed={on}
            onClick={() => onChoose(on ? undefined : value)}
            onContextMenu={onMenu ? (e) => onMenu(e, value) : undefined}
          >
            {value} <span className="filter-count">{count}</span>
          </button>
        );
      })}
      {values.length > FACETS_SHOWN && (
        <button type="button" className="filter-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Fewer' : `${values.length - FACETS_SHOWN} more…`}
        </button>
      )}
    </div>
  );
}

/**
 * Above the library list: the sort (and its direction), and the facets with their counts from the core:
 * collections and tags as chips, the site as a menu, "Has highlights" and "Unread" as toggles.
 */
export const LibraryControls = memo(function LibraryControls({
  query,
  facets,
  onChange,
}: {
  query: LibraryQuery;
  facets: ClipFacets | null;
  onChange: (q: LibraryQuery) => void;
}) {
  const openMenu = useOpenContextMenu();
  const { runJob } = useJobsContext();
  const cite = useCite();
  const sort = query.sort ?? 'clipped';
  const down = descending(sort, query.desc);
  const set = (patch: Partial<LibraryQuery>) => onChange({ ...query, ...patch });
  const collectionMenu = (e: React.MouseEvent<HTMLElement>, name: string) => {
    e.preventDefault();
    const items = [
      { label: 'Export as Markdown…', run: () => runJob({ kind: 'export', collection: name }) },
      { label: 'Export citations…', run: () => cite({ collection: name, label: `“${name}”` }) },
    ];
    openMenu({ ...menuPosition(e.nativeEvent, e.currentTarget), label: `Collection “${name}”`, items });
  };
  const sites = facets?.sites ?? [];
  return (
    <div className="library-controls">
      <div className="library-sort">
        <label className="control-label">
          Sort by{' '}
          <select value={sort} onChange={(e) => set({ sort: e.target.value as ClipSort, desc: undefined })}>
            {SORTS.map((s) => (
              <option key={s.sort} value={s.sort}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button small"
          aria-label={`Order: ${directionLabel(sort, down)} (reverse)`}
          onClick={() => set({ desc: !down })}
        >
          {directionLabel(sort, down)}
        </button>
        <span className="library-toggles">
          <button
            type="button"
            className="filter-chip"
            aria-pressed={Boolean(query.hasHighlights)}
            onClick={() => set({ hasHighlights: query.hasHighlights ? undefined : true })}
          >
            Has highlights <span className="filter-count">{facets?.withHighlights ?? '…'}</span>
          </button>
          <button
            type="button"
            className="filter-chip"
            aria-pressed={Boolean(query.unread)}
            onClick={() => set({ unread: query.unread ? undefined : true })}
          >
            Unread <span className="filter-count">{facets?.unread ?? '…'}</span>
          </button>
        </span>
        {(sites.length > 0 || query.site) && (
          <label className="control-label">
            Site{' '}
            <select value={query.site ?? ''} onChange={(e) => set({ site: e.target.value || undefined })}>
              <option value="">All sites</option>
              {query.site && !sites.some((s) => s.value === query.site) && (
                <option value={query.site}>{query.site}</option>
              )}
              {sites.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.value} ({s.count})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="library-filters">
        <FacetChips
          label="Collections"
          values={facets?.collections ?? []}
          chosen={query.collection}
          onChoose={(collection) => set({ collection })}
          onMenu={collectionMenu}
        />
        <FacetChips label="Tags" values={facets?.tags ?? []} chosen={query.tag} onChoose={(tag) => set({ tag })} />
      </div>
      {query.collection && (
        <div className="collection-actions">
          <button
            type="button"
            className="button small"
            onClick={() => runJob({ kind: 'export', collection: query.collection })}
          >
            Export “{query.collection}” as Markdown…
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => cite({ collection: query.collection!, label: `“${query.collection}”` })}
          >
            Cite “{query.collection}”…
          </button>
        </div>
      )}
    </div>
  );
});

import '../styles/annotate.css';
import type { ClipSummary } from '@core/model';
import { useJobsContext } from '../lib/jobsContext';
import { menuPosition, useOpenContextMenu } from '../lib/useContextMenus';

/** A tag or collection the library list is narrowed to. */
export interface LibraryFilter {
  kind: 'tag' | 'collection';
  name: string;
}

function counted(lists: string[][]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const n of list) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Whether a clip passes the filter. */
export function passes(clip: ClipSummary, filter: LibraryFilter | null): boolean {
  if (!filter) return true;
  const names = filter.kind === 'tag' ? clip.tags : clip.collections;
  return (names ?? []).some((n) => n.toLowerCase() === filter.name.toLowerCase());
}

/** The tag browser and collections above the library list: choosing one narrows the list to it. */
export function LibraryFilters({
  clips,
  filter,
  onChange,
}: {
  clips: ClipSummary[];
  filter: LibraryFilter | null;
  onChange: (f: LibraryFilter | null) => void;
}) {
  const groups = [
    { kind: 'collection' as const, label: 'Collections', names: counted(clips.map((c) => c.collections ?? [])) },
    { kind: 'tag' as const, label: 'Tags', names: counted(clips.map((c) => c.tags ?? [])) },
  ].filter((g) => g.names.length > 0);
  const openMenu = useOpenContextMenu();
  const { runJob } = useJobsContext();
  const collectionMenu = (e: React.MouseEvent<HTMLElement>, name: string) => {
    e.preventDefault();
    const items = [{ label: 'Export as Markdown…', run: () => runJob({ kind: 'export', collection: name }) }];
    openMenu({ ...menuPosition(e.nativeEvent, e.currentTarget), label: `Collection “${name}”`, items });
  };
  if (groups.length === 0) return null;
  return (
    <div className="library-filters">
      {groups.map((g) => (
        <div key={g.kind} className="filter-group" role="group" aria-label={g.label}>
          <span className="filter-label">{g.label}</span>
          {g.names.map(([name, n]) => {
            const on = filter?.kind === g.kind && filter.name === name;
            return (
              <button
                key={name}
                type="button"
                className="filter-chip"
                aria-pressed={on}
                onClick={() => onChange(on ? null : { kind: g.kind, name })}
                onContextMenu={g.kind === 'collection' ? (e) => collectionMenu(e, name) : undefined}
              >
                {name} <span className="filter-count">{n}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

import { useState } from 'react';
import type { PageSummary } from '@core/notebook/types';
import { VirtualList } from '../components/VirtualList';
import { formatDate } from '../lib/format';

const ROW_HEIGHT = 56;

/** The notebook's pages, newest change first, drawn a screenful at a time; arrows, Home/End and Enter work. */
export function PageList({
  pages,
  current,
  onSelect,
}: {
  pages: PageSummary[];
  current: string | null;
  onSelect: (pageId: string) => void;
}) {
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      pages.findIndex((p) => p.id === current),
    ),
  );
  return (
    <VirtualList
      count={pages.length}
      rowHeight={ROW_HEIGHT}
      label="Notebook pages"
      className="notebook-pages"
      active={active}
      onActiveChange={setActive}
      onOpen={(i) => pages[i] && onSelect(pages[i].id)}
      rowKey={(i) => pages[i]?.id ?? i}
      renderRow={(i, tabIndex) => {
        const p = pages[i]!;
        return (
          <button
            type="button"
            className="page-row"
            tabIndex={tabIndex}
            data-row={i}
            onClick={() => onSelect(p.id)}
            aria-current={p.id === current ? 'page' : undefined}
          >
            <span className="page-row-title">{p.title || 'Untitled page'}</span>
            <span className="page-row-date">{formatDate(p.updatedAt)}</span>
          </button>
        );
      }}
    />
  );
}

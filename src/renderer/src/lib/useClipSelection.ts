import type { KeyboardEvent, MouseEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';

/** The clips chosen in a list, by id, in the order of the list. */
export interface ClipSelection {
  ids: string[];
  has: (id: string) => boolean;
  /** A row was clicked: Ctrl/Cmd toggles it, Shift selects the range from the last chosen row; true if handled. */
  onRowClick: (e: MouseEvent, index: number) => boolean;
  /** A key on a row: Space toggles it, Shift+Space and Shift+arrows extend the range, Escape clears; true if handled. */
  onRowKey: (e: KeyboardEvent, index: number) => boolean;
  clear: () => void;
}

/**
 * Multiple selection in a list of rows (`idAt(index)`, undefined while a row is loading), as file lists do:
 * Ctrl/Cmd-click toggles a row, Shift-click selects a range, and from the keyboard Space toggles the focused
 * row and Shift with an arrow (or Space) extends the range; Escape clears. A plain click is left to open the row.
 */
export function useClipSelection(idAt: (index: number) => string | undefined): ClipSelection {
  const [chosen, setChosen] = useState<ReadonlyMap<number, string>>(new Map());
  const anchor = useRef<number | null>(null);

  const toggle = useCallback(
    (index: number) => {
      const id = idAt(index);
      if (!id) return;
      anchor.current = index;
      setChosen((now) => {
        const next = new Map(now);
        if (next.has(index)) next.delete(index);
        else next.set(index, id);
        return next;
      });
    },
    [idAt],
  );

  /** Selects the rows from the anchor to `index` (both included), added to what is chosen. */
  const extend = useCallback(
    (index: number) => {
      const from = anchor.current ?? index;
      anchor.current = from;
      setChosen((now) => {
        const next = new Map(now);
        for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
          const id = idAt(i);
          if (id) next.set(i, id);
        }
        return next;
      });
    },
    [idAt],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    setChosen(new Map());
  }, []);

  const onRowClick = useCallback(
    (e: MouseEvent, index: number) => {
      if (e.ctrlKey || e.metaKey) toggle(index);
      else if (e.shiftKey) extend(index);
      else return false;
      e.preventDefault();
      return true;
    },
    [toggle, extend],
  );

  const onRowKey = useCallback(
    (e: KeyboardEvent, index: number) => {
      if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // Space would click (open) the row: here it chooses it instead.
        e.preventDefault();
        if (e.shiftKey) extend(index);
        else toggle(index);
        return true;
      }
      if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        // The list moves the focus; the range grows to the row it moves to.
        if (anchor.current === null) anchor.current = index;
        extend(index + (e.key === 'ArrowDown' ? 1 : -1));
        return true;
      }
      if (e.key === 'Escape' && chosen.size > 0) {
        e.stopPropagation();
        clear();
        return true;
      }
      return false;
    },
    [toggle, extend, clear, chosen.size],
  );

  return useMemo(() => {
    const ids = [...chosen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    const set = new Set(ids);
    return { ids, has: (id: string) => set.has(id), onRowClick, onRowKey, clear };
  }, [chosen, onRowClick, onRowKey, clear]);
}

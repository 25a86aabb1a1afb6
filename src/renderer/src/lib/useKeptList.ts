import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { placeOf } from '../components/VirtualList';
import type { KeptList } from './keptList';
import type { PageAnswer } from './pagedSource';

/** Rows read beyond those in view, each way, so a scroll rarely meets a row still loading. */
const READ_AHEAD = 30;

/**
 * A view's hold on a {@link KeptList}: its rows (read a page at a time as they come into view, and again
 * when the data changes), the props that put a `VirtualList` where it was left, `setQuery` and `opened`
 * (call it when a row is opened, so the focus comes back to that row when the view is next `shown`: mounted
 * again, or shown again after the reader was open over it).
 */
export function useKeptList<Q, T, A extends PageAnswer<T>>(list: KeptList<Q, T, A>, shown = true) {
  const source = useSyncExternalStore(list.subscribe, list.getSource);
  const snap = useSyncExternalStore(source.subscribe, source.getSnapshot);
  const scrollRef = useRef<HTMLDivElement>(null);
  const range = useRef<[number, number]>([0, 0]);
  const [active, setActive] = useState(list.active);
  // Where a return to the list starts (a new query starts at the top).
  const [place, setPlace] = useState(list.place);

  // The rows in view, read again whenever the data changed under them.
  useEffect(() => {
    source.ensure(range.current[0] - READ_AHEAD, range.current[1] + READ_AHEAD);
  }, [source, snap.version]);
  const onRange = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      source.ensure(first - READ_AHEAD, last + READ_AHEAD);
    },
    [source],
  );
  const onActiveChange = useCallback(
    (i: number) => {
      list.setActive(i);
      setActive(i);
    },
    [list],
  );
  const onScroll = useCallback((el: HTMLDivElement) => list.setPlace(placeOf(el)), [list]);
  // Back from a row opened here: the focus returns to it (at mount, or when shown again).
  const [focus, setFocus] = useState(() => ({ key: shown && list.returnFocus ? 1 : 0, shown }));
  if (focus.shown !== shown) setFocus({ key: shown && list.returnFocus ? focus.key + 1 : focus.key, shown });
  useEffect(() => {
    if (shown) list.clearReturnFocus();
  }, [list, shown]);

  const setQuery = useCallback(
    (q: Q) => {
      list.setQuery(q);
      setActive(0);
      setPlace(null);
      setFocus((f) => ({ ...f, key: 0 }));
    },
    [list],
  );
  const opened = useCallback(
    (index: number) => {
      list.opened(index);
      setActive(index);
    },
    [list],
  );

  return {
    source,
    snap,
    setQuery,
    opened,
    listProps: {
      count: snap.total ?? 0,
      active,
      onActiveChange,
      place,
      onRange,
      onScroll,
      scrollRef,
      focusKey: focus.key,
    },
  };
}

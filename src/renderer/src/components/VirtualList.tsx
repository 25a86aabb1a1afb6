/**
 * Long lists drawn a screenful at a time (@tanstack/react-virtual), with fixed row heights so that `End`
 * and the scroll bar reach the real end. Two ways to use the keyboard:
 * - {@link VirtualList}: a list whose rows take the focus (roving tabindex): arrows, Page Up/Down, Home/End
 *   move the focus, and the row under it is drawn first (library, highlights, notebook pages);
 * - {@link VirtualOptions}: options of a listbox whose focus stays in a text box (`aria-activedescendant`):
 *   the box moves `active`, the list keeps it drawn and in view (search results, command palette).
 * Rows carry `aria-setsize`/`aria-posinset`, so screen readers announce "12 of 10,000" though only a few
 * dozen rows exist in the page.
 */
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { nextRow } from '../lib/listKeys';
import '../styles/lists.css';

/** Where a list was left: restored when it is drawn again (going back from the reader). */
export interface ListPlace {
  offset: number;
  height: number;
}

/**
 * Two jumps of more than a screenful within this many ms: the list is being swept through (a fast scroll or a
 * drag of the scroll bar), and the rows it passes are not read from the core until it slows down or stops.
 */
const SWEEP_GAP_MS = 100;

/**
 * The scroll area's size as the virtualizer's `observeElementRect`, heard from a ResizeObserver only. The
 * library's own reads `clientHeight` when the list mounts, which forces the page's style and layout in the
 * middle of the task that draws it (a search's first results, a view opened); here the list is drawn for its
 * `initialRect` and the real size comes with the frame that lays it out (observers run after layout, where
 * reading the size costs nothing), drawing again only if it shows other rows.
 */
function observeRectAfterLayout(
  instance: Virtualizer<HTMLElement, HTMLElement>,
  cb: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * A virtualizer over `scrollRef` with rows `rowHeight` pixels high, starting at `place` when given. Row `keep`
 * is always drawn, even scrolled out of view, so the focus it holds is never dropped to the page. `onRange`
 * hears the rows in view (and the few drawn around them), except while the list is swept through: then it
 * hears nothing until the list slows down or stops (the scroll's end redraws it), so the rows flown past are
 * never read from the core, whose answers would compete with the scroll for the same processor. A single jump
 * (`End`, a click in the scroll bar's track) is heard at once. `lean`: only the rows in view are drawn, none
 * beyond the screen (see {@link useLeanFirstFrame}).
 */
export function useFixedRows(
  count: number,
  rowHeight: number,
  scrollRef: RefObject<HTMLElement | null>,
  place?: ListPlace | null,
  onRange?: (first: number, last: number) => void,
  keep?: number,
  lean = false,
): Virtualizer<HTMLElement, HTMLElement> {
  const rangeRef = useRef(onRange);
  const lastStart = useRef(0);
  const lastJumpAt = useRef(-Infinity);
  const sweeping = useRef(false);
  useEffect(() => {
    rangeRef.current = onRange;
  }, [onRange]);
  // The virtualizer's functions change as it scrolls: React Compiler leaves this hook unmemoised, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeRectAfterLayout,
    estimateSize: () => rowHeight,
    // Rows drawn beyond the screen each way: enough that the compositor, which scrolls the opaque list on its
    // own (styles/lists.css), rarely shows a row not yet drawn; each one more is a row more to draw in every
    // frame of a fast scroll, where every row is new.
    overscan: 3,
    initialOffset: place?.offset ?? 0,
    // Rows are drawn in the first frame (not an empty one while the scroll area is measured).
    initialRect: { width: 0, height: place?.height ?? window.innerHeight },
    rangeExtractor: (range) => {
      // A jump of more than a screenful since the rows were last drawn (a fast scroll, a drag of the scroll
      // bar): the next frame will be as far again, so rows beyond the screen would never be seen; only the
      // rows in view are drawn. Drawn again when the scroll stops, with the rows beyond it. (Drawn again for
      // another reason, such as a page of rows arriving, the list keeps what the last move decided.)
      const now = performance.now();
      const moved = range.startIndex !== lastStart.current;
      const shown = range.endIndex - range.startIndex + 1;
      const jumped = moved && Math.abs(range.startIndex - lastStart.current) > shown;
      if (jumped) {
        sweeping.current = now - lastJumpAt.current < SWEEP_GAP_MS;
        lastJumpAt.current = now;
      } else if (moved || now - lastJumpAt.current >= SWEEP_GAP_MS) sweeping.current = false;
      lastStart.current = range.startIndex;
      const fast = jumped || (!moved && sweeping.current);
      const rows = defaultRangeExtractor(fast || lean ? { ...range, overscan: 0 } : range);
      if (keep === undefined || keep < 0 || keep >= count || rows.includes(keep)) return rows;
      return keep < (rows[0] ?? 0) ? [keep, ...rows] : [...rows, keep];
    },
  });
  const items = virtualizer.getVirtualItems();
  // The rows around the screen, without the kept row when it is elsewhere in the list.
  let around = items;
  if (keep !== undefined && items.length > 1) {
    if (items[0]!.index === keep && items[1]!.index !== keep + 1) around = items.slice(1);
    else if (items.at(-1)!.index === keep && items.at(-2)!.index !== keep - 1) around = items.slice(0, -1);
  }
  const first = around[0]?.index ?? 0;
  const last = around[around.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first && !sweeping.current) rangeRef.current?.(first, last);
  }, [first, last]);
  return virtualizer;
}

/**
 * Whether the list's rows for `content` (a new query's results) are in their first frame: true from the
 * render that first shows them until that frame is painted. Given to {@link useFixedRows} as `lean`, the
 * frame that answers a keystroke draws only the rows one sees, and the rows beyond the screen (drawn for
 * scrolling) come in the next task, off the way from the key to its results.
 */
export function useLeanFirstFrame(content: unknown): boolean {
  const [settled, setSettled] = useState<unknown>(null);
  const lean = settled !== content;
  useEffect(() => {
    if (!lean) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setSettled(content), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [lean, content]);
  return lean;
}

/** The scroll element's place, for {@link ListPlace}. */
export function placeOf(el: HTMLElement | null): ListPlace | null {
  return el ? { offset: el.scrollTop, height: el.clientHeight } : null;
}

/** A list of `count` rows whose rows take the focus; `renderRow` draws the row's one focusable element. */
export function VirtualList({
  count,
  rowHeight,
  label,
  className,
  active,
  onActiveChange,
  onOpen,
  renderRow,
  place,
  onRange,
  scrollRef: outerRef,
  rowKey,
  onScroll,
  focusKey = 0,
}: {
  count: number;
  rowHeight: number;
  label: string;
  className: string;
  /** The row that takes the focus when the list is tabbed into. */
  active: number;
  onActiveChange: (index: number) => void;
  /** Enter on a row (a click is the row's own). */
  onOpen?: (index: number) => void;
  /** The row's focusable element: give it `tabIndex` and `data-row={index}`. */
  renderRow: (index: number, tabIndex: 0 | -1) => ReactNode;
  place?: ListPlace | null;
  onRange?: (first: number, last: number) => void;
  scrollRef?: RefObject<HTMLDivElement | null>;
  rowKey?: (index: number) => string | number;
  onScroll?: (el: HTMLDivElement) => void;
  /**
   * Give the active row the focus once it is drawn, at mount and whenever this changes (coming back to the
   * list); 0: leave the focus where it is.
   */
  focusKey?: number;
}) {
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = outerRef ?? ownRef;
  const at = Math.max(0, Math.min(active, count - 1));
  const virtualizer = useFixedRows(count, rowHeight, scrollRef, place, onRange, at);
  const pendingFocus = useRef<number | null>(null);
  const focusAsked = useRef(0);

  // Focus follows the keyboard once the row is drawn (the virtualizer may need a render to reach it).
  useLayoutEffect(() => {
    if (focusKey !== focusAsked.current) {
      focusAsked.current = focusKey;
      if (focusKey) pendingFocus.current = at;
    }
    const want = pendingFocus.current;
    if (want === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${want}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const target = e.target as HTMLElement;
      const from = Number(target.closest('[data-row]')?.getAttribute('data-row') ?? at);
      if (e.key === 'Enter' && onOpen && target.hasAttribute('data-row')) {
        e.preventDefault();
        onOpen(from);
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const rows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
      const next = nextRow(e.key, from, count, rows);
      if (next === null) return;
      e.preventDefault();
      pendingFocus.current = next;
      onActiveChange(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [at, count, onActiveChange, onOpen, rowHeight, scrollRef, virtualizer],
  );

  return (
    <div ref={scrollRef} className="vlist-scroll" onScroll={onScroll && ((e) => onScroll(e.currentTarget))}>
      <ul
        className={`vlist ${className}`}
        aria-label={label}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).getAttribute('data-row');
          if (row !== null && Number(row) !== active) onActiveChange(Number(row));
        }}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={rowKey ? rowKey(item.index) : item.key}
            className="vlist-row"
            aria-setsize={count}
            aria-posinset={item.index + 1}
            style={{ height: item.size, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index, item.index === at ? 0 : -1)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Keeps option `active` drawn and in view in a listbox driven from a text box. An option already in view (by
 * the virtualizer's last reading of the scroll area) is left alone: scrolling to it would read the layout,
 * forcing it early on every keystroke that brings new results.
 */
export function useActiveInView(virtualizer: Virtualizer<HTMLElement, HTMLElement>, active: number, count: number) {
  useEffect(() => {
    if (active < 0 || active >= count) return;
    const size = virtualizer.options.estimateSize(active);
    const top = active * size;
    const from = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height;
    if (height !== undefined && top >= from && top + size <= from + height) return;
    virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [virtualizer, active, count]);
}

/**
 * The options of a listbox (role="listbox" is the caller's, on `<ul>`): each drawn by `renderOption` with
 * its position (give the `<li>` the `style` and `aria-*` props passed in).
 */
export function VirtualOptions({
  virtualizer,
  renderOption,
}: {
  virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  renderOption: (index: number, position: OptionPosition) => ReactNode;
}) {
  const count = virtualizer.options.count;
  return (
    <>
      {virtualizer.getVirtualItems().map((item) =>
        renderOption(item.index, {
          'aria-setsize': count,
          'aria-posinset': item.index + 1,
          style: { height: item.size, transform: `translateY(${item.start}px)` },
        }),
      )}
    </>
  );
}

/** What an option spreads on its `<li>` to sit at its place. */
export interface OptionPosition {
  'aria-setsize': number;
  'aria-posinset': number;
  style: { height: number; transform: string };
}

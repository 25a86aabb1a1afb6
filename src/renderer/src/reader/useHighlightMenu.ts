/**
 * The context menu of a highlight, the same whether it is opened on the painted text in the article, on the
 * highlight's card in the side panel, or from the keyboard (the menu key or Shift+F10) for the active
 * highlight (the one picked by a click, by n/p or by a jump). It is shown by the window's context menu.
 */
import type { RefObject } from 'react';
import { useCallback, useEffect } from 'react';
import type { AnchoredHighlight, HighlightColor } from '@core/model';
import { HIGHLIGHT_COLORS } from '@core/common/vocabulary';
import type { MenuItem } from '../components/ContextMenu';
import { COLOR_LABELS } from '../components/HighlightToolbar';
import { isEditable } from '../lib/keys';
import { menuPosition, useOpenContextMenu } from '../lib/useContextMenus';
import { highlightAtPoint } from './highlightAt';

/** What the menu's items do: the reader's own highlight actions. */
export interface HighlightMenuActions {
  recolour: (h: AnchoredHighlight, color: HighlightColor) => void;
  /** Opens the note or tag editor of the highlight in the side panel. */
  edit: (h: AnchoredHighlight, what: 'note' | 'tags') => void;
  copyQuote: (h: AnchoredHighlight) => void;
  copyWithCitation: (h: AnchoredHighlight) => void;
  /** Deletes it (with Undo in a toast). */
  remove: (h: AnchoredHighlight) => void;
  /** Makes it the active highlight, as a click on it does. */
  pick: (h: AnchoredHighlight) => void;
}

/** The items of a highlight's menu: its colours (the current one ticked), note, tags, copies and delete. */
export function highlightMenuItems(h: AnchoredHighlight, actions: HighlightMenuActions): MenuItem[] {
  return [
    ...HIGHLIGHT_COLORS.map((c): MenuItem => ({
      label: COLOR_LABELS[c],
      swatch: `var(--sw-${c})`,
      checked: h.color === c,
      run: () => actions.recolour(h, c),
    })),
    { label: h.note ? 'Edit note' : 'Add note', run: () => actions.edit(h, 'note'), separated: true },
    { label: 'Edit tags', run: () => actions.edit(h, 'tags') },
    { label: 'Copy quote', run: () => actions.copyQuote(h), separated: true },
    { label: 'Copy quote with citation', run: () => actions.copyWithCitation(h) },
    { label: 'Delete highlight', run: () => actions.remove(h), danger: true, separated: true },
  ];
}

/**
 * Opens highlight menus in the reader: returns the handler for the reader's `onContextMenu`, and listens for
 * the menu key and Shift+F10 while the reading area (not a control) has the focus.
 */
export function useHighlightMenu(opts: {
  article: RefObject<HTMLElement | null>;
  scroller: HTMLElement | null;
  highlights: readonly AnchoredHighlight[];
  ranges: RefObject<Map<string, Range>>;
  activeId: string | null;
  actions: HighlightMenuActions;
}): (e: React.MouseEvent) => void {
  const { article, scroller, highlights, ranges, activeId, actions } = opts;
  const open = useOpenContextMenu();

  const show = useCallback(
    (h: AnchoredHighlight, at: { x: number; y: number }) => {
      actions.pick(h);
      open({ ...at, label: 'Highlight', items: highlightMenuItems(h, actions) });
    },
    [actions, open],
  );

  const onContextMenu = useCallback(
    (e: React.MouseEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target as Element;
      const card = target.closest('[data-highlight-id]');
      const selection = window.getSelection();
      let hit: AnchoredHighlight | undefined;
      if (card) hit = highlights.find((h) => h.id === card.getAttribute('data-highlight-id'));
      else if (article.current?.contains(target) && (!selection || selection.isCollapsed)) {
        hit = highlightAtPoint(article.current, highlights, e.clientX, e.clientY);
      }
      if (!hit) return;
      e.preventDefault();
      show(hit, menuPosition(e.nativeEvent, card ?? target));
    },
    [article, highlights, show],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) return;
      const focused = document.activeElement;
      // A focused control (a card in the panel, a button) gets its own menu from the browser's event.
      const reading =
        !focused ||
        focused === document.body ||
        (scroller !== null && focused === scroller) ||
        (article.current?.contains(focused) ?? false);
      const h = highlights.find((x) => x.id === activeId && x.anchor);
      const box = h && ranges.current.get(h.id)?.getClientRects()[0];
      if (!reading || isEditable(focused) || !h || !box) return;
      e.preventDefault();
      show(h, { x: box.left, y: box.bottom + 4 });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [scroller, article, ranges, highlights, activeId, show]);

  return onContextMenu;
}

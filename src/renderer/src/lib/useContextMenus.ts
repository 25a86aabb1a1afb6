import { createContext, useCallback, useContext, useState } from 'react';
import type { ClipSummary } from '@core/model';
import type { MenuItem } from '../components/ContextMenu';
import { copyText } from './clipboard';
import type { ReportError } from './report';

export interface OpenMenu {
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
}

/** Opens a context menu from a view that builds its own (the reader's highlights); the window shows it. */
export type OpenContextMenu = (menu: OpenMenu) => void;

export const ContextMenuContext = createContext<OpenContextMenu>(() => {});

/** The window's {@link OpenContextMenu}. */
export function useOpenContextMenu(): OpenContextMenu {
  return useContext(ContextMenuContext);
}

export interface ClipMenuActions {
  /** A clip the app has read (the library list's rows), by id. */
  findClip: (id: string) => ClipSummary | undefined;
  openClip: (id: string) => void;
  deleteClip: (clip: ClipSummary) => void;
  citeClip: (clip: ClipSummary) => void;
  /** The clips chosen together with clip `id` (several selected in the library), else none. */
  selectedWith: (id: string) => string[];
  citeClips: (ids: string[]) => void;
  report: ReportError;
}

/** Where a keyboard-opened menu goes: beside the focused element rather than at (0, 0). */
export function menuPosition(e: MouseEvent, el: Element): { x: number; y: number } {
  if (e.clientX || e.clientY) return { x: e.clientX, y: e.clientY };
  const box = el.getBoundingClientRect();
  return { x: box.left + 24, y: box.top + box.height / 2 };
}

/** Opens a link in the system browser (Electron's window-open handler hands http(s) links to the OS). */
function openExternal(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.click();
}

/**
 * Context menus for the whole window, by delegation: clips (anything with `data-clip-id`). A view that handled
 * the event itself (the reader's highlights and selected text, through {@link ContextMenuContext})
 * prevents its default, and the window leaves it be. Returns the open menu, the handler and `open`.
 */
export function useContextMenus(actions: ClipMenuActions): {
  menu: OpenMenu | null;
  open: OpenContextMenu;
  close: () => void;
  onContextMenu: (e: React.MouseEvent) => void;
} {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const close = useCallback(() => setMenu(null), []);
  const { findClip, openClip, deleteClip, citeClip, selectedWith, citeClips, report } = actions;
  const copy = useCallback((text: string) => void copyText(text).catch((e) => report('Couldn’t copy', e)), [report]);

  const onContextMenu = useCallback(
    (e: React.MouseEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target as Element;
      const native = e.nativeEvent;
      const clipEl = target.closest('[data-clip-id]');
      let next: OpenMenu | null = null;
      if (clipEl) {
        const clip = findClip(clipEl.getAttribute('data-clip-id') ?? '');
        if (clip) {
          const chosen = selectedWith(clip.id);
          next = {
            ...menuPosition(native, clipEl),
            label: clip.title,
            items: [
              { label: 'Open', run: () => openClip(clip.id) },
              ...(clip.url
                ? [
                    { label: 'Open original', run: () => openExternal(clip.url!) },
                    { label: 'Copy link', run: () => copy(clip.url!) },
                  ]
                : []),
              chosen.length > 1
                ? { label: `Export citations of ${chosen.length} selected clips…`, run: () => citeClips(chosen) }
                : { label: 'Export citation…', run: () => citeClip(clip) },
              { label: 'Delete clip', run: () => deleteClip(clip), danger: true },
            ],
          };
        }
      }
      if (!next) return;
      e.preventDefault();
      setMenu(next);
    },
    [findClip, openClip, deleteClip, citeClip, selectedWith, citeClips, copy],
  );

  return { menu, open: setMenu, close, onContextMenu };
}

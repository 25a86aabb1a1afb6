import { useCallback, useState } from 'react';
import type { ClipSummary } from '../../../core/model';
import type { MenuItem } from '../components/ContextMenu';
import { copyText } from './clipboard';
import type { ReportError } from './report';

export interface OpenMenu {
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
}

export interface ClipMenuActions {
  clips: ClipSummary[] | null;
  openClip: (id: string) => void;
  deleteClip: (clip: ClipSummary) => void;
  report: ReportError;
}

/** Where a keyboard-opened menu goes: beside the focused element rather than at (0, 0). */
function position(e: MouseEvent, el: Element): { x: number; y: number } {
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
 * Context menus for the whole window, by delegation: clips (anything with `data-clip-id`), highlights in the
 * reader's panel (`data-highlight-id`) and selected article text. Returns the open menu and the handler.
 */
export function useContextMenus(actions: ClipMenuActions): { menu: OpenMenu | null; close: () => void; onContextMenu: (e: React.MouseEvent) => void } {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const close = useCallback(() => setMenu(null), []);
  const { clips, openClip, deleteClip, report } = actions;
  const copy = useCallback((text: string) => void copyText(text).catch((e) => report('Couldn’t copy', e)), [report]);

  const onContextMenu = useCallback(
    (e: React.MouseEvent) => {
      const target = e.target as Element;
      const native = e.nativeEvent;
      const selection = window.getSelection();
      const selected = selection && !selection.isCollapsed ? selection.toString() : '';
      const clipEl = target.closest('[data-clip-id]');
      const highlightEl = target.closest('[data-highlight-id]');
      let next: OpenMenu | null = null;
      if (selected && target.closest('.article-body')) {
        const highlight = document.querySelector<HTMLButtonElement>('.toolbar-highlight');
        next = {
          ...position(native, target),
          label: 'Selection',
          items: [...(highlight ? [{ label: 'Highlight', run: () => highlight.click() }] : []), { label: 'Copy', run: () => copy(selected) }],
        };
      } else if (highlightEl) {
        const quote = highlightEl.querySelector('.hl-text')?.textContent ?? '';
        const del = highlightEl.querySelector<HTMLButtonElement>('[aria-label="Delete highlight"]');
        next = {
          ...position(native, highlightEl),
          label: 'Highlight',
          items: [{ label: 'Copy quote', run: () => copy(quote) }, ...(del ? [{ label: 'Delete highlight', run: () => del.click(), danger: true }] : [])],
        };
      } else if (clipEl) {
        const clip = clips?.find((c) => c.id === clipEl.getAttribute('data-clip-id'));
        if (clip) {
          next = {
            ...position(native, clipEl),
            label: clip.title,
            items: [
              { label: 'Open', run: () => openClip(clip.id) },
              ...(clip.url
                ? [
                    { label: 'Open original', run: () => openExternal(clip.url!) },
                    { label: 'Copy link', run: () => copy(clip.url!) },
                  ]
                : []),
              { label: 'Delete clip', run: () => deleteClip(clip), danger: true },
            ],
          };
        }
      }
      if (!next) return;
      e.preventDefault();
      setMenu(next);
    },
    [clips, openClip, deleteClip, copy],
  );

  return { menu, close, onContextMenu };
}

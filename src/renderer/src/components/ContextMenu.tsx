import { useEffect, useRef } from 'react';

export interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
  /** A choice among several (a colour): shown as a radio item, ticked when it is the current one. */
  checked?: boolean;
  /** A colour dot before the label (a CSS colour). */
  swatch?: string;
  /** A line above the item, to set groups apart. */
  separated?: boolean;
}

/**
 * A context menu at the pointer (or the focused element, for the keyboard's menu key or Shift+F10):
 * focus moves into it, arrow keys, Home and End move, Enter runs, Escape, Tab or a click elsewhere closes.
 */
export function ContextMenu({
  x,
  y,
  label,
  items,
  onClose,
}: {
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
  onClose: () => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('mousedown', onDown);
      before?.focus?.();
    };
  }, [onClose]);

  const move = (e: React.KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  // Kept inside the window even near its right or bottom edge.
  const left = Math.min(x, window.innerWidth - 220);
  const top = Math.max(8, Math.min(y, window.innerHeight - (items.length * 34 + 16)));
  return (
    <ul ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left, top }} onKeyDown={move}>
      {items.map((item) => (
        <li key={item.label} role="none" className={item.separated ? 'separated' : undefined}>
          <button
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
            aria-checked={item.checked}
            tabIndex={-1}
            className={item.danger ? 'danger' : undefined}
            onClick={() => {
              onClose();
              item.run();
            }}
          >
            {item.swatch && <span className="menu-swatch" style={{ background: item.swatch }} aria-hidden="true" />}
            {item.label}
            {item.checked && (
              <span className="menu-check" aria-hidden="true">
                ✓
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

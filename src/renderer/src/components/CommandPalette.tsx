import { useMemo, useRef, useState } from 'react';
import type { CommandId } from '@core/common/commands';
import { COMMANDS } from '@core/common/commands';
import { formatShortcut } from '../lib/keys';
import { useFoundTitles } from '../lib/useFoundTitles';
import { Modal } from './Modal';
import { useActiveInView, useFixedRows, VirtualOptions } from './VirtualList';

type Item = { key: string; label: string; hint: string; run: () => void };

const ITEM_HEIGHT = 38;
const MAX_LIST_HEIGHT = 380;

/** Every word of the query starts a word of the text, or appears in it. */
function matches(text: string, query: string): boolean {
  const hay = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Ctrl/Cmd+K: every command with its shortcut, and the clips and notebook pages the query finds. */
export function CommandPalette(props: {
  onRun: (id: CommandId) => void;
  onOpenClip: (id: string) => void;
  onOpenPage: (id: string) => void;
  onClose: () => void;
}) {
  const { onRun, onOpenClip, onOpenPage, onClose } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useFoundTitles(query);
  const scrollRef = useRef<HTMLDivElement>(null);

  const items = useMemo<Item[]>(() => {
    const commands = COMMANDS.filter((c) => c.id !== 'palette' && matches(c.title, query)).map((c) => ({
      key: `command:${c.id}`,
      label: c.title,
      hint: 'keys' in c ? formatShortcut(c.keys) : '',
      run: () => onRun(c.id),
    }));
    return [
      ...commands,
      ...found.map((f) =>
        f.kind === 'page'
          ? { key: `page:${f.id}`, label: f.title, hint: 'Open page', run: () => onOpenPage(f.id) }
          : { key: `clip:${f.id}`, label: f.title, hint: 'Open clip', run: () => onOpenClip(f.id) },
      ),
    ];
  }, [found, query, onRun, onOpenClip, onOpenPage]);

  const at = Math.min(active, Math.max(0, items.length - 1));
  const virtualizer = useFixedRows(items.length, ITEM_HEIGHT, scrollRef);
  useActiveInView(virtualizer, at, items.length);
  const choose = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };

  return (
    <Modal label="Command palette" className="modal palette" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-label="Type a command or a clip title"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[at] ? `palette-${at}` : undefined}
        placeholder="Type a command, a clip or a page…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = items.length || 1;
            setActive((at + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(items[at]);
          }
        }}
      />
      <div
        ref={scrollRef}
        className="vlist-scroll palette-scroll"
        // A scroll area the keyboard can reach (the options are picked from the text box).
        tabIndex={0}
        style={{ height: Math.min(MAX_LIST_HEIGHT, Math.max(1, items.length) * ITEM_HEIGHT + 12) }}
      >
        <ul
          className="palette-list vlist"
          id="palette-list"
          role="listbox"
          aria-label="Commands, clips and pages"
          style={{ height: virtualizer.getTotalSize() }}
        >
          <VirtualOptions
            virtualizer={virtualizer}
            renderOption={(i, position) => {
              const item = items[i]!;
              return (
                <li
                  key={item.key}
                  id={`palette-${i}`}
                  role="option"
                  aria-selected={i === at}
                  className="palette-item vlist-option"
                  {...position}
                  onMouseMove={() => i !== at && setActive(i)}
                  onClick={() => choose(item)}
                >
                  <span className="palette-label">{item.label}</span>
                  {item.hint && <kbd className="palette-hint">{item.hint}</kbd>}
                </li>
              );
            }}
          />
          {items.length === 0 && (
            <li className="palette-empty" role="presentation">
              No command, clip or page matches “{query}”.
            </li>
          )}
        </ul>
      </div>
    </Modal>
  );
}

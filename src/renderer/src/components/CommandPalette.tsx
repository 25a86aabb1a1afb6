import { useMemo, useState } from 'react';
import type { CommandId } from '@core/common/commands';
import { COMMANDS } from '@core/common/commands';
import type { ClipSummary } from '@core/model';
import { formatShortcut } from '../lib/keys';
import { ModalFrame } from './ModalFrame';

type Item = { key: string; label: string; hint: string; run: () => void };

/** Every word of the query starts a word of the text, or appears in it. */
function matches(text: string, query: string): boolean {
  const hay = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Ctrl/Cmd+K: every command with its shortcut, and the clips by title to jump to. */
export function CommandPalette(props: {
  clips: ClipSummary[];
  onRun: (id: CommandId) => void;
  onOpenClip: (id: string) => void;
  onClose: () => void;
}) {
  const { clips, onRun, onOpenClip, onClose } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const items = useMemo<Item[]>(() => {
    const commands = COMMANDS.filter((c) => c.id !== 'palette' && matches(c.title, query)).map((c) => ({
      key: `command:${c.id}`,
      label: c.title,
      hint: 'keys' in c ? formatShortcut(c.keys) : '',
      run: () => onRun(c.id),
    }));
    const found = query.trim() ? clips.filter((c) => matches(c.title, query)).slice(0, 30) : [];
    return [
      ...commands,
      ...found.map((c) => ({ key: `clip:${c.id}`, label: c.title, hint: 'Open clip', run: () => onOpenClip(c.id) })),
    ];
  }, [clips, query, onRun, onOpenClip]);

  const at = Math.min(active, Math.max(0, items.length - 1));
  const choose = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };

  return (
    <ModalFrame label="Command palette" className="palette" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-label="Type a command or a clip title"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[at] ? `palette-${at}` : undefined}
        placeholder="Type a command or a clip title…"
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
      <ul className="palette-list" id="palette-list" role="listbox" aria-label="Commands and clips">
        {items.map((item, i) => (
          <li
            key={item.key}
            id={`palette-${i}`}
            role="option"
            aria-selected={i === at}
            className="palette-item"
            onMouseMove={() => i !== at && setActive(i)}
            onClick={() => choose(item)}
          >
            <span className="palette-label">{item.label}</span>
            {item.hint && <kbd className="palette-hint">{item.hint}</kbd>}
          </li>
        ))}
        {items.length === 0 && (
          <li className="palette-empty" role="presentation">
            No command or clip matches “{query}”.
          </li>
        )}
      </ul>
    </ModalFrame>
  );
}

/**
 * Shortcuts in Electron's accelerator syntax ("CmdOrCtrl+Shift+L"), or a single key ("/", "?") that works
 * outside text fields: matching key events against them and showing them the way the platform writes them.
 */

/** True on macOS, where CmdOrCtrl means ⌘. */
export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

function parts(keys: string): string[] {
  // "CmdOrCtrl+Alt+-" and "CmdOrCtrl+=": the key is what follows the last modifier.
  const split = keys.split('+');
  if (keys.endsWith('+')) return [...split.slice(0, -2), '+'];
  return split;
}

/** Whether the focus is in a place where typed characters are text, not shortcuts. */
export function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Whether `e` is the shortcut `keys`. Single keys never fire while typing in a text field. */
export function matchesShortcut(e: KeyboardEvent, keys: string): boolean {
  const p = parts(keys);
  const key = p.at(-1)!.toLowerCase();
  const mods = new Set(p.slice(0, -1).map((m) => m.toLowerCase()));
  if (mods.size === 0) {
    return e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target);
  }
  const wantCmd = mods.has('cmdorctrl') || mods.has('commandorcontrol');
  const primary = IS_MAC ? e.metaKey : e.ctrlKey;
  if (wantCmd !== primary || e.altKey !== mods.has('alt') || e.shiftKey !== mods.has('shift')) return false;
  // With Alt or Shift held, e.key may be another character (Alt+= gives "≠" on a Mac): fall back to the code.
  const code = e.code.replace(/^Key|^Digit/, '').toLowerCase();
  const named: Record<string, string> = { equal: '=', minus: '-', comma: ',', slash: '/' };
  return e.key.toLowerCase() === key || code === key || named[code] === key;
}

/** The shortcut as the platform writes it: "⌘K" on a Mac, "Ctrl+K" elsewhere. */
export function formatShortcut(keys: string): string {
  const names: Record<string, [string, string]> = {
    cmdorctrl: ['⌘', 'Ctrl'],
    alt: ['⌥', 'Alt'],
    shift: ['⇧', 'Shift'],
  };
  const p = parts(keys).map((k) => names[k.toLowerCase()]?.[IS_MAC ? 0 : 1] ?? (k.length === 1 ? k.toUpperCase() : k));
  return IS_MAC ? p.join('') : p.join('+');
}

import { useEffect, useRef } from 'react';
import type { CommandId } from '@core/common/commands';
import { COMMANDS } from '@core/common/commands';
import { matchesShortcut } from './keys';

/**
 * Runs commands from the keyboard (each command's shortcut) and from the native menu (main process →
 * `nextCommand()`). `enabled` is off while a modal dialog owns the keyboard.
 */
export function useCommands(run: (id: CommandId) => void, enabled: boolean): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  }, [run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!enabled || e.defaultPrevented) return;
      const command = COMMANDS.find((c) => 'keys' in c && matchesShortcut(e, c.keys));
      if (!command) return;
      e.preventDefault();
      runRef.current(command.id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);

  useEffect(() => {
    let live = true;
    const listen = async () => {
      while (live) {
        let id: CommandId | null;
        try {
          id = await window.gloss.nextCommand();
        } catch {
          return; // No menu to listen to (the connection is gone); the keyboard still works.
        }
        // null: a newer listener took over (a reload, or React mounting twice) or the app is closing.
        if (!live || id === null) return;
        runRef.current(id);
      }
    };
    void listen();
    return () => {
      live = false;
    };
  }, []);
}

/**
 * Where settings are kept. The core only needs "read what is there" and "write this"; the desktop app
 * keeps them with electron-store (src/main/settingsBackend.ts), the CLI and tests in a JSON file or memory.
 */
import { promises as fs, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../library/atomicWrite';
import { fileStamp } from '../library/quarantine';

export interface SettingsBackend {
  /** The stored value as it is (not yet validated); `undefined` when nothing is stored yet. May throw. */
  read(): unknown;
  /** Replaces the stored value. */
  write(value: unknown): void | Promise<void>;
  /** Moves a stored value that failed validation out of the way (kept for the person to inspect). */
  keepAside?(reason: string): void;
}

/** Settings held in memory only: the default for tests and the CLI, where nothing needs to persist. */
export function memorySettingsBackend(initial?: unknown): SettingsBackend {
  let value = initial;
  return {
    read: () => (value === undefined ? undefined : structuredClone(value)),
    write: (next) => {
      value = structuredClone(next);
    },
  };
}

/**
 * Settings in one JSON file, written atomically. Reading a file that is not JSON throws, and the settings
 * store then keeps it aside like any other bad value instead of stopping the app.
 */
export function jsonFileSettingsBackend(file: string): SettingsBackend {
  return {
    read() {
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return JSON.parse(raw) as unknown;
    },
    async write(value) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
    },
    keepAside() {
      try {
        renameSync(file, `${file}.bad-${fileStamp(new Date())}`);
      } catch {
        // Nothing to move (already gone): the defaults are written on the next change anyway.
      }
    },
  };
}

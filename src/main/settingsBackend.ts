/**
 * Settings kept with electron-store (settings.json in the user-data folder). The core validates what is read;
 * a file that is not even JSON, or that fails validation, is renamed aside and Gloss starts from the defaults.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { fileStamp } from '../core/library/quarantine';
import type { SettingsBackend } from '../core/settings/backend';

type SettingsFile = { settings?: unknown };

/** Renames `file` to `<file>.bad-<stamp>` so the person can still look at it; missing files are fine. */
function keepFileAside(file: string): void {
  try {
    renameSync(file, `${file}.bad-${fileStamp(new Date())}`);
  } catch {
    // Already gone: nothing to keep.
  }
}

/** The electron-store backend used by the desktop app. */
export function electronStoreSettingsBackend(): SettingsBackend {
  let store: Store<SettingsFile>;
  try {
    store = new Store<SettingsFile>({ name: 'settings' });
  } catch {
    // electron-store throws on a file that is not JSON.
    keepFileAside(join(app.getPath('userData'), 'settings.json'));
    store = new Store<SettingsFile>({ name: 'settings' });
  }
  return {
    read: () => store.get('settings'),
    write: (value) => store.set('settings', value),
    keepAside() {
      keepFileAside(store.path);
      store.clear();
    },
  };
}

/**
 * The settings as the service sees them: validated on load (bad values fall back to defaults and the stored
 * copy is kept aside), patched field by field, written through the backend one write at a time.
 */
import type { SettingsBackend } from './backend';
import type { Settings, StoredSettingsPatch } from './schema';
import { defaultSettings, MAX_READ_POSITIONS, settingsSchema } from './schema';

export interface SettingsStore {
  get(): Settings;
  update(patch: StoredSettingsPatch): Promise<Settings>;
  /** Resolves when every write so far has landed. */
  flush(): Promise<void>;
}

/** Keeps the most recently read clips when there are more positions than {@link MAX_READ_POSITIONS}. */
function bounded(lastRead: Settings['lastRead']): Settings['lastRead'] {
  const entries = Object.entries(lastRead);
  if (entries.length <= MAX_READ_POSITIONS) return lastRead;
  entries.sort(([, a], [, b]) => b.at.localeCompare(a.at));
  return Object.fromEntries(entries.slice(0, MAX_READ_POSITIONS));
}

/** Applies a patch: nested reader fields merge, `lastRead` entries are set or (with `null`) removed. */
export function applySettingsPatch(current: Settings, patch: StoredSettingsPatch, now = new Date()): Settings {
  const lastRead = { ...current.lastRead };
  for (const [id, fraction] of Object.entries(patch.lastRead ?? {})) {
    if (fraction === null) delete lastRead[id];
    else lastRead[id] = { fraction, at: now.toISOString() };
  }
  return settingsSchema.parse({
    ...current,
    ...patch,
    reader: { ...current.reader, ...patch.reader },
    clipEndpoint: { ...current.clipEndpoint, ...patch.clipEndpoint },
    lastRead: bounded(lastRead),
  });
}

/** Loads settings from `backend`; never throws because of what is stored there. */
export function openSettingsStore(backend: SettingsBackend): SettingsStore {
  let current: Settings;
  try {
    const parsed = settingsSchema.safeParse(backend.read() ?? {});
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid settings');
    current = parsed.data;
  } catch (error) {
    backend.keepAside?.(error instanceof Error ? error.message : String(error));
    current = defaultSettings();
  }
  let writes: Promise<void> = Promise.resolve();
  return {
    get: () => structuredClone(current),
    async update(patch) {
      current = applySettingsPatch(current, patch);
      const snapshot = structuredClone(current);
      // A failed write must not poison the ones after it; this caller still sees its own failure.
      const write = writes.catch(() => {}).then(() => backend.write(snapshot));
      writes = write;
      await write;
      return structuredClone(current);
    },
    flush: () => writes.catch(() => {}),
  };
}

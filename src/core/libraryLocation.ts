import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** The app's name as Electron uses it for its user-data folder (package.json `productName`). */
export const APP_NAME = 'Gloss';

/**
 * Where the desktop app keeps its library by default: "Gloss Library" inside Electron's user-data folder
 * (`app.getPath('userData')`), computed without Electron so the CLI finds the same folder.
 */
export function defaultLibraryDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  let appData: string;
  if (platform === 'darwin') appData = join(home, 'Library', 'Application Support');
  else if (platform === 'win32') appData = env['APPDATA'] || join(home, 'AppData', 'Roaming');
  else appData = env['XDG_CONFIG_HOME'] || join(home, '.config');
  return join(appData, APP_NAME, 'Gloss Library');
}

/**
 * The library the CLI uses: an explicit choice, else GLOSS_LIBRARY, else where the app moved it (read from
 * the app's settings file beside the default library), else the default.
 */
export function resolveLibraryDir(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const fallback = defaultLibraryDir(process.platform, env);
  return explicit || env['GLOSS_LIBRARY'] || movedLibraryDir(join(dirname(fallback), 'settings.json')) || fallback;
}

function movedLibraryDir(settingsFile: string): string | null {
  try {
    return rememberedLibraryDir((JSON.parse(readFileSync(settingsFile, 'utf8')) as { settings?: unknown }).settings);
  } catch {
    return null;
  }
}

/**
 * The folder the library was moved to, as remembered in the desktop app's settings (`settings.libraryPath`
 * in electron-store's file, `{ settings: {...} }`), or null. Never throws: an unreadable file means none.
 */
export function rememberedLibraryDir(stored: unknown): string | null {
  const value = (stored as { libraryPath?: unknown } | null | undefined)?.libraryPath;
  return typeof value === 'string' && isAbsolute(value) ? value : null;
}

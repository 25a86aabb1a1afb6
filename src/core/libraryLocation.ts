import { homedir } from 'node:os';
import { join } from 'node:path';

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

/** The library the CLI and app use: an explicit choice, else GLOSS_LIBRARY, else the default. */
export function resolveLibraryDir(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env['GLOSS_LIBRARY'] || defaultLibraryDir(process.platform, env);
}

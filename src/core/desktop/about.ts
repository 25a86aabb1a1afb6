/** The versions the Settings screen's About section shows. */
import type { AboutInfo } from './aboutTypes';
import { appVersion } from './appRoot';

/** The versions of Gloss and the runtime it runs on, read from `process.versions`. */
export function aboutInfo(version: string | null = appVersion()): AboutInfo {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return { version, electron: v.electron ?? null, chrome: v.chrome ?? null, node: v.node, platform: process.platform };
}

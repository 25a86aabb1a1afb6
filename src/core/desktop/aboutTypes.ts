/** What the Settings screen's About section shows (a type only, so the renderer can import it). */
export interface AboutInfo {
  /** Gloss's version, or `null` if it cannot be determined. */
  version: string | null;
  /** The runtime versions; Electron and Chrome are `null` outside the desktop app (CLI, tests). */
  electron: string | null;
  chrome: string | null;
  node: string;
  platform: string;
}

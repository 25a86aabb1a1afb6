/**
 * The app's commands: one list shared by the native menu (main), the command palette and the keyboard
 * (renderer). Shortcuts use Electron's accelerator syntax; the renderer shows and matches them itself.
 */

export interface CommandInfo {
  id: string;
  /** What the palette and the menu call it. */
  title: string;
  /** Electron accelerator ("CmdOrCtrl+K") or a single key ("/", "?") typed outside text fields. */
  keys?: string;
  /** Where the native menu lists it (none: palette and keyboard only). */
  menu?: 'file' | 'view' | 'go' | 'help';
}

export const COMMANDS = [
  { id: 'palette', title: 'Command palette', keys: 'CmdOrCtrl+K', menu: 'view' },
  { id: 'clip', title: 'Clip an article…', keys: 'CmdOrCtrl+N', menu: 'file' },
  { id: 'clip-sample', title: 'Clip the sample article', menu: 'file' },
  { id: 'open-library-folder', title: 'Open library folder', menu: 'file' },
  { id: 'reload-library', title: 'Reload the library' },
  { id: 'go-library', title: 'Go to Library', keys: 'CmdOrCtrl+1', menu: 'go' },
  { id: 'go-highlights', title: 'Go to Highlights', keys: 'CmdOrCtrl+2', menu: 'go' },
  { id: 'go-search', title: 'Search', keys: '/', menu: 'go' },
  { id: 'go-settings', title: 'Settings', keys: 'CmdOrCtrl+,', menu: 'go' },
  { id: 'go-trash', title: 'Trash', menu: 'go' },
  { id: 'toggle-theme', title: 'Toggle light / dark theme', keys: 'CmdOrCtrl+Shift+L', menu: 'view' },
  { id: 'theme-system', title: 'Theme: follow the system' },
  { id: 'theme-light', title: 'Theme: light' },
  { id: 'theme-dark', title: 'Theme: dark' },
  { id: 'theme-sepia', title: 'Theme: sepia' },
  { id: 'font-bigger', title: 'Reader: larger text', keys: 'CmdOrCtrl+Alt+=', menu: 'view' },
  { id: 'font-smaller', title: 'Reader: smaller text', keys: 'CmdOrCtrl+Alt+-', menu: 'view' },
  { id: 'font-family', title: 'Reader: switch serif / sans-serif' },
  { id: 'highlights-panel', title: 'Reader: go to highlights', keys: 'CmdOrCtrl+Shift+H', menu: 'view' },
  { id: 'shortcuts', title: 'Keyboard shortcuts', keys: '?', menu: 'help' },
  { id: 'export-library', title: 'Export the library as Markdown…', menu: 'file' },
  { id: 'export-citations', title: 'Export citations (BibTeX, CSL-JSON, APA, Chicago)…', menu: 'file' },
  { id: 'import-readwise', title: 'Import from Readwise (CSV)…', menu: 'file' },
  { id: 'import-omnivore', title: 'Import from Omnivore…', menu: 'file' },
  { id: 'import-pocket', title: 'Import from Pocket…', menu: 'file' },
  { id: 'import-folder', title: 'Import a folder of files…', menu: 'file' },
  { id: 'backup-library', title: 'Back up the library…', menu: 'file' },
  { id: 'restore-backup', title: 'Restore a backup…', menu: 'file' },
  { id: 'move-library', title: 'Move the library…' },
  { id: 'rebuild-search', title: 'Rebuild the search index' },
] as const satisfies readonly CommandInfo[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** Every command id, for validating what crosses the process boundary. */
export const COMMAND_IDS = COMMANDS.map((c) => c.id) as [CommandId, ...CommandId[]];

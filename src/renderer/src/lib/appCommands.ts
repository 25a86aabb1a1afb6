import type { CommandId } from '@core/common/commands';
import { FONT_SIZE } from '@core/common/settingsLimits';
import type { Settings, SettingsPatch } from '@core/settings/schema';
import { systemPrefersDark, toggledTheme } from './appearance';
import type { JobImportSource } from '@core/jobs/types';
import type { JobAction } from './jobActions';
import type { ReportError } from './report';

/** What the app's commands act on. */
export interface CommandContext {
  settings: Settings | null;
  update: (patch: SettingsPatch) => void;
  report: ReportError;
  /** Opens a dialog; asking for the palette while it is open closes it. */
  setOverlay: (overlay: 'clip' | 'palette' | 'shortcuts') => void;
  clipSample: () => void;
  go: (view: 'library' | 'highlights' | 'settings' | 'trash') => void;
  /** Opens the citation export for what is shown: the reader's clip, else the library. */
  cite: () => void;
  openSearch: () => void;
  /** Reads the library list again (a clip arrived from the browser). */
  libraryChanged: () => void;
  /** Starts long work (export, import, backup…) after choosing its paths. */
  runJob: (action: JobAction) => void;
  /** Moves the focus to the open reader's highlights panel (nothing when no reader is open). */
  focusHighlights: () => void;
}

/** Runs one command from the palette, the keyboard or the native menu. */
export function runAppCommand(id: CommandId, ctx: CommandContext): void {
  const { settings, update } = ctx;
  const reader = settings?.reader;
  const fontSize = (delta: number) =>
    reader &&
    update({ reader: { fontSize: Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, reader.fontSize + delta)) } });
  switch (id) {
    case 'palette':
    case 'shortcuts':
    case 'clip':
      return ctx.setOverlay(id);
    case 'clip-sample':
      return ctx.clipSample();
    case 'open-library-folder':
      return void window.gloss.revealLibrary().catch((e) => ctx.report('Couldn’t open the library folder', e));
    case 'go-library':
      return ctx.go('library');
    case 'go-highlights':
      return ctx.go('highlights');
    case 'reload-library':
      return ctx.libraryChanged();
    case 'go-search':
      return ctx.openSearch();
    case 'go-settings':
      return ctx.go('settings');
    case 'go-trash':
      return ctx.go('trash');
    case 'export-citations':
      return ctx.cite();
    case 'toggle-theme':
      return void (settings && update({ theme: toggledTheme(settings.theme, systemPrefersDark()) }));
    case 'theme-system':
    case 'theme-light':
    case 'theme-dark':
    case 'theme-sepia':
      return update({ theme: id.slice('theme-'.length) as Settings['theme'] });
    case 'font-bigger':
      return void fontSize(FONT_SIZE.step);
    case 'font-smaller':
      return void fontSize(-FONT_SIZE.step);
    case 'font-family':
      return void (reader && update({ reader: { fontFamily: reader.fontFamily === 'serif' ? 'sans' : 'serif' } }));
    case 'export-library':
      return ctx.runJob({ kind: 'export' });
    case 'import-readwise':
    case 'import-omnivore':
    case 'import-pocket':
    case 'import-folder':
      return ctx.runJob({ kind: 'import', source: id.slice('import-'.length) as JobImportSource });
    case 'backup-library':
      return ctx.runJob({ kind: 'backup' });
    case 'restore-backup':
      return ctx.runJob({ kind: 'restore' });
    case 'move-library':
      return ctx.runJob({ kind: 'move' });
    case 'rebuild-search':
      return ctx.runJob({ kind: 'reindex' });
    case 'highlights-panel':
      return ctx.focusHighlights();
  }
}

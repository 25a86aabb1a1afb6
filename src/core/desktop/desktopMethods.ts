/**
 * The GlossApi methods that serve the desktop experience rather than the library itself: settings, about,
 * the sample article, undo of deletions and menu commands. Kept apart so service.ts stays about the library.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClipTextInput, GlossApi } from '../api';
import type { CommandId } from '../common/commands';
import { GlossError } from '../errors';
import type { LibraryStore } from '../library/store';
import type { AnchoredHighlight, ClipMeta, ClipSummary, Highlight } from '../model';
import type { SettingsBackend } from '../settings/backend';
import { memorySettingsBackend } from '../settings/backend';
import { openSettingsStore, type SettingsStore } from '../settings/settingsStore';
import { aboutInfo } from './about';
import { appRoot } from './appRoot';
import { createCommandQueue } from './commandQueue';

export interface DesktopOptions {
  /** Where settings are kept; in memory when absent (CLI, tests). */
  settings?: SettingsBackend;
  /** Gloss's version for About (the desktop app passes `app.getVersion()`); read from package.json otherwise. */
  appVersion?: string;
  /** The sample article offered on first run; `resources/sample-article.txt` in the app folder by default. */
  samplePath?: string;
}

/** What the desktop methods need from the service that hosts them. */
export interface DesktopDeps {
  store: LibraryStore;
  /** The search index, kept in step when a clip comes back. */
  index: { putClip(meta: ClipMeta, text: string): void; putHighlights(meta: ClipMeta, highlights: Highlight[]): void };
  summarise(meta: ClipMeta, highlightCount: number): ClipSummary;
  anchored(text: string, highlight: Highlight): AnchoredHighlight;
  changeHighlights<T>(
    clipId: string,
    change: (highlights: Highlight[], text: string) => T,
  ): Promise<{ result: T; text: string }>;
  clipText(input: ClipTextInput): Promise<ClipSummary>;
}

type DesktopMethodName =
  | 'getSettings'
  | 'updateSettings'
  | 'getAbout'
  | 'revealLibrary'
  | 'clipSample'
  | 'restoreClip'
  | 'restoreHighlight'
  | 'nextCommand';

/** The desktop methods plus what only the service's owner may call. */
export type DesktopMethods = Pick<GlossApi, DesktopMethodName> & {
  /** Sends a command (from the native menu) to the page's `nextCommand()`. */
  sendCommand(id: CommandId): void;
  closeDesktop(): Promise<void>;
  /** The settings themselves, for the service's own use (e.g. the clip endpoint's token). */
  settingsStore: SettingsStore;
};

/** Builds the desktop methods over the service's store and index. */
export function createDesktopMethods(deps: DesktopDeps, options: DesktopOptions): DesktopMethods {
  const { store, index } = deps;
  const settings = openSettingsStore(options.settings ?? memorySettingsBackend());
  const commands = createCommandQueue();
  return {
    async getSettings() {
      return settings.get();
    },
    async updateSettings(patch) {
      return settings.update(patch);
    },
    async getAbout() {
      return aboutInfo(options.appVersion);
    },
    async revealLibrary() {
      // The core only names the folder; the desktop app's main process opens it (shell.openPath).
      return store.path;
    },
    async clipSample() {
      const root = appRoot();
      const file = options.samplePath ?? (root && path.join(root, 'resources', 'sample-article.txt'));
      if (!file) throw new GlossError('not-found', 'The sample article is missing from this installation.');
      const text = await readFile(file, 'utf8').catch(() => {
        throw new GlossError('not-found', `The sample article is missing from this installation (${file}).`);
      });
      return deps.clipText({ text });
    },
    async restoreClip(id) {
      const meta = await store.restoreClip(id);
      const [{ text }, highlights] = await Promise.all([store.readArticle(id), store.readAnnotations(id)]);
      index.putClip(meta, text);
      index.putHighlights(meta, highlights);
      return deps.summarise(meta, highlights.length);
    },
    async restoreHighlight(highlight) {
      const { result, text } = await deps.changeHighlights(highlight.clipId, (highlights) => {
        if (highlights.some((h) => h.id === highlight.id)) {
          throw new GlossError('invalid-input', 'That highlight is already in the clip.');
        }
        highlights.push(highlight);
        highlights.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        return highlight;
      });
      return deps.anchored(text, result);
    },
    nextCommand: () => commands.next(),
    sendCommand: (id) => commands.send(id),
    settingsStore: settings,
    async closeDesktop() {
      commands.close();
      await settings.flush();
    },
  };
}

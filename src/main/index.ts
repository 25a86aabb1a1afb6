/**
 * The Electron main process: opens the library, binds GlossApi to IPC and shows one hardened window.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { GlossApi } from '../core/api';
import { GlossError } from '../core/errors';
import { JobRunner } from '../core/jobs/runner';
import { forwardingApi, switchService } from '../core/jobs/switchService';
import { rememberedLibraryDir } from '../core/libraryLocation';
import type { SettingsBackend } from '../core/settings/backend';
import { createGlossService, type GlossService } from '../core/service';
import { registerAssetScheme, serveAssets } from './assetProtocol';
import { registerGlossIpc } from './ipc';
import { installMenu } from './menu';
import { readPagesInWorker } from './pageReader';
import { chooseWithDialog } from './pathDialog';
import { electronStoreSettingsBackend } from './settingsBackend';
import { hardenSession, installAppWideGuards } from './security';
import { savedWindowState, trackWindowState } from './windowState';

app.enableSandbox();
installAppWideGuards();
registerAssetScheme();
readPagesInWorker();

const rendererFile = join(__dirname, '../renderer/index.html');
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

/** The page the window loads; IPC answers only this origin. */
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).toString();

function isTrustedSender(url: string): boolean {
  if (devServerUrl) return new URL(url).origin === new URL(devServerUrl).origin;
  return url.split('#')[0]?.split('?')[0] === appUrl;
}

/**
 * Where the library lives: GLOSS_LIBRARY, else where Gloss moved it (remembered in settings), else "Gloss
 * Library" in the app's user-data folder. A remembered folder that is gone (an unplugged drive) is not
 * silently replaced by an empty library: the person chooses.
 */
async function libraryDir(settings: SettingsBackend): Promise<string | null> {
  const fallback = join(app.getPath('userData'), 'Gloss Library');
  if (process.env['GLOSS_LIBRARY']) return process.env['GLOSS_LIBRARY'];
  let moved: string | null = null;
  try {
    moved = rememberedLibraryDir(settings.read());
  } catch {
    // Unreadable settings: the settings store keeps them aside when the service opens.
  }
  if (!moved || existsSync(moved)) return moved ?? fallback;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Library not found',
    message: `Gloss’s library was moved to ${moved}, which cannot be found.`,
    detail: 'If it is on a drive that is not connected, connect it and start Gloss again.',
    buttons: ['Quit', 'Open the default library'],
    defaultId: 0,
    cancelId: 0,
  });
  return response === 1 ? fallback : null;
}

function createWindow(): BrowserWindow {
  const { bounds, maximized } = savedWindowState();
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    ...bounds,
    minWidth: 640,
    minHeight: 520,
    show: false,
    title: 'Gloss',
    backgroundColor: '#f7f6f3',
    // Written out here, not built by a helper, so that Electronegativity (test/security) can check it.
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A middle click must not open a link in a new window of the app.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  trackWindowState(win);
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  void win.loadURL(appUrl);
  return win;
}

let service: GlossService | undefined;
/** What IPC serves: the current service with the shell's parts (replaced when the library moves). */
let api: GlossApi | undefined;
const jobs = new JobRunner();

/** The service with the parts only the desktop can do: the core names the library folder, the shell opens it. */
function withShell(core: GlossService): GlossService {
  return {
    ...core,
    async revealLibrary() {
      const folder = await core.revealLibrary();
      const failure = await shell.openPath(folder);
      if (failure) throw new GlossError('io', `Could not open ${folder}: ${failure}`);
      return folder;
    },
  };
}

/** Makes `next` the service the app uses; the bookmarklet's endpoint (127.0.0.1 only) moves with it. */
function install(next: GlossService): void {
  service = next;
  api = withShell(next);
  // Settings shows why when it cannot start.
  void next.startClipEndpoint();
}

void app.whenReady().then(async () => {
  hardenSession();
  const settings = electronStoreSettingsBackend();
  const openService = (libraryDir: string) =>
    createGlossService({
      libraryDir,
      settings,
      appVersion: app.getVersion(),
      samplePath: join(app.getAppPath(), 'resources', 'sample-article.txt'),
      images: {},
      jobs,
      choosePath: (request) =>
        chooseWithDialog(BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null, request),
      switchLibrary: async (dir) => void (await switchService(service!, dir, openService, install)),
    });
  try {
    const dir = await libraryDir(settings);
    if (!dir) return app.exit(0);
    install(await openService(dir));
  } catch (error) {
    dialog.showErrorBox('Gloss could not open its library', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  serveAssets(() => service!.libraryPath);
  registerGlossIpc(
    forwardingApi(() => api!),
    isTrustedSender,
  );
  installMenu((id) => service?.sendCommand(id));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quit only once the service has saved what is pending (the search index's debounced save, the clip
// endpoint): hold the first quit, close the service, then quit for real.
let closing = false;
app.on('will-quit', (event) => {
  if (!service || closing) return;
  closing = true;
  event.preventDefault();
  jobs
    .stopAll()
    .then(() => service?.close())
    .catch((error: unknown) => console.error('Gloss could not finish saving before quitting:', error))
    .finally(() => app.quit());
});

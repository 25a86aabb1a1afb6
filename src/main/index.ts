/**
 * The Electron main process: opens the library, binds GlossApi to IPC and shows one hardened window.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { GlossError } from '../core/errors';
import { createGlossService, type GlossService } from '../core/service';
import { registerAssetScheme, serveAssets } from './assetProtocol';
import { registerGlossIpc } from './ipc';
import { installMenu } from './menu';
import { electronStoreSettingsBackend } from './settingsBackend';
import { hardenSession, installAppWideGuards } from './security';
import { savedWindowState, trackWindowState } from './windowState';

app.enableSandbox();
installAppWideGuards();
registerAssetScheme();

const rendererFile = join(__dirname, '../renderer/index.html');
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

/** The page the window loads; IPC answers only this origin. */
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).toString();

function isTrustedSender(url: string): boolean {
  if (devServerUrl) return new URL(url).origin === new URL(devServerUrl).origin;
  return url.split('#')[0]?.split('?')[0] === appUrl;
}

/** Where the library lives: GLOSS_LIBRARY, else "Gloss Library" in the app's user-data folder. */
function libraryDir(): string {
  return process.env['GLOSS_LIBRARY'] || join(app.getPath('userData'), 'Gloss Library');
}

function createWindow(): BrowserWindow {
  const { bounds, maximized } = savedWindowState();
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    ...bounds,
    minWidth: 760,
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

app.whenReady().then(async () => {
  hardenSession();
  try {
    service = await createGlossService({
      libraryDir: libraryDir(),
      settings: electronStoreSettingsBackend(),
      appVersion: app.getVersion(),
      samplePath: join(app.getAppPath(), 'resources', 'sample-article.txt'),
      images: {},
    });
  } catch (error) {
    dialog.showErrorBox('Gloss could not open its library', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  serveAssets(service.libraryPath);
  registerGlossIpc(withShell(service), isTrustedSender);
  const running = service;
  installMenu((id) => running.sendCommand(id));
  createWindow();
  // The bookmarklet's endpoint (127.0.0.1 only); Settings shows why when it cannot start.
  void running.startClipEndpoint();
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
  service
    .close()
    .catch((error: unknown) => console.error('Gloss could not finish saving before quitting:', error))
    .finally(() => app.quit());
});

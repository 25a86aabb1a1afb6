/**
 * The native open, save and folder dialogs behind GlossApi.choosePath. The core checks what comes back
 * (absolute, existing where it must); this only asks Electron.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { PathRequest } from '../core/jobs/types';

/** Shows the dialog `request` asks for over `win`; resolves with the chosen path, or null when cancelled. */
export async function chooseWithDialog(win: BrowserWindow | null, request: PathRequest): Promise<string | null> {
  const common = { title: request.title, filters: request.filters };
  if (request.mode === 'save-file') {
    const options: SaveDialogOptions = {
      ...common,
      defaultPath: request.defaultName,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const properties: OpenDialogOptions['properties'] =
    request.mode === 'open-file' ? ['openFile'] : ['openDirectory', 'createDirectory', 'promptToCreate'];
  const options: OpenDialogOptions = { ...common, properties };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

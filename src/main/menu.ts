/**
 * Installs the native application menu (menuTemplate.ts); developer tools only when the app is not packaged.
 */
import { app, Menu } from 'electron';
import type { CommandId } from '../core/common/commands';
import { menuTemplate } from './menuTemplate';
import { openExternalSafely } from './security';

const HELP_URL = 'https://github.com/gloss-app/gloss#readme';

/** Installs the application menu; `send` delivers a command id to the page. */
export function installMenu(send: (id: CommandId) => void): void {
  const template = menuTemplate({
    send,
    platform: process.platform,
    appName: app.name,
    devTools: !app.isPackaged,
    openHelp: () => void openExternalSafely(HELP_URL),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

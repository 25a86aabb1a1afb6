/**
 * The native application menu: the standard roles (App on macOS, File, Edit, View, Window, Help) and Gloss's
 * commands. A Gloss item sends its command id to the page through the service's command queue (the page's
 * `nextCommand()` call), where the palette's command registry runs it. Shortcuts are shown but not registered
 * here: the page handles its own keys, so a key never runs a command twice. Electron types only, so that
 * menuTemplate.test.ts checks the template without an Electron binary; menu.ts installs it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId, CommandInfo } from '../core/common/commands';
import { COMMANDS } from '../core/common/commands';

type Section = NonNullable<CommandInfo['menu']>;

/** What the template depends on besides the commands. */
export interface MenuContext {
  /** Delivers a command id to the page. */
  send: (id: CommandId) => void;
  platform: NodeJS.Platform;
  appName: string;
  /** Whether View offers "Toggle Developer Tools": only when not packaged (a development run). */
  devTools: boolean;
  /** Opens Gloss's web page in the browser. */
  openHelp: () => void;
}

/** The menu items of one section, each sending its command. */
function commandItems(section: Section, send: (id: CommandId) => void): MenuItemConstructorOptions[] {
  return (COMMANDS as readonly CommandInfo[])
    .filter((c) => c.menu === section)
    .map((c) => ({
      label: c.title,
      // Single keys ("/", "?") are typed in the page; only modifier shortcuts make sense as accelerators.
      ...(c.keys?.includes('+') && { accelerator: c.keys, registerAccelerator: false }),
      click: () => send(c.id as CommandId),
    }));
}

/** Builds the menu template. A packaged app has no developer tools in any menu. */
export function menuTemplate({
  send,
  platform,
  appName,
  devTools,
  openHelp,
}: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'Cmd+,', registerAccelerator: false, click: () => send('go-settings') },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [...commandItems('file', send), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...commandItems('go', send),
        { type: 'separator' },
        ...commandItems('view', send),
        { type: 'separator' },
        { role: 'reload' },
        ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [...commandItems('help', send), { label: 'Gloss on the web', click: openHelp }],
    },
  );
  return template;
}

/**
 * The hardening rules for web contents, sessions and IPC senders, apart from Electron's runtime (types
 * only), so that securityPolicy.test.ts checks them without an Electron binary. security.ts and ipc.ts
 * apply them to the real objects.
 */
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

/** The parts of a web contents the guards use. */
export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** The parts of a session the guards use. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
>;

/**
 * Keeps `contents` on the app's page: navigation (any frame), redirects, webviews and new windows are
 * refused; a link the person follows goes to `openExternal`, which decides whether the system browser may
 * open it (http/https/mailto only, see externalLinks.ts).
 */
export function guardWebContents(contents: GuardableContents, openExternal: (url: string) => unknown): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  // An iframe that slipped past the sanitisers still cannot load anything.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Refuses every permission request and check (camera, microphone, notifications, geolocation, clipboard
 * reading…), every device (HID, USB, serial) and every download: Gloss's page needs none of them.
 */
export function denyPermissions(ses: HardenableSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

/** Decides from a sender's page address whether it is the app's own page. */
export type SenderCheck = (senderUrl: string) => boolean;

/**
 * Whether an IPC call comes from the app: the main frame (not an iframe) of a web contents whose page
 * `isTrustedSender` accepts.
 */
export function isAppSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  isTrustedSender: SenderCheck,
): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isTrustedSender(frame.url);
}

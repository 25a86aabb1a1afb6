/**
 * The Electron hardening rules (securityPolicy.ts) on stand-ins for a web contents, a session and IPC
 * events: what Electron calls, the rule must refuse. The real objects only add Electron's event plumbing.
 * Also checks the source: IPC handlers are registered in ipc.ts alone, behind the sender check.
 */
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  denyPermissions,
  guardWebContents,
  isAppSender,
  type GuardableContents,
  type HardenableSession,
} from './securityPolicy';

/** A preventable event, as Electron passes to `will-*` listeners. */
function electronEvent(fields: Record<string, unknown> = {}) {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true), ...fields };
  return event;
}

function guardedContents() {
  const emitter = new EventEmitter();
  let windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof windowOpen) => void (windowOpen = handler),
  });
  const opened: string[] = [];
  guardWebContents(contents as unknown as GuardableContents, (url) => opened.push(url));
  return { emitter, opened, openWindow: (url: string) => windowOpen!({ url }) };
}

describe('guardWebContents', () => {
  it('refuses navigation and hands the address to the external-link check', () => {
    const { emitter, opened } = guardedContents();
    const event = electronEvent();
    emitter.emit('will-navigate', event, 'javascript:__xss(1)');
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual(['javascript:__xss(1)']);
  });

  it('refuses redirects, webviews and navigation inside any iframe', () => {
    const { emitter } = guardedContents();
    for (const [name, event] of [
      ['will-redirect', electronEvent()],
      ['will-attach-webview', electronEvent()],
      ['will-frame-navigate', electronEvent({ isMainFrame: false, url: 'https://evil.example/' })],
    ] as const) {
      emitter.emit(name, event);
      expect(event.defaultPrevented, name).toBe(true);
    }
  });

  it('denies every new window', () => {
    const { openWindow, opened } = guardedContents();
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/', 'file:///etc/passwd']);
  });
});

describe('denyPermissions', () => {
  it('denies permission requests, permission checks, devices and downloads', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const emitter = new EventEmitter();
    const ses = Object.assign(emitter, {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => void (handlers['request'] = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => void (handlers['check'] = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => void (handlers['device'] = h),
    });
    denyPermissions(ses as unknown as HardenableSession);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const answers: boolean[] = [];
      (handlers['request'] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, (ok) =>
        answers.push(ok),
      );
      expect(answers, permission).toEqual([false]);
      expect((handlers['check'] as (wc: unknown, p: string) => boolean)({}, permission), permission).toBe(false);
    }
    expect((handlers['device'] as (d: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);
    const download = electronEvent();
    emitter.emit('will-download', download, {}, {});
    expect(download.defaultPrevented).toBe(true);
  });
});

describe('isAppSender', () => {
  const mainFrame = { url: 'file:///app/out/renderer/index.html' };
  const trusted = (url: string) => url === mainFrame.url;

  it('accepts only the main frame of the app page', () => {
    expect(isAppSender({ sender: { mainFrame }, senderFrame: mainFrame } as never, trusted)).toBe(true);
    const iframe = { url: mainFrame.url };
    expect(isAppSender({ sender: { mainFrame }, senderFrame: iframe } as never, trusted)).toBe(false);
    const elsewhere = { url: 'https://evil.example/' };
    expect(isAppSender({ sender: { mainFrame: elsewhere }, senderFrame: elsewhere } as never, trusted)).toBe(false);
    expect(isAppSender({ sender: { mainFrame }, senderFrame: null } as never, trusted)).toBe(false);
  });

  it('guards every IPC handler: only ipc.ts registers handlers, and each call passes isAppSender first', () => {
    const dir = import.meta.dirname;
    const users = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && /\bipcMain\b/.test(readFileSync(join(dir, f), 'utf8')),
    );
    expect(users).toEqual(['ipc.ts']);
    const ipc = readFileSync(join(dir, 'ipc.ts'), 'utf8');
    expect(ipc.match(/ipcMain\.\w+\(/g)).toEqual(['ipcMain.handle(']);
    const handler = ipc.slice(ipc.indexOf('ipcMain.handle('));
    expect(handler.indexOf('isAppSender(')).toBeGreaterThan(-1);
    expect(handler.indexOf('isAppSender(')).toBeLessThan(handler.indexOf('dispatchApiCall('));
  });
});

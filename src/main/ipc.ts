/**
 * Binds GlossApi to IPC: one channel per method, each call checked for its sender and validated by
 * dispatchApiCall before the core sees it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { GlossApi } from '../core/api';
import { channelFor, GLOSS_METHODS } from '../core/api';
import { dispatchApiCall } from '../core/dispatch';
import { isAppSender, type SenderCheck } from './securityPolicy';

/** Registers every GlossApi method as an `ipcMain.handle` channel. */
export function registerGlossIpc(api: GlossApi, isTrustedSender: SenderCheck): void {
  for (const method of GLOSS_METHODS) {
    ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isAppSender(event, isTrustedSender)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Request refused: unknown sender.' } };
      }
      return dispatchApiCall(api, method, args);
    });
  }
}

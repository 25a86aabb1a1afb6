/**
 * The preload exposes exactly the typed GlossApi to the page, nothing more: no ipcRenderer, no Node.
 * Each method forwards to its own IPC channel; the main process validates every argument.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, GLOSS_METHODS } from '../core/api';
import { createApiClient, type Envelope } from '../core/apiClient';

const api = createApiClient(
  GLOSS_METHODS,
  (method, args) => ipcRenderer.invoke(channelFor(method), ...args) as Promise<Envelope>,
);

contextBridge.exposeInMainWorld('gloss', api);

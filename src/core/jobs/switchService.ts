/**
 * Switching the running app to another library folder (after a move, or to open a restored backup):
 * the one place that closes a service and opens the next, used by the desktop app and the UI tests.
 */
import type { GlossApi } from '../api';
import { GLOSS_METHODS } from '../api';

/** What a switch needs of a service: its folder, to remember it, and to close it. */
export interface SwitchableService {
  readonly libraryPath: string;
  rememberLibrary(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Closes `current` (its pending saves finish), opens the library at `dir`, remembers it as the one to
 * open at start, and hands it to `install`. If the new library cannot be opened or remembered, the
 * library at `current`'s folder is opened again and installed, and the error is thrown: the app keeps
 * working where it was.
 */
export async function switchService<S extends SwitchableService>(
  current: S,
  dir: string,
  open: (dir: string) => Promise<S>,
  install: (service: S) => void,
): Promise<S> {
  await current.close();
  let next: S | undefined;
  try {
    next = await open(dir);
    await next.rememberLibrary();
  } catch (error) {
    await next?.close().catch(() => {});
    const back = await open(current.libraryPath);
    await back.rememberLibrary().catch(() => {});
    install(back);
    throw error;
  }
  install(next);
  return next;
}

/** A GlossApi that forwards every call to whatever `current()` is at the time (the service survives switches). */
export function forwardingApi(current: () => GlossApi): GlossApi {
  const api: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of GLOSS_METHODS) {
    api[method] = (...args: unknown[]) => (current()[method] as (...a: unknown[]) => unknown)(...args);
  }
  return api as unknown as GlossApi;
}

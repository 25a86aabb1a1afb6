/**
 * Remembers the window's size and position between runs (electron-store, in the user-data folder).
 */
import Store from 'electron-store';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
}

const store = new Store<{ window: WindowState }>({
  name: 'window-state',
  defaults: { window: { bounds: null, maximized: false } },
});

/** The saved bounds, if they still fit on a connected display (monitors come and go). */
export function savedWindowState(): WindowState {
  const state = store.get('window');
  const bounds = state.bounds;
  if (!bounds) return state;
  const visible = screen
    .getAllDisplays()
    .some(
      ({ workArea: a }) =>
        bounds.x < a.x + a.width &&
        bounds.x + bounds.width > a.x &&
        bounds.y < a.y + a.height &&
        bounds.y + bounds.height > a.y,
    );
  return visible ? state : { bounds: null, maximized: state.maximized };
}

/** Saves the window's bounds whenever it closes. */
export function trackWindowState(win: BrowserWindow): void {
  win.on('close', () => {
    store.set('window', { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
}

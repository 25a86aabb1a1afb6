/**
 * The app's routes (which view is shown) and how they map to the `lastView` the settings remember, so the
 * app reopens where it was left.
 */
import type { LastView } from '@core/settings/schema';
import type { ReaderFocus } from '../reader/usePaintedHighlights';

/** Which view is shown; the reader also knows where it was opened from, for its way back. */
export type Route =
  | { name: 'library' }
  | { name: 'highlights' }
  | { name: 'search' }
  | { name: 'settings' }
  | { name: 'notebook' }
  | { name: 'trash' }
  | { name: 'reader'; clipId: string; focus: ReaderFocus | null; from: ReaderFrom };

/** The views the reader can be opened from, and goes back to. */
export type ReaderFrom = 'library' | 'highlights' | 'search' | 'notebook';

let focusKey = 0;

/** A reader focus on `start`–`end` or a highlight, new each call so asking for the same place twice still works. */
export function newReaderFocus(start: number, end: number, highlightId: string | null): ReaderFocus {
  return { start, end, highlightId, key: ++focusKey };
}

/** The route to reopen for a remembered `lastView`. */
export function routeFromLastView(view: LastView): Route {
  if (view.name === 'reader' && view.clipId)
    return { name: 'reader', clipId: view.clipId, focus: null, from: 'library' };
  return { name: view.name === 'reader' ? 'library' : view.name };
}

/** What the settings remember of `route` (and the notebook's open page). */
export function lastViewOf(route: Route, pageId: string | null): LastView {
  if (route.name === 'reader') return { name: 'reader', clipId: route.clipId };
  if (route.name === 'notebook' && pageId) return { name: 'notebook', pageId };
  // The trash is a place to visit, not to reopen the app in.
  if (route.name === 'trash') return { name: 'library' };
  return { name: route.name };
}

/**
 * The reader's highlight state in one reducer: which highlight is active (picked by a click, n/p, a jump or
 * the place the reader was opened at), which highlight's note or tag editor is open in the side panel, and
 * the toolbar shown over a highlight clicked in the article. Commands (open the note editor, pick this one)
 * are actions, not props with a changing key.
 */
import { useReducer } from 'react';

/** What a highlight's card in the side panel can open: its note editor or its tag editor. */
export type EditKind = 'note' | 'tags';

/** The reader's highlight state. */
export interface ReaderState {
  /** The highlight picked last (shown as active in the panel; n/p step from it; the menu key opens its menu). */
  activeId: string | null;
  /** The highlight whose note or tag editor is open (one at a time: opening another closes it, which saves it). */
  editing: { id: string; what: EditKind } | null;
  /** The toolbar over a highlight clicked in the article, at the place it was clicked. */
  tools: { id: string; rect: DOMRect } | null;
}

/** What can happen to the reader's highlight state. */
export type ReaderAction =
  /** Makes a highlight active (closing the toolbar, or opening it at `rect`). */
  | { type: 'pick'; id: string; rect?: DOMRect }
  /** Opens a highlight's note or tag editor (closing the toolbar). */
  | { type: 'edit'; id: string; what: EditKind }
  /** Closes the editor of `id` (if it is still the open one). */
  | { type: 'editDone'; id: string }
  /** A new highlight was made: it becomes active, with its note or tag editor open if asked for. */
  | { type: 'added'; id: string; open?: EditKind }
  /** Closes the toolbar over a clicked highlight. */
  | { type: 'closeTools' };

/** The next reader state after `action`. */
export function readerReducer(state: ReaderState, action: ReaderAction): ReaderState {
  switch (action.type) {
    case 'pick':
      return { ...state, activeId: action.id, tools: action.rect ? { id: action.id, rect: action.rect } : null };
    case 'edit':
      return { ...state, editing: { id: action.id, what: action.what }, tools: null };
    case 'editDone':
      return state.editing?.id === action.id ? { ...state, editing: null } : state;
    case 'added':
      return {
        activeId: action.id,
        editing: action.open ? { id: action.id, what: action.open } : state.editing,
        tools: null,
      };
    case 'closeTools':
      return state.tools ? { ...state, tools: null } : state;
  }
}

/** The reader's highlight state, starting with `activeId` active (e.g. the highlight a search result named). */
export function useReaderState(activeId: string | null) {
  return useReducer(readerReducer, { activeId, editing: null, tools: null });
}

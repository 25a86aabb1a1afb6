import { createContext, useContext } from 'react';
import type { Toast } from '../components/Toasts';

/** Shows a toast for a finished action, e.g. "Highlight deleted" with an Undo button. */
export type Notify = (toast: Omit<Toast, 'id' | 'kind'>) => void;

export const NotifyContext = createContext<Notify>(() => {});

export function useNotify(): Notify {
  return useContext(NotifyContext);
}

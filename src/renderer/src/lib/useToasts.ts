/**
 * The app's toasts: `report` shows an error as it is, `notify` shows a finished action (perhaps with an
 * Undo); at most four are shown, the oldest going first.
 */
import { useCallback, useRef, useState } from 'react';
import type { Toast } from '../components/Toasts';
import { errorMessage } from './format';
import type { Notify } from './notify';
import type { ReportError } from './report';

/** The toasts shown, with `report`, `notify` and `dismiss` (all stable). */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toastId = useRef(0);

  const report = useCallback<ReportError>((title, error) => {
    const message = errorMessage(error);
    setToasts((ts) => [...ts.slice(-3), { id: ++toastId.current, title, message, kind: 'error' }]);
  }, []);
  const notify = useCallback<Notify>((toast) => {
    setToasts((ts) => [...ts.slice(-3), { ...toast, id: ++toastId.current, kind: 'done' }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  return { toasts, report, notify, dismiss };
}

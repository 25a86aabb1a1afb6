import { useEffect } from 'react';
import { CloseIcon } from './Icons';

export interface Toast {
  id: number;
  title: string;
  message: string;
  /** Errors interrupt (role alert); confirmations of finished actions are announced politely. */
  kind?: 'error' | 'done';
  /** A button such as Undo; choosing it dismisses the toast. */
  action?: { label: string; run: () => void };
}

const AUTO_DISMISS_MS = 12_000;

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), AUTO_DISMISS_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, onDismiss]);
  const done = toast.kind === 'done';
  return (
    <div className={`toast${done ? ' toast-done' : ''}`} role={done ? 'status' : 'alert'}>
      <div className="toast-body">
        <div className="toast-title">{toast.title}</div>
        {toast.message && <div className="toast-message">{toast.message}</div>}
      </div>
      {toast.action && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            onDismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        <CloseIcon size={14} />
      </button>
    </div>
  );
}

/** Errors from any call end up here unless the view shows them inline; so do finished actions with an undo. */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

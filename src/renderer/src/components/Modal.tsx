import type { ReactNode } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

let openModals = 0;

/** Whether a {@link Modal} is open (then Escape belongs to it, e.g. not to the reader's "back"). */
export function modalIsOpen(): boolean {
  return openModals > 0;
}

/**
 * The app's one modal dialog, on the native `<dialog>` opened with `showModal()`: the browser keeps the focus
 * inside it and makes the rest of the window inert, and it is exposed as a modal dialog (`aria-modal`). Escape
 * and a press on the backdrop call `onClose` (not while `canClose` is false, e.g. while it is saving), and the
 * focus goes back to the element that had it when the dialog opened. The content is drawn once the dialog is
 * open, so `autoFocus` inside it works.
 */
export function Modal({
  label,
  labelledBy,
  className,
  onClose,
  canClose = true,
  children,
}: {
  /** The dialog's accessible name (or give `labelledBy`, the id of its heading). */
  label?: string;
  labelledBy?: string;
  /** The class of the dialog's box (its size and look; `modal` is the common one). */
  className: string;
  onClose: () => void;
  canClose?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const closing = useRef({ onClose, canClose });
  useEffect(() => {
    closing.current = { onClose, canClose };
  }, [onClose, canClose]);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let ours = false;
    // The browser may close a dialog on its own (a second Escape after a refused one): the app follows, or
    // opens it again while it must stay (e.g. saving).
    const onNativeClose = () => {
      if (ours) return;
      if (closing.current.canClose) closing.current.onClose();
      else dialog.showModal();
    };
    dialog.addEventListener('close', onNativeClose);
    if (!dialog.open) dialog.showModal();
    openModals++;
    // The content is drawn only now that the dialog is open (a closed dialog's controls cannot take the focus).
    setOpen(true);
    return () => {
      openModals--;
      ours = true;
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  const close = () => {
    if (closing.current.canClose) closing.current.onClose();
  };
  return (
    <dialog
      ref={ref}
      className="modal-dialog"
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      // The dialog element itself is only under the pointer on its backdrop (its box fills it).
      onMouseDown={(e) => e.target === e.currentTarget && close()}
    >
      <div className={className}>{open && children}</div>
    </dialog>
  );
}

// A native <dialog> driven by an `open` prop: shown as a modal when it turns true, closed when it turns
// false. Shared by the instructor's confirmations and the terminal's paste dialog.
import { useEffect, useRef } from 'react';

/** The ref goes on the <dialog>; `onShow` runs each time it opens (clear a field, focus it). */
export function useModalDialog(open: boolean, onShow: (dialog: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const showRef = useRef(onShow);
  showRef.current = onShow;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      showRef.current(el);
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  return dialog;
}

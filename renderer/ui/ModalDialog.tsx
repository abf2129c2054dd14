import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: focus trap, Escape and the backdrop come from the browser. The browser
 * gives focus back to the opener only when the dialog closes itself; ours are usually removed by
 * React instead, which drops focus on the page body — so the opener is remembered and refocused
 * here (or, if it is gone, nothing is forced).
 */
export function ModalDialog(props: { titleId: string; describedBy?: string; onClose: () => void; children: ReactNode; role?: 'alertdialog'; className?: string }) {
  const { titleId, describedBy, onClose, children, role, className } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null | undefined>(undefined);
  useEffect(() => {
    const dialog = ref.current;
    // Taken once: under StrictMode the effect runs twice, the second time with focus already inside.
    if (openerRef.current === undefined) {
      const active = document.activeElement;
      openerRef.current = active instanceof HTMLElement && active !== document.body && !dialog?.contains(active) ? active : null;
    }
    const opener = openerRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      const lost = document.activeElement === null || document.activeElement === document.body || dialog?.contains(document.activeElement);
      if (opener?.isConnected && lost) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onClose={onClose}
      onCancel={onClose}
    >
      {children}
    </dialog>
  );
}

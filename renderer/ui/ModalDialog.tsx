import { useEffect, useRef, type ReactNode } from 'react';

/** A native modal <dialog>: focus trap, Escape and the backdrop come from the browser. */
export function ModalDialog(props: { titleId: string; describedBy?: string; onClose: () => void; children: ReactNode; role?: 'alertdialog'; className?: string }) {
  const { titleId, describedBy, onClose, children, role, className } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
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

import { useState, type ReactNode } from 'react';

/** A button that opens a dialog; `dialog` renders it with the function that closes it. */
export function DialogButton({ label, className = 'button', dialog }: { label: string; className?: string; dialog: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && dialog(() => setOpen(false))}
    </>
  );
}

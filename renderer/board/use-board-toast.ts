import { useCallback, useEffect, useRef, useState } from 'react';

export interface ToastAction {
  /** Visible text of the button. */
  label: string;
  /** Its accessible name: says what it undoes, so it is not confused with the toolbar's Undo. */
  name: string;
  run: () => void;
}

export interface Toast {
  message: string;
  action?: ToastAction;
  /** Changes with every show, so the same message twice still restarts the timer. */
  key: number;
}

const PLAIN_MS = 6_000;
/** Long enough to read the message, find the button and press it (WCAG 2.2.1 asks for adjustable limits; hovering or focusing pauses it). */
const WITH_ACTION_MS = 10_000;

/** The board's one toast: the latest message wins; hovering or focusing it keeps it open. */
export function useBoardToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const [held, setHeld] = useState(false);
  const counter = useRef(0);
  const show = useCallback((message: string, action?: ToastAction) => {
    counter.current += 1;
    setToast({ message, action, key: counter.current });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);

  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => setToast(null), toast.action ? WITH_ACTION_MS : PLAIN_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);

  return { toast, show, dismiss, setHeld };
}

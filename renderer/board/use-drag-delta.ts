import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/**
 * A pointer drag measured in world px (screen px ÷ zoom): the live offset to draw while dragging,
 * and `onDone(dx, dy)` once on release (not called for a press that did not move).
 */
export function useDragDelta(zoom: number, onDone: (dx: number, dy: number) => void) {
  const [offset, setOffset] = useState<{ dx: number; dy: number } | null>(null);
  const start = useRef<{ id: number; x: number; y: number } | null>(null);
  const handlers = {
    onPointerDown(event: ReactPointerEvent<HTMLElement>) {
      if (event.button !== 0) return;
      event.stopPropagation();
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      start.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
    },
    onPointerMove(event: ReactPointerEvent<HTMLElement>) {
      const s = start.current;
      if (!s || s.id !== event.pointerId) return;
      setOffset({ dx: (event.clientX - s.x) / zoom, dy: (event.clientY - s.y) / zoom });
    },
    onPointerUp(event: ReactPointerEvent<HTMLElement>) {
      const s = start.current;
      if (!s || s.id !== event.pointerId) return;
      start.current = null;
      const dx = Math.round((event.clientX - s.x) / zoom);
      const dy = Math.round((event.clientY - s.y) / zoom);
      setOffset(null);
      if (dx !== 0 || dy !== 0) onDone(dx, dy);
    },
    onPointerCancel() {
      start.current = null;
      setOffset(null);
    },
  };
  return { offset, handlers };
}

import { useEffect, useRef, type RefObject } from 'react';
import { zoomAround, type Viewport } from '../state/board-ui';
import { isTypingTarget } from './keyboard';
import { isPressableTarget } from './pressable-target';

export const ZOOM_STEP = 1.25;

/**
 * Pan by dragging empty space (or anything while Space is held) and zoom with the wheel around
 * the pointer. Listeners are native so the wheel can be non-passive and stop the page zooming.
 */
export function usePanZoom(
  surfaceRef: RefObject<HTMLElement | null>,
  viewport: Viewport,
  setViewport: (v: Viewport) => void,
): { spaceHeld: RefObject<boolean> } {
  const latest = useRef(viewport);
  latest.current = viewport;
  const spaceHeld = useRef(false);

  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    let pan: { pointerId: number; startX: number; startY: number; origin: Viewport } | null = null;

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = surface.getBoundingClientRect();
      // Lines/pages (mouse wheels in some browsers) are scaled to pixels so every device feels alike.
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1;
      const factor = Math.exp((-event.deltaY * unit) / 500);
      setViewport(zoomAround(latest.current, latest.current.zoom * factor, { x: event.clientX - rect.left, y: event.clientY - rect.top }));
    };

    const onPointerDown = (event: PointerEvent) => {
      const onEmpty = event.target === surface || (event.target as HTMLElement).dataset.boardLayer !== undefined;
      const wantsPan = event.button === 1 || (event.button === 0 && (onEmpty || spaceHeld.current));
      if (!wantsPan) return;
      // Capture phase: with Space held, a drag that starts on a note pans instead of moving it.
      event.preventDefault();
      event.stopPropagation();
      (document.activeElement as HTMLElement | null)?.blur?.();
      surface.setPointerCapture(event.pointerId);
      surface.classList.add('panning');
      pan = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, origin: latest.current };
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!pan || event.pointerId !== pan.pointerId) return;
      setViewport({ ...pan.origin, x: pan.origin.x + event.clientX - pan.startX, y: pan.origin.y + event.clientY - pan.startY });
    };
    const onPointerUp = (event: PointerEvent) => {
      if (!pan || event.pointerId !== pan.pointerId) return;
      pan = null;
      surface.classList.remove('panning');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code === 'Space' && !isTypingTarget(event.target) && !isPressableTarget(event.target)) {
        spaceHeld.current = true;
        surface.classList.add('pan-ready');
        if (event.target === document.body || surface.contains(event.target as Node)) event.preventDefault();
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code === 'Space') {
        spaceHeld.current = false;
        surface.classList.remove('pan-ready');
      }
    };

    surface.addEventListener('wheel', onWheel, { passive: false });
    surface.addEventListener('pointerdown', onPointerDown, { capture: true });
    surface.addEventListener('pointermove', onPointerMove);
    surface.addEventListener('pointerup', onPointerUp);
    surface.addEventListener('pointercancel', onPointerUp);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      surface.removeEventListener('wheel', onWheel);
      surface.removeEventListener('pointerdown', onPointerDown, { capture: true });
      surface.removeEventListener('pointermove', onPointerMove);
      surface.removeEventListener('pointerup', onPointerUp);
      surface.removeEventListener('pointercancel', onPointerUp);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [surfaceRef, setViewport]);

  return { spaceHeld };
}

import { useEffect, useRef, type RefObject } from 'react';
import { zoomAround, type Viewport } from '../state/board-ui';
import { isTypingTarget } from './keyboard';
import { isPressableTarget } from './pressable-target';

export const ZOOM_STEP = 1.25;
/** Screen px an arrow key pans (five times that with Shift). */
export const ARROW_PAN = 60;

type Pointer = { x: number; y: number };

function isEmptyBoard(surface: HTMLElement, target: EventTarget | null): boolean {
  return target === surface || (target instanceof HTMLElement && target.dataset.boardLayer !== undefined);
}

/** Scales wheel deltas given in lines or pages (some mice, some browsers) to pixels. */
function wheelPixels(event: WheelEvent, pageHeight: number): { dx: number; dy: number } {
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? pageHeight : 1;
  return { dx: event.deltaX * unit, dy: event.deltaY * unit };
}

/**
 * Moving around the board as in Figma and Miro: the wheel (and a trackpad's two fingers) pans,
 * Ctrl/⌘+wheel (and a trackpad's pinch, which browsers send as Ctrl+wheel) zooms around the
 * pointer; dragging empty space — or anything while Space is held — pans; two fingers pinch-zoom
 * and pan together; arrow keys pan while the board surface has focus. Listeners are native so the
 * wheel can be non-passive and stop the page itself zooming or scrolling.
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
    // Fingers on the surface, for the pinch: where each is now.
    const touches = new Map<number, Pointer>();
    let pinch: { distance: number; mid: Pointer; origin: Viewport } | null = null;

    const local = (event: { clientX: number; clientY: number }): Pointer => {
      const rect = surface.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const twoFingers = (): [Pointer, Pointer] | null => {
      const [a, b] = [...touches.values()];
      return a && b ? [a, b] : null;
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { dx, dy } = wheelPixels(event, surface.clientHeight);
      const view = latest.current;
      if (event.ctrlKey || event.metaKey) {
        setViewport(zoomAround(view, view.zoom * Math.exp(-dy / 300), local(event)));
      } else {
        // Shift+wheel scrolls sideways on a mouse without a horizontal wheel.
        const sideways = event.shiftKey && dx === 0;
        setViewport({ ...view, x: view.x - (sideways ? dy : dx), y: view.y - (sideways ? 0 : dy) });
      }
    };

    const startPinch = () => {
      const pair = twoFingers();
      if (!pair) return;
      const [a, b] = pair;
      pan = null;
      pinch = { distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, origin: latest.current };
    };

    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType === 'touch') {
        touches.set(event.pointerId, local(event));
        if (touches.size === 2 && pan) {
          // The second finger turns whatever the first was doing on empty board into a pinch.
          event.preventDefault();
          event.stopPropagation();
          surface.setPointerCapture(event.pointerId);
          startPinch();
          return;
        }
      }
      const onEmpty = isEmptyBoard(surface, event.target);
      const wantsPan = event.button === 1 || (event.button === 0 && (onEmpty || spaceHeld.current));
      if (!wantsPan) return;
      // Capture phase: with Space held, a drag that starts on a note pans instead of moving it.
      event.preventDefault();
      event.stopPropagation();
      // The surface takes focus so arrow keys pan and a focused note's bar steps aside.
      if (document.activeElement !== surface) surface.focus({ preventScroll: true });
      surface.setPointerCapture(event.pointerId);
      surface.classList.add('panning');
      pan = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, origin: latest.current };
    };
    const onPointerMove = (event: PointerEvent) => {
      if (touches.has(event.pointerId)) touches.set(event.pointerId, local(event));
      if (pinch) {
        const pair = twoFingers();
        if (!pair) return;
        const [a, b] = pair;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const scaled = zoomAround(pinch.origin, (pinch.origin.zoom * Math.hypot(a.x - b.x, a.y - b.y)) / pinch.distance, pinch.mid);
        setViewport({ ...scaled, x: scaled.x + mid.x - pinch.mid.x, y: scaled.y + mid.y - pinch.mid.y });
        return;
      }
      if (!pan || event.pointerId !== pan.pointerId) return;
      setViewport({ ...pan.origin, x: pan.origin.x + event.clientX - pan.startX, y: pan.origin.y + event.clientY - pan.startY });
    };
    const onPointerUp = (event: PointerEvent) => {
      touches.delete(event.pointerId);
      if (pinch && touches.size < 2) pinch = null;
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
    // Only the surface itself: a focused note's arrows move the note (use-selection-keys.ts).
    const onSurfaceKeyDown = (event: KeyboardEvent) => {
      if (event.target !== surface || event.ctrlKey || event.metaKey || event.altKey) return;
      const step = event.shiftKey ? ARROW_PAN * 5 : ARROW_PAN;
      const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[event.key];
      if (!d) return;
      event.preventDefault();
      const view = latest.current;
      setViewport({ ...view, x: view.x + d[0]!, y: view.y + d[1]! });
    };

    surface.addEventListener('wheel', onWheel, { passive: false });
    surface.addEventListener('pointerdown', onPointerDown, { capture: true });
    surface.addEventListener('pointermove', onPointerMove);
    surface.addEventListener('pointerup', onPointerUp);
    surface.addEventListener('pointercancel', onPointerUp);
    surface.addEventListener('keydown', onSurfaceKeyDown);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      surface.removeEventListener('wheel', onWheel);
      surface.removeEventListener('pointerdown', onPointerDown, { capture: true });
      surface.removeEventListener('pointermove', onPointerMove);
      surface.removeEventListener('pointerup', onPointerUp);
      surface.removeEventListener('pointercancel', onPointerUp);
      surface.removeEventListener('keydown', onSurfaceKeyDown);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [surfaceRef, setViewport]);

  return { spaceHeld };
}

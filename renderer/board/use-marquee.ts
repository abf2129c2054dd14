import { useEffect, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import { useWorkshop } from '../workshop/workshop-context';
import { screenToWorld, useBoardUi, viewportIn } from '../state/board-ui';

/** A rectangle in the surface's screen pixels. */
export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Screen pixels a press on empty board may wander and still count as a click (which deselects); a finger wanders more. */
const CLICK_SLOP: Record<string, number> = { mouse: 4, pen: 6, touch: 10 };

function isEmptyBoard(surface: HTMLElement, target: EventTarget | null): boolean {
  return target === surface || (target instanceof HTMLElement && target.dataset.boardLayer !== undefined);
}

/**
 * Empty board, as in Miro and Figma: a click there clears the selection; Shift+drag there draws
 * a selection rectangle that adds every note it touches. Plain drag keeps panning the view
 * (use-pan-zoom.ts). Listens in the capture phase on the board, before the pan handler on the
 * surface, and stops a marquee's events there so the view does not pan under it.
 */
export function useMarquee(doc: Y.Doc, boardId: string, surfaceRef: RefObject<HTMLElement | null>): ScreenRect | null {
  const { notesOn } = useWorkshop();
  const [rect, setRect] = useState<ScreenRect | null>(null);

  useEffect(() => {
    const surface = surfaceRef.current;
    const board = surface?.parentElement;
    if (!surface || !board) return;
    let press: { pointerId: number; x: number; y: number; marquee: boolean; base: readonly string[]; moved: boolean; slop: number } | null = null;

    const local = (event: PointerEvent) => {
      const r = surface.getBoundingClientRect();
      return { x: event.clientX - r.left, y: event.clientY - r.top };
    };
    const select = (from: { x: number; y: number }, to: { x: number; y: number }, base: readonly string[]) => {
      const view = viewportIn(useBoardUi.getState(), boardId);
      const a = screenToWorld(view, { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y) });
      const b = screenToWorld(view, { x: Math.max(from.x, to.x), y: Math.max(from.y, to.y) });
      const hits = notesOn(boardId)
        .filter(({ rect: r }) => r.x < b.x && r.x + r.w > a.x && r.y < b.y && r.y + r.h > a.y)
        .map((n) => n.id);
      const set = new Set(base);
      useBoardUi.getState().setSelection([...base, ...hits.filter((id) => !set.has(id))]);
    };

    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0 || !isEmptyBoard(surface, event.target)) return;
      const marquee = event.shiftKey && event.pointerType !== 'touch';
      const at = local(event);
      press = { pointerId: event.pointerId, ...at, marquee, base: useBoardUi.getState().selectedIds, moved: false, slop: CLICK_SLOP[event.pointerType] ?? 4 };
      if (!marquee) return;
      event.preventDefault();
      event.stopPropagation();
      board.setPointerCapture(event.pointerId);
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!press || event.pointerId !== press.pointerId) return;
      const at = local(event);
      if (!press.moved && Math.hypot(at.x - press.x, at.y - press.y) < press.slop) return;
      press.moved = true;
      if (!press.marquee) return;
      event.stopPropagation();
      setRect({ x: Math.min(press.x, at.x), y: Math.min(press.y, at.y), w: Math.abs(at.x - press.x), h: Math.abs(at.y - press.y) });
      select(press, at, press.base);
    };
    const onPointerUp = (event: PointerEvent) => {
      if (!press || event.pointerId !== press.pointerId) return;
      const { marquee, moved } = press;
      press = null;
      setRect(null);
      if (!moved && !marquee) useBoardUi.getState().select(null);
    };

    board.addEventListener('pointerdown', onPointerDown, { capture: true });
    board.addEventListener('pointermove', onPointerMove, { capture: true });
    board.addEventListener('pointerup', onPointerUp, { capture: true });
    board.addEventListener('pointercancel', onPointerUp, { capture: true });
    return () => {
      board.removeEventListener('pointerdown', onPointerDown, { capture: true });
      board.removeEventListener('pointermove', onPointerMove, { capture: true });
      board.removeEventListener('pointerup', onPointerUp, { capture: true });
      board.removeEventListener('pointercancel', onPointerUp, { capture: true });
    };
  }, [doc, boardId, surfaceRef, notesOn]);

  return rect;
}

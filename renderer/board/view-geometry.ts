import type { Rect } from '../../shared/model';
import { clampZoom, type Viewport } from '../state/board-ui';

/** The board's screen area that notes can be seen in: below the floating toolbar, in surface px. */
export interface VisibleArea {
  width: number;
  height: number;
  /** Height the toolbar covers at the top of the surface. */
  top: number;
}

/** The part of the board (world px) a person sees, the toolbar's strip left out. */
export function visibleWorldRect(view: Viewport, area: VisibleArea): Rect {
  const h = Math.max(0, area.height - area.top);
  return { x: (0 - view.x) / view.zoom, y: (area.top - view.y) / view.zoom, w: area.width / view.zoom, h: h / view.zoom };
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/**
 * The view that shows all of `bounds` centred in the visible area with a margin, never zoomed in
 * past 100 % (one note on a board should not fill the screen).
 */
export function fitViewport(bounds: Rect, area: VisibleArea, margin = 48): Viewport {
  const w = Math.max(1, area.width - 2 * margin);
  const h = Math.max(1, area.height - area.top - 2 * margin);
  const zoom = clampZoom(Math.min(1, w / Math.max(1, bounds.w), h / Math.max(1, bounds.h)));
  const cx = bounds.x + bounds.w / 2;
  const cy = bounds.y + bounds.h / 2;
  return { zoom, x: area.width / 2 - cx * zoom, y: area.top + (area.height - area.top) / 2 - cy * zoom };
}

/** The same view moved as little as needed so `rect` (world px) is on screen with a margin. */
export function revealRect(view: Viewport, rect: Rect, area: VisibleArea, margin = 24): Viewport {
  const seen = visibleWorldRect(view, area);
  const m = margin / view.zoom;
  let dx = 0;
  let dy = 0;
  if (rect.w + 2 * m > seen.w) dx = seen.x + seen.w / 2 - (rect.x + rect.w / 2);
  else if (rect.x - m < seen.x) dx = seen.x - (rect.x - m);
  else if (rect.x + rect.w + m > seen.x + seen.w) dx = seen.x + seen.w - (rect.x + rect.w + m);
  if (rect.h + 2 * m > seen.h) dy = seen.y + seen.h / 2 - (rect.y + rect.h / 2);
  else if (rect.y - m < seen.y) dy = seen.y - (rect.y - m);
  else if (rect.y + rect.h + m > seen.y + seen.h) dy = seen.y + seen.h - (rect.y + rect.h + m);
  if (dx === 0 && dy === 0) return view;
  return { ...view, x: view.x + dx * view.zoom, y: view.y + dy * view.zoom };
}

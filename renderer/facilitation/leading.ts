import type { Awareness } from 'y-protocols/awareness';
import { randomId } from '../../shared/model';
import { useBoardUi, viewportIn, type Viewport } from '../state/board-ui';

/** What one board view shows (screen px): the area under the toolbar, for turning views into world rects. */
export interface ShownArea {
  width: number;
  height: number;
  top: number;
}

export interface WorldRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function worldRectOf(view: Viewport, area: ShownArea): WorldRect {
  return { x: -view.x / view.zoom, y: (area.top - view.y) / view.zoom, w: area.width / view.zoom, h: Math.max(1, area.height - area.top) / view.zoom };
}

/** The viewport that shows `rect` whole and centred in `area` (a follower's screen may differ in size). */
export function viewportShowing(rect: WorldRect, area: ShownArea): Viewport {
  const visibleH = Math.max(1, area.height - area.top);
  const zoom = Math.min(4, Math.max(0.1, Math.min(area.width / rect.w, visibleH / rect.h)));
  return {
    zoom,
    x: area.width / 2 - (rect.x + rect.w / 2) * zoom,
    y: area.top + visibleH / 2 - (rect.y + rect.h / 2) * zoom,
  };
}

/**
 * The facilitator's side of "Bring everyone here": while leading, their board and the world rect
 * they see go out in presence (`lead`), updated as they pan, at most every 100 ms.
 */
export function startLeading(awareness: Awareness): () => void {
  const id = randomId(64);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = '';
  const publish = () => {
    timer = null;
    const ui = useBoardUi.getState();
    const boardId = ui.currentBoardId;
    const area = ui.shownArea;
    if (!boardId || !area || area.width === 0) return;
    const rect = worldRectOf(viewportIn(ui, boardId), area);
    const lead = { id, boardId, ...rect };
    const key = JSON.stringify(lead);
    if (key === last) return;
    last = key;
    awareness.setLocalStateField('lead', lead);
  };
  publish();
  // Only what the lead is made of: a drag or a selection changes the store many times a second.
  const stop = useBoardUi.subscribe((now, before) => {
    const moved = now.currentBoardId !== before.currentBoardId || now.viewports !== before.viewports || now.shownArea !== before.shownArea;
    if (moved && timer === null) timer = setTimeout(publish, 100);
  });
  return () => {
    stop();
    if (timer !== null) clearTimeout(timer);
    awareness.setLocalStateField('lead', null);
  };
}

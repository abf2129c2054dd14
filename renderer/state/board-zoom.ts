import { DEFAULT_VIEWPORT, useBoardUi } from './board-ui';

/**
 * One board's zoom, for the parts of a note drawn at a steady screen size (badges, handles, the
 * full-text popover): only they re-render as the zoom changes, not every note on the board — a
 * pinch changes the zoom every frame.
 */
export function useBoardZoom(boardId: string): number {
  return useBoardUi((s) => (s.viewports[boardId] ?? DEFAULT_VIEWPORT).zoom);
}

/** The board's zoom at this moment, for an event handler (a drag divides by it) that must not subscribe. */
export function boardZoomNow(boardId: string): number {
  return (useBoardUi.getState().viewports[boardId] ?? DEFAULT_VIEWPORT).zoom;
}

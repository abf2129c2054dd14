import { useBoardUi, viewportIn } from './board-ui';

/**
 * One board's zoom, for the parts of a note drawn at a steady screen size (badges, handles, the
 * full-text popover): only they re-render as the zoom changes, not every note on the board — a
 * pinch changes the zoom every frame.
 */
export function useBoardZoom(boardId: string): number {
  return useBoardUi((s) => viewportIn(s, boardId).zoom);
}

import { useCallback } from 'react';
import { DEFAULT_VIEWPORT, useBoardUi, type Viewport } from '../state/board-ui';

export function useViewport(boardId: string): [Viewport, (next: Viewport) => void] {
  const viewport = useBoardUi((s) => s.viewports[boardId] ?? DEFAULT_VIEWPORT);
  const setViewport = useBoardUi((s) => s.setViewport);
  const set = useCallback((next: Viewport) => setViewport(boardId, next), [boardId, setViewport]);
  return [viewport, set];
}

import { useCallback } from 'react';
import { useBoardUi, viewportIn, type Viewport } from '../state/board-ui';

export function useViewport(boardId: string): [Viewport, (next: Viewport) => void] {
  const viewport = useBoardUi((s) => viewportIn(s, boardId));
  const setViewport = useBoardUi((s) => s.setViewport);
  const set = useCallback((next: Viewport) => setViewport(boardId, next), [boardId, setViewport]);
  return [viewport, set];
}

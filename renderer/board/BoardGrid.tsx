import { memo } from 'react';
import type { Viewport } from '../state/board-ui';

/** World units between two dots of the board's grid. */
const GRID = 24;

/**
 * The dotted grid under the notes, on a layer of its own one cell larger than the surface on each
 * side: panning only moves it by less than a cell (a transform the compositor applies), where a
 * moving background-position would repaint the whole surface on every frame of a pan.
 */
export const BoardGrid = memo(function BoardGrid({ x, y, zoom }: Pick<Viewport, 'x' | 'y' | 'zoom'>) {
  const cell = GRID * zoom;
  const shift = (v: number) => ((v % cell) + cell) % cell;
  return (
    <div
      className="board-grid"
      aria-hidden="true"
      style={{
        left: -cell,
        top: -cell,
        width: `calc(100% + ${2 * cell}px)`,
        height: `calc(100% + ${2 * cell}px)`,
        backgroundSize: `${cell}px ${cell}px`,
        transform: `translate(${shift(x)}px, ${shift(y)}px)`,
      }}
    />
  );
});

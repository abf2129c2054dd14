export interface Point {
  x: number;
  y: number;
}

export interface Size {
  w: number;
  h: number;
}

export const DEFAULT_NOTE_SIZE: Size = Object.freeze({ w: 200, h: 200 });

/** Board coordinates stay within this range so a corrupt or hostile value cannot blow up layout. */
export const BOARD_EXTENT = 1_000_000;

export function clampCoordinate(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(-BOARD_EXTENT, Math.min(BOARD_EXTENT, Math.round(value)));
}

export function isPoint(value: unknown): value is Point {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as Point).x) &&
    Number.isFinite((value as Point).y)
  );
}

export function isSize(value: unknown): value is Size {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as Size).w) &&
    Number.isFinite((value as Size).h) &&
    (value as Size).w > 0 &&
    (value as Size).h > 0
  );
}

import type { ScreenRect } from './use-marquee';

/** The selection rectangle while Shift+dragging on empty board (decoration: the selection itself is announced by the bar). */
export function Marquee({ rect }: { rect: ScreenRect | null }) {
  if (!rect) return null;
  return <div className="marquee" aria-hidden="true" style={{ left: rect.x, top: rect.y, width: rect.w, height: rect.h }} />;
}

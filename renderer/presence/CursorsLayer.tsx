import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Viewport } from '../state/board-ui';
import { textColourOn } from './presence-state';
import { usePresence } from './presence-context';

/**
 * Other people's pointers on this board, drawn over the notes in screen space so that a moving
 * cursor re-renders only this layer. Decorative for assistive technology: the people list says
 * who is here, and note badges say who is editing what.
 */
/** Room for a cursor's arrow and name label beyond the edge it points from. */
const CURSOR_MARGIN = 240;

/** Only cursors that can show: a room of 30 people panning a large board draws the few in view. */
export function onScreen(cursor: { x: number; y: number }, viewport: Viewport, area: { width: number; height: number }): boolean {
  const x = cursor.x * viewport.zoom + viewport.x;
  const y = cursor.y * viewport.zoom + viewport.y;
  return x > -CURSOR_MARGIN && y > -CURSOR_MARGIN && x < area.width + CURSOR_MARGIN && y < area.height + CURSOR_MARGIN;
}

export const CursorsLayer = memo(function CursorsLayer({
  boardId,
  viewport,
  area,
  hidden,
}: {
  boardId: string;
  viewport: Viewport;
  area: { width: number; height: number };
  hidden: boolean;
}) {
  const { t } = useTranslation();
  const cursors = usePresence((s) => s.cursors);
  const here = cursors.filter((c) => c.boardId === boardId && onScreen(c, viewport, area));
  if (here.length === 0 || hidden) return null;
  return (
    <div className="presence-cursors" aria-hidden="true">
      {here.map((c) => {
        const x = c.x * viewport.zoom + viewport.x;
        const y = c.y * viewport.zoom + viewport.y;
        return (
          <div
            key={c.clientId}
            className="presence-cursor"
            data-idle={c.idle ? 'true' : 'false'}
            style={{ transform: `translate(${x}px, ${y}px)`, color: c.colour }}
          >
            <svg width="18" height="22" viewBox="0 0 18 22" className="presence-arrow">
              <path d="M1.5 1.5 L1.5 18 L6 13.8 L9 20.5 L12 19.2 L9.1 12.6 L15.5 12.6 Z" fill="currentColor" stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            <span className="presence-cursor-label" style={{ background: c.colour, color: textColourOn(c.colour) }}>
              {c.name || t('presence.guest')}
            </span>
          </div>
        );
      })}
    </div>
  );
});

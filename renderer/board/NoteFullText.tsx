import { useEffect, useRef, type CSSProperties } from 'react';
import { choosePopoverSide } from './popover-side';
import { useBoardZoom } from '../state/board-zoom';

/** Space kept between the full text and the board's edge (as popover-side.ts keeps from the note). */
const GAP = 8;

/**
 * A note's whole text, shown beside it on hover or keyboard focus when the note itself shows only
 * the start with an ellipsis (the stylesheet decides when it is visible). Screen readers already
 * get the whole text as the note's name, so this copy is for the eyes only. It opens below the
 * note, or to the side or above where the board has more room, so it is not cut off at an edge.
 */
export function NoteFullText({ text, boardId }: { text: string; boardId: string }) {
  const zoom = useBoardZoom(boardId);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    const note = el?.parentElement;
    if (!el || !note) return;
    const place = () => {
      const board = note.closest('.board-surface')?.getBoundingClientRect();
      if (!board) return;
      // Measure it as it would show (it is display: none until hover or focus).
      el.style.visibility = 'hidden';
      el.style.display = 'block';
      const popover = el.getBoundingClientRect();
      el.style.removeProperty('display');
      el.style.removeProperty('visibility');
      const rect = note.getBoundingClientRect();
      const side = choosePopoverSide(rect, { w: popover.width, h: popover.height }, board);
      el.dataset.side = side;
      // Beside a note near the board's bottom edge, slide up so the text is not cut off there
      // (never above the board's top). Screen pixels → the note's own, which the zoom scales.
      const shift = side === 'right' || side === 'left' ? Math.max(0, Math.min(rect.bottom - rect.height + popover.height - (board.bottom - GAP), rect.top - board.top - GAP)) : 0;
      const scale = note.offsetWidth > 0 ? rect.width / note.offsetWidth : 1;
      if (shift > 0) el.style.top = `${-shift / scale}px`;
      else el.style.removeProperty('top');
    };
    note.addEventListener('pointerenter', place);
    note.addEventListener('focus', place);
    return () => {
      note.removeEventListener('pointerenter', place);
      note.removeEventListener('focus', place);
    };
  }, []);

  // Readable whatever the zoom, like the presence badges.
  const style: CSSProperties = { transform: `scale(${Math.min(2.5, Math.max(1, 1 / zoom))})` };
  return (
    <div ref={ref} className="note-fulltext" aria-hidden="true" data-side="below" style={style}>
      {text}
    </div>
  );
}

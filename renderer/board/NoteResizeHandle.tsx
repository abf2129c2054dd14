import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clampSize, type Size } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';
import { useBoardZoom } from '../state/board-zoom';

interface Props {
  noteId: string;
  boardId: string;
  size: Size;
  /** The size to draw while dragging (null: the note's own size again). */
  onPreview: (size: Size | null) => void;
}

const KEY_STEP = 10;

/**
 * The selected note's bottom-right corner handle, as on Miro and tldraw: drag to resize (Shift
 * keeps the proportions), or focus it and use the arrow keys (Shift: bigger steps). The note's text
 * re-fits as it changes. One undo step and one write per resize, on release.
 */
export function NoteResizeHandle({ noteId, boardId, size, onPreview }: Props) {
  const { t } = useTranslation();
  const zoom = useBoardZoom(boardId);
  const { actions } = useWorkshop();
  const drag = useRef<{ pointerId: number; x: number; y: number; last: Size } | null>(null);

  const sizeAt = (event: PointerEvent<HTMLElement>): Size => {
    const d = drag.current!;
    const w = size.w + (event.clientX - d.x) / zoom;
    const h = size.h + (event.clientY - d.y) / zoom;
    if (!event.shiftKey) return clampSize({ w, h });
    const scale = Math.max(w / size.w, h / size.h);
    return clampSize({ w: size.w * scale, h: size.h * scale });
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    // The note under the handle must not start a move.
    event.stopPropagation();
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, last: size };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    d.last = sizeAt(event);
    onPreview(d.last);
  };
  const end = (event: PointerEvent<HTMLElement>, commit: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (commit && (d.last.w !== size.w || d.last.h !== size.h)) actions.resizeNote(noteId, d.last);
    onPreview(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const dw = event.key === 'ArrowRight' ? step : event.key === 'ArrowLeft' ? -step : 0;
    const dh = event.key === 'ArrowDown' ? step : event.key === 'ArrowUp' ? -step : 0;
    if (!dw && !dh) return;
    event.preventDefault();
    event.stopPropagation();
    actions.resizeNote(noteId, clampSize({ w: size.w + dw, h: size.h + dh }));
  };

  return (
    <button
      type="button"
      className="note-resize"
      aria-label={t('noteText.resize')}
      title={t('noteText.resizeHint')}
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"
      style={{ transform: `scale(${Math.min(2.5, 1 / zoom)})` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => end(e, true)}
      onPointerCancel={(e) => end(e, false)}
      onKeyDown={onKeyDown}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M11 4 4 11M11 8 8 11" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}

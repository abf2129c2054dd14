import type { DenyReason } from '../../shared/model/policy';
import { useEffect, useRef, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import { getNote } from '../../shared/model';
import { useBoardUi, viewportIn } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';

/** Screen pixels a press may wander before it counts as a drag rather than a click (a finger wanders more). */
const DRAG_THRESHOLD = { mouse: 3, pen: 6, touch: 10 } as Record<string, number>;
/** How long a finger rests on a note before its menu opens (Android and iOS use about this). */
const LONG_PRESS_MS = 500;

interface Drag {
  pointerId: number;
  startX: number;
  startY: number;
  moved: boolean;
  /** Shift-click on an already selected note takes it out of the selection — if it was not dragged. */
  deselectOnClick: boolean;
  /** A plain click inside a multi-selection selects that note alone — if it was not dragged. */
  narrowOnClick: boolean;
  threshold: number;
}

/**
 * Pointer handling for one note, as people know it from Miro and Figma: click selects it,
 * Shift+click adds it to the selection or takes it out, dragging moves every selected note
 * together (each note draws the shared offset until it is dropped, then one undo step moves them
 * all), a tap selects on touch, and a long press or a right-click opens the note's menu.
 */
export function useNotePointer(
  noteId: string,
  boardId: string,
  editing: boolean,
  canMove: boolean,
  articleRef: RefObject<HTMLElement | null>,
  onRefused?: (reason: DenyReason) => void,
) {
  const workshop = useWorkshop();
  const { doc, actions } = workshop;
  const drag = useRef<Drag | null>(null);
  const longPress = useRef<ReturnType<typeof setTimeout> | null>(null);
  /**
   * A long press opened the menu: the click (and double click) the finger's lift sends must not
   * act. Kept until shortly after that finger lifts — however long it rested — and dropped by
   * the next press.
   */
  const longPressed = useRef<{ liftedAt: number | null } | null>(null);
  const offset = useBoardUi((s) => (s.dragOffset && s.selectedIds.includes(noteId) ? s.dragOffset : null));
  const ui = useBoardUi.getState;

  const cancelLongPress = () => {
    if (longPress.current) clearTimeout(longPress.current);
    longPress.current = null;
  };
  useEffect(() => cancelLongPress, []);

  /**
   * The click the finger's lift sends after a long press lands on whatever is under it by then —
   * often the menu item that just opened there. Swallowed page-wide, once, until the next press.
   */
  const swallowLiftClick = () => {
    const swallow = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
    };
    const stop = () => {
      window.removeEventListener('click', swallow, true);
      window.removeEventListener('dblclick', swallow, true);
      window.removeEventListener('pointerdown', stop, true);
    };
    window.addEventListener('click', swallow, true);
    window.addEventListener('dblclick', swallow, true);
    window.addEventListener('pointerdown', stop, true);
    window.addEventListener('pointerup', () => setTimeout(stop, 800), { capture: true, once: true });
  };

  const openMenu = (x: number, y: number) => {
    if (!ui().selectedIds.includes(noteId)) ui().select(noteId);
    useBoardUi.setState({ noteMenu: { noteId, x, y } });
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || editing) return;
    longPressed.current = null;
    event.preventDefault();
    const wasSelected = ui().selectedIds.includes(noteId);
    if (event.shiftKey && !wasSelected) ui().toggleSelected(noteId);
    else if (!event.shiftKey && !wasSelected) ui().select(noteId);
    if (ui().selectedIds.includes(noteId)) articleRef.current?.focus({ preventScroll: true });
    drag.current = {
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      moved: false,
      deselectOnClick: event.shiftKey && wasSelected,
      narrowOnClick: !event.shiftKey && wasSelected && ui().selectedIds.length > 1,
      threshold: DRAG_THRESHOLD[event.pointerType] ?? 3,
    };
    if (canMove) event.currentTarget.setPointerCapture(event.pointerId);
    if (event.pointerType === 'touch') {
      const { clientX, clientY } = event;
      longPress.current = setTimeout(() => {
        longPress.current = null;
        if (!drag.current || drag.current.moved) return;
        drag.current = null;
        ui().setDragOffset(null);
        longPressed.current = { liftedAt: null };
        swallowLiftClick();
        openMenu(clientX, clientY);
      }, LONG_PRESS_MS);
    }
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId || !canMove) return;
    const sx = event.clientX - d.startX;
    const sy = event.clientY - d.startY;
    if (!d.moved && Math.hypot(sx, sy) < d.threshold) return;
    d.moved = true;
    cancelLongPress();
    // The zoom at this move, read rather than subscribed to: a pinch must not re-render every note.
    const { zoom } = viewportIn(ui(), boardId);
    ui().setDragOffset({ dx: sx / zoom, dy: sy / zoom });
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    cancelLongPress();
    if (longPressed.current && longPressed.current.liftedAt === null) longPressed.current.liftedAt = Date.now();
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    const moved = ui().dragOffset;
    if (d.moved && moved) {
      const moves = ui().selectedIds.flatMap((id) => {
        const note = getNote(doc, id);
        return note ? [{ noteId: id, pos: { x: note.pos.x + moved.dx, y: note.pos.y + moved.dy } }] : [];
      });
      const done = new Set(actions.moveNotes(moves));
      const stuck = moves.find((m) => !done.has(m.noteId));
      if (stuck) {
        // Allowed to move, yet not moved: the place it was dropped is a zone locked to this person.
        const decision = workshop.can('moveNote', { noteId: stuck.noteId });
        onRefused?.(decision.allowed ? 'zoneLocked' : decision.reason);
      }
    } else if (d.deselectOnClick) {
      ui().toggleSelected(noteId);
    } else if (d.narrowOnClick) {
      ui().select(noteId);
    }
    ui().setDragOffset(null);
  };
  const onPointerCancel = () => {
    cancelLongPress();
    drag.current = null;
    ui().setDragOffset(null);
  };
  const onContextMenu = (event: MouseEvent<HTMLElement>) => {
    if (editing) return;
    event.preventDefault();
    // A long press already opened it (touch browsers also send contextmenu).
    if (ui().noteMenu?.noteId === noteId) return;
    cancelLongPress();
    drag.current = null;
    openMenu(event.clientX, event.clientY);
  };

  const swallowAfterLongPress = (event: MouseEvent<HTMLElement>) => {
    const lp = longPressed.current;
    if (!lp || (lp.liftedAt !== null && Date.now() - lp.liftedAt > 800)) return;
    event.preventDefault();
    event.stopPropagation();
  };

  return {
    offset,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel,
      onContextMenu,
      onClickCapture: swallowAfterLongPress,
      // Shift+click must not extend the page's text selection across the board.
      onMouseDown: (event: MouseEvent<HTMLElement>) => event.shiftKey && event.preventDefault(),
      onDoubleClickCapture: swallowAfterLongPress,
    },
  };
}

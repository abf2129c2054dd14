import { flushSync } from 'react-dom';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  copiesExtent,
  copyNotes,
  getNote,
  NOTE_GAP,
  readingOrder,
  type NoteCopy,
  type Point,
} from '../../shared/model';
import { screenToWorld, useBoardUi, viewportIn } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import type { ToastAction } from './use-board-toast';

/** How far a second paste at the same spot lands from the first, so copies never hide each other. */
const PASTE_NUDGE = 24;
/** Screen pixels kept between a pasted group and the edge of the view. */
const PASTE_MARGIN = 24;

export interface SelectionCommands {
  selectAll(): void;
  deleteSelection(): void;
  duplicateSelection(): void;
  /** The selection as clipboard copies (empty when nothing is selected). */
  copiesOfSelection(): NoteCopy[];
  /** New notes from copies, centred at `at` (screen px in the surface) or the view's centre. */
  paste(copies: readonly NoteCopy[], at?: Point): void;
  moveSelection(dx: number, dy: number): void;
  /** Focus (and select) a note without scrolling anything. */
  focusNote(noteId: string): void;
  /** The note before or after this one in reading order (row by row), if any. */
  neighbour(noteId: string, direction: 1 | -1): string | null;
}

/**
 * What the keyboard, the selection bar and the note menu do with the selection. Every change
 * goes through the Workshop's actions (policy, one transaction, one undo step); focus never falls
 * to the page: after a delete it goes to the next note in reading order, or the board itself.
 */
export function useSelectionCommands(
  boardId: string,
  surfaceRef: RefObject<HTMLElement | null>,
  show: (message: string, action?: ToastAction) => void,
): SelectionCommands {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  return useMemo(() => {
    const { doc, actions } = workshop;
    const ui = () => useBoardUi.getState();
    const ordered = () => readingOrder(workshop.notesOn(boardId).map((n) => ({ id: n.id, ...n.rect })));
    const liveSelection = () => ui().selectedIds.filter((id) => {
      const note = getNote(doc, id);
      return note !== null && note.boardId === boardId && note.deletedAt === null;
    });
    /** Nothing was changed: say why, as the policy words it (the board is locked…). */
    const refused = (action: 'deleteNote' | 'moveNote', noteId: string) => {
      const decision = workshop.can(action, { noteId });
      if (!decision.allowed) show(t(`policy.${decision.reason}`));
    };
    const noteElement = (id: string) => surfaceRef.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(id)}"]`) ?? null;

    const focusNote = (noteId: string) => {
      // A note far from the view is not mounted (culling): selecting it mounts it, at once.
      if (!ui().selectedIds.includes(noteId)) flushSync(() => ui().select(noteId));
      noteElement(noteId)?.focus({ preventScroll: true });
    };
    /** Nothing left to focus on the board: the board itself if it takes focus, else the Add button. */
    const focusBoard = () => {
      const surface = surfaceRef.current;
      if (surface && surface.tabIndex >= 0) surface.focus({ preventScroll: true });
      else surface?.closest('.board')?.querySelector<HTMLElement>('.board-tools .button.primary:not(:disabled)')?.focus();
    };
    const viewCentre = (): Point => {
      const rect = surfaceRef.current?.getBoundingClientRect();
      return { x: (rect?.width ?? 800) / 2, y: (rect?.height ?? 600) / 2 };
    };
    const selectAndFocus = (ids: string[]) => {
      if (ids.length === 0) return;
      ui().setSelection(ids);
      // The new notes render on the next frame; focus the primary one then.
      requestAnimationFrame(() => noteElement(ids.at(-1)!)?.focus({ preventScroll: true }));
    };

    const pasteAt = (copies: readonly NoteCopy[], topLeft: Point): string[] => {
      // Pasting twice at one spot would stack the copies exactly: nudge until the spot is free.
      const taken = new Set(workshop.notesOn(boardId).map((n) => `${n.rect.x},${n.rect.y}`));
      const first = copies[0]?.offset ?? { x: 0, y: 0 };
      let at = { x: Math.round(topLeft.x), y: Math.round(topLeft.y) };
      for (let i = 0; i < 50 && taken.has(`${at.x + first.x},${at.y + first.y}`); i++) at = { x: at.x + PASTE_NUDGE, y: at.y + PASTE_NUDGE };
      return actions.pasteNotes(boardId, copies, at);
    };

    return {
      selectAll() {
        ui().setSelection(ordered().map((n) => n.id));
      },
      deleteSelection() {
        const ids = liveSelection();
        if (ids.length === 0) return;
        const order = ordered();
        const firstIndex = Math.min(...ids.map((id) => order.findIndex((n) => n.id === id)).filter((i) => i >= 0));
        const deleted = actions.deleteNotes(ids);
        if (deleted.length === 0) {
          refused('deleteNote', ids[0]!);
          return;
        }
        const gone = new Set(deleted);
        const rest = order.filter((n) => !gone.has(n.id));
        const next = order.slice(firstIndex).find((n) => !gone.has(n.id)) ?? rest.at(-1);
        ui().select(null);
        if (next) focusNote(next.id);
        else focusBoard();
        show(t('select.deleted', { count: deleted.length }), {
          label: t('select.undo'),
          name: t('select.undoDelete'),
          run: () => {
            const restored = actions.restoreNotes(deleted);
            selectAndFocus(restored);
            if (restored.length) show(t('select.restored', { count: restored.length }));
          },
        });
      },
      duplicateSelection() {
        const notes = liveSelection().map((id) => getNote(doc, id)!);
        if (notes.length === 0) return;
        const copies = copyNotes(notes);
        const left = Math.min(...notes.map((n) => n.pos.x));
        const top = Math.min(...notes.map((n) => n.pos.y));
        // Beside the originals, as Miro does: the copy is readable at once and covers nothing it copied.
        selectAndFocus(pasteAt(copies, { x: left + copiesExtent(copies).w + NOTE_GAP, y: top }));
      },
      copiesOfSelection() {
        return copyNotes(liveSelection().map((id) => getNote(doc, id)!));
      },
      paste(copies, at) {
        if (copies.length === 0) return;
        const view = viewportIn(ui(), boardId);
        const centre = screenToWorld(view, at ?? viewCentre());
        const extent = copiesExtent(copies);
        // Centred on the pointer, then pulled inside the view where it fits: a paste never lands off-screen.
        const rect = surfaceRef.current?.getBoundingClientRect();
        const min = screenToWorld(view, { x: PASTE_MARGIN, y: PASTE_MARGIN });
        const max = screenToWorld(view, { x: (rect?.width ?? 800) - PASTE_MARGIN, y: (rect?.height ?? 600) - PASTE_MARGIN });
        const fit = (start: number, size: number, lo: number, hi: number) => (size > hi - lo ? start : Math.min(Math.max(start, lo), hi - size));
        const ids = pasteAt(copies, { x: fit(centre.x - extent.w / 2, extent.w, min.x, max.x), y: fit(centre.y - extent.h / 2, extent.h, min.y, max.y) });
        selectAndFocus(ids);
        if (ids.length) show(t('select.pasted', { count: ids.length }));
      },
      moveSelection(dx, dy) {
        const moves = liveSelection().map((id) => {
          const pos = getNote(doc, id)!.pos;
          return { noteId: id, pos: { x: pos.x + dx, y: pos.y + dy } };
        });
        if (moves.length > 0 && actions.moveNotes(moves).length === 0) refused('moveNote', moves[0]!.noteId);
      },
      focusNote,
      neighbour(noteId, direction) {
        const order = ordered();
        const i = order.findIndex((n) => n.id === noteId);
        return i < 0 ? null : (order[i + direction]?.id ?? null);
      },
    };
  }, [workshop, boardId, surfaceRef, show, t]);
}

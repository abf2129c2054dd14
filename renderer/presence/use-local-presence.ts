import { useEffect, type RefObject } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { screenToWorld, useBoardUi, viewportIn } from '../state/board-ui';
import { ensureLocalUser, setLocalField, setLocalFields } from './local-presence';
import type { PresenceCursor } from './presence-state';
import { throttle } from './throttle';

/** ~20 updates a second: smooth enough to follow, light enough for 60 people on one relay. */
export const CURSOR_INTERVAL_MS = 50;

/**
 * Publishes this person's presence on one board: the pointer (in world coordinates, throttled,
 * cleared when it leaves the board or the window loses focus) and which note is selected or being
 * edited. Everything is cleared again when the board view goes away.
 */
export function useLocalPresence(awareness: Awareness, boardId: string, surfaceRef: RefObject<HTMLElement | null>, readOnly: boolean): void {
  useEffect(() => {
    ensureLocalUser(awareness);
  }, [awareness]);

  // Selection and editing live in the board UI store; mirror them into awareness.
  useEffect(() => {
    const apply = (s: { selectedNoteId: string | null; editingNoteId: string | null; caret: { noteId: string; at: number[] } | null }) =>
      setLocalFields(awareness, {
        editing: readOnly ? null : s.editingNoteId,
        caret: !readOnly && s.caret && s.caret.noteId === s.editingNoteId ? s.caret : null,
        selected: s.selectedNoteId,
      });
    apply(useBoardUi.getState());
    const unsubscribe = useBoardUi.subscribe(apply);
    return () => {
      unsubscribe();
      setLocalFields(awareness, { editing: null, caret: null, selected: null });
    };
  }, [awareness, readOnly]);

  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const cursor = throttle<PresenceCursor>((value) => setLocalField(awareness, 'cursor', value), CURSOR_INTERVAL_MS);
    let pointer: { clientX: number; clientY: number } | null = null;

    const publish = () => {
      if (!pointer) return;
      const rect = surface.getBoundingClientRect();
      const view = viewportIn(useBoardUi.getState(), boardId);
      const world = screenToWorld(view, { x: pointer.clientX - rect.left, y: pointer.clientY - rect.top });
      cursor.push({ boardId, x: Math.round(world.x), y: Math.round(world.y) });
    };
    const clear = () => {
      pointer = null;
      cursor.cancel();
      setLocalField(awareness, 'cursor', null);
    };
    const onPointerMove = (event: PointerEvent) => {
      if (event.pointerType === 'touch') return; // A finger has no hover position worth showing.
      // The browser repeats a move at the same spot whenever the content under a still pointer
      // changes (every edit someone else makes); that is not a move, and measuring the surface
      // for it would force a layout each time. Pans and zooms are followed below.
      if (pointer && pointer.clientX === event.clientX && pointer.clientY === event.clientY) return;
      pointer = { clientX: event.clientX, clientY: event.clientY };
      publish();
    };
    // Zooming with the wheel or keys moves the world under a still pointer.
    const unsubscribeView = useBoardUi.subscribe((s, prev) => {
      if (s.viewports[boardId] !== prev.viewports[boardId]) publish();
    });

    surface.addEventListener('pointermove', onPointerMove);
    surface.addEventListener('pointerleave', clear);
    window.addEventListener('blur', clear);
    return () => {
      surface.removeEventListener('pointermove', onPointerMove);
      surface.removeEventListener('pointerleave', clear);
      window.removeEventListener('blur', clear);
      unsubscribeView();
      clear();
    };
  }, [awareness, boardId, surfaceRef]);
}

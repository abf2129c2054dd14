import type * as Y from 'yjs';
import { getNote, isLocalOrigin, moveNote, unstackSpot } from '../../shared/model';

/** How long after placing a note this device still moves it off a note that arrived on top. */
const WATCH_MS = 60_000;

/**
 * Watches the notes this device has just placed. When a peer's note arrives on the same spot (two
 * people pressed "Add" together), the later of the two moves beside the other — decided the same
 * way on every peer, so exactly one of them moves. A note its author has moved, resized away or
 * deleted since is left alone. The doc listener exists only while something is being watched.
 */
export function createUnstacker(doc: Y.Doc, now: () => number = Date.now): { placed(noteId: string): void } {
  const watched = new Map<string, { x: number; y: number; until: number }>();
  let scheduled = false;

  const check = (): void => {
    scheduled = false;
    const t = now();
    for (const [id, w] of watched) {
      const note = getNote(doc, id);
      if (t > w.until || !note || note.deletedAt !== null || note.pos.x !== w.x || note.pos.y !== w.y) {
        watched.delete(id);
        continue;
      }
      const spot = unstackSpot(doc, id);
      if (!spot) continue;
      // Not the undo manager's origin: Ctrl+Z must not put the note back on the other one.
      doc.transact(() => moveNote(doc, id, spot, t), null);
      const moved = getNote(doc, id);
      if (moved) watched.set(id, { x: moved.pos.x, y: moved.pos.y, until: w.until });
    }
    if (watched.size === 0) doc.off('update', onUpdate);
  };

  function onUpdate(_update: Uint8Array, origin: unknown): void {
    if (isLocalOrigin(origin) || scheduled) return;
    scheduled = true;
    // After the peer's transaction has finished, not inside its observers.
    queueMicrotask(check);
  }

  return {
    placed(noteId) {
      const note = getNote(doc, noteId);
      if (!note) return;
      if (watched.size === 0) doc.on('update', onUpdate);
      watched.set(noteId, { x: note.pos.x, y: note.pos.y, until: now() + WATCH_MS });
    },
  };
}

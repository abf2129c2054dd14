import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { getNote, notesMap, type Note } from '../../shared/model';
import { afterNextPaint } from '../ui/next-task';

/**
 * One note's current state; re-renders only when that note changes. An external store rather than
 * useState: React flushes store changes in a microtask, while a setState from a network callback
 * waits for the scheduler's next task — a peer's edit shows up that much sooner.
 *
 * The store's snapshot is a change counter, not the note: Yjs calls observers inside the
 * transaction, before the update goes out to peers, so the observer must stay trivial. The note is
 * read once, during the render that follows.
 *
 * A change to the words alone re-renders after the next frame: the words themselves are already
 * on screen (the editor holds what its author typed; use-text-paint writes a peer's words into
 * the note at once), so the typist's keystroke leaves for the peers, and a peer's words get
 * painted, without waiting for the rest of the note (its label, fit, carets) to render.
 */
export function useNote(doc: Y.Doc, noteId: string): Note | null {
  const store = useMemo(() => {
    let version = 0;
    return {
      get: () => version,
      subscribe: (changed: () => void) => {
        const notes = notesMap(doc);
        let record = notes.get(noteId);
        let active = true;
        let later = false;
        const renderLater = () => {
          later = false;
          if (active) changed();
        };
        const update = (events?: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          version++;
          if (events && events.length > 0 && events.every((e) => e.target instanceof Y.Text)) {
            if (!later) afterNextPaint(renderLater);
            later = true;
          } else changed();
        };
        // The record may arrive later (a peer's note), or be replaced by a remote overwrite.
        const onMap = () => {
          const next = notes.get(noteId);
          if (next === record) return;
          record?.unobserveDeep(update);
          record = next;
          record?.observeDeep(update);
          update();
        };
        record?.observeDeep(update);
        notes.observe(onMap);
        update();
        return () => {
          active = false;
          record?.unobserveDeep(update);
          notes.unobserve(onMap);
        };
      },
    };
  }, [doc, noteId]);
  const version = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(() => getNote(doc, noteId), [doc, noteId, version]);
}

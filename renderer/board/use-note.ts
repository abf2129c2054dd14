import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getNote, notesMap, type Note } from '../../shared/model';

/**
 * One note's current state; re-renders only when that note changes. An external store rather than
 * useState: React flushes store changes in a microtask, while a setState from a network callback
 * waits for the scheduler's next task — a peer's edit shows up that much sooner.
 *
 * The store's snapshot is a change counter, not the note: Yjs calls observers inside the
 * transaction, before the update goes out to peers, so the observer must stay trivial. The note is
 * read once, during the render that follows.
 */
export function useNote(doc: Y.Doc, noteId: string): Note | null {
  const store = useMemo(() => {
    let version = 0;
    return {
      get: () => version,
      subscribe: (changed: () => void) => {
        const notes = notesMap(doc);
        let record = notes.get(noteId);
        const update = () => {
          version++;
          changed();
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
          record?.unobserveDeep(update);
          notes.unobserve(onMap);
        };
      },
    };
  }, [doc, noteId]);
  const version = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(() => getNote(doc, noteId), [doc, noteId, version]);
}

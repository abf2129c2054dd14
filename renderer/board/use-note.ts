import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getNote, notesMap, type Note } from '../../shared/model';

/** One note's current state; re-renders only when that note changes. */
export function useNote(doc: Y.Doc, noteId: string): Note | null {
  const [note, setNote] = useState(() => getNote(doc, noteId));
  useEffect(() => {
    const record = notesMap(doc).get(noteId);
    if (!record) return;
    const update = () => setNote(getNote(doc, noteId));
    record.observeDeep(update);
    update();
    return () => record.unobserveDeep(update);
  }, [doc, noteId]);
  return note;
}

import * as Y from 'yjs';
import { createSessionContent } from '../../../shared/model';

/** Full two-way sync of any number of docs, as if everyone reconnected. */
export function syncAll(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** A session created on one device and joined by `count - 1` others (all synced). */
export function session(count = 2): { docs: Y.Doc[]; boardId: string } {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const { boardId } = createSessionContent(docs[0]!, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac-a', facilitatorName: 'Anna' });
  syncAll(...docs);
  return { docs, boardId };
}

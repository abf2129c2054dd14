import * as Y from 'yjs';
import { listBoards, listNotes } from '../../shared/model';
import { appDatabase, type TransitionLabDb } from '../storage/database';
import { acquireSession } from './open-sessions';
import type { MergedNote } from '../outcomes/use-import';

/** Where an imported archive's changes come from: not this person's edits, so never in their undo. */
export const IMPORT_ORIGIN = Object.freeze({ kind: 'archive-import' as const });

function noteFingerprints(doc: Y.Doc): Map<string, { print: string; text: string; board: string }> {
  const out = new Map<string, { print: string; text: string; board: string }>();
  for (const board of listBoards(doc)) {
    for (const n of listNotes(doc, board.id)) {
      if (n.private) continue;
      out.set(n.id, { print: JSON.stringify([n.text, n.pos, n.colour, n.zoneId, n.clusterId, n.level, n.actor]), text: n.text, board: board.title });
    }
  }
  return out;
}



const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Merges an archive into a session this device has, through the session's own open doc (the same
 * one a view of it uses, if one is open), so the change is saved like any other and shows at once.
 * Yjs merges: nothing on either side is lost. Returns the notes the archive added or changed, or
 * null when it brought nothing new.
 */
export async function mergeArchiveInto(sessionId: string, state: Uint8Array, db: TransitionLabDb = appDatabase()): Promise<MergedNote[] | null> {
  const { session, release } = acquireSession(sessionId, db);
  try {
    await session.persistence.whenLoaded;
    const before = noteFingerprints(session.doc);
    const vector = Y.encodeStateVector(session.doc);
    Y.applyUpdate(session.doc, state, IMPORT_ORIGIN);
    if (sameBytes(vector, Y.encodeStateVector(session.doc))) return null;
    await session.persistence.flush();
    const after = noteFingerprints(session.doc);
    return [...after]
      .filter(([id, note]) => before.get(id)?.print !== note.print)
      .map(([id, note]) => ({ text: note.text, board: note.board, added: !before.has(id) }));
  } finally {
    release();
  }
}

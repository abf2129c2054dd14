import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';

/** As a provider delivers: with an origin of its own (a bare applyUpdate reads as a local edit). */
const deliver = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'peer');

describe('remote note changes (while you were apart)', () => {
  it('reports what another device added, edited, moved and deleted, with the writer, and not this device’s own edits', () => {
    const { docs, boardId } = session(2);
    const [mine, theirs] = docs as [Y.Doc, Y.Doc];
    const kept = M.addNote(theirs, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'old' });
    const doomed = M.addNote(theirs, { boardId, pos: { x: 300, y: 0 }, now: 2, text: 'doomed' });
    syncAll(mine, theirs);
    const seen: M.NoteChange[] = [];
    const stop = M.watchRemoteNoteChanges(mine, (c) => seen.push(c));
    // Apart: each side edits on its own.
    const fresh = M.addNote(theirs, { boardId, pos: { x: 600, y: 0 }, now: 3, text: 'new there' });
    M.setNoteText(theirs, kept, 'old, reworded', 4);
    M.moveNote(theirs, kept, { x: 50, y: 50 }, 5);
    M.deleteNote(theirs, doomed, 6);
    M.addNote(mine, { boardId, pos: { x: 0, y: 400 }, now: 7, text: 'mine offline' });
    deliver(mine, theirs);
    deliver(theirs, mine);
    stop();
    const byNote = new Map<string, M.NoteChangeKind>();
    for (const c of seen) byNote.set(c.noteId, byNote.has(c.noteId) ? M.strongerChange(byNote.get(c.noteId)!, c.kind) : c.kind);
    expect(Object.fromEntries(byNote)).toEqual({ [fresh]: 'added', [kept]: 'edited', [doomed]: 'deleted' });
    expect(seen.filter((c) => c.noteId === kept).map((c) => c.kind).sort()).toEqual(['edited', 'moved']);
    expect(new Set(seen.map((c) => c.clientId))).toEqual(new Set([theirs.clientID]));
    // After stopping, nothing more is reported.
    const count = seen.length;
    M.setNoteText(theirs, kept, 'later', 8);
    deliver(theirs, mine);
    expect(seen.length).toBe(count);
  });
});

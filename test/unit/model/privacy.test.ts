import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

describe('removing participants’ names', () => {
  it('takes the names out of notes and named votes, keeps the content, and a new copy of the doc no longer holds them', () => {
    const { docs, boardId } = session(2);
    const [fac, other] = docs as [Y.Doc, Y.Doc];
    const a = M.addNote(fac, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Zielone dachy', authorId: 'dev-ola', authorName: 'Aleksandra Kowalska', level: 'local' });
    const round = M.createVotingRound(fac, { title: 'R', now: 3, scope: { boardIds: [boardId] }, anonymous: false });
    M.openVotingRound(fac, round);
    M.castVote(fac, { roundId: round, voterId: 'dev-jan', noteId: a, name: 'Jan Nowakowski' });
    syncAll(fac, other);
    expect(has(Y.encodeStateAsUpdate(other), 'Aleksandra Kowalska')).toBe(true);

    expect(M.purgeNames(fac)).toBe(2);
    syncAll(fac, other);
    for (const doc of [fac, other]) {
      const note = M.getNote(doc, a)!;
      expect(note).toMatchObject({ text: 'Zielone dachy', authorName: '', authorId: 'dev-ola', level: 'local' });
      expect(M.listBallots(doc, round).map((b) => [b.voterName, b.counted])).toEqual([['', true]]);
      // Yjs dropped the replaced values: an archive or snapshot made now has no trace of the names.
      const state = Y.encodeStateAsUpdate(doc);
      expect(has(state, 'Aleksandra Kowalska')).toBe(false);
      expect(has(state, 'Jan Nowakowski')).toBe(false);
    }
    expect(M.purgeNames(fac)).toBe(0);
  });

  it('is not an undoable edit (undo would keep the names alive) and is a facilitator’s action only', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const undo = M.createUndoManager(doc);
    const id = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, authorName: 'Ola' });
    undo.stopCapturing();
    const steps = undo.undoStack.length;
    M.purgeNames(doc);
    // No undo step of its own; nothing the undo stack holds brings the name back.
    expect(undo.undoStack.length).toBe(steps);
    expect(M.getNote(doc, id)!.authorName).toBe('');
    expect(M.can(doc, M.personIn(doc, 'someone'), 'purgeNames')).toEqual({ allowed: false, reason: 'facilitatorOnly' });
    expect(M.can(doc, M.personIn(doc, 'fac-a'), 'purgeNames')).toEqual({ allowed: true });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';

const anna = { id: 'fac-a', name: 'Anna' };
const ben = { id: 'fac-b', name: 'Ben' };

function log(doc: Y.Doc, kind: M.DecisionKind, at: number, data: Record<string, M.DecisionValue> = {}, by = anna): string {
  let hash = '';
  doc.transact(() => (hash = M.appendDecision(doc, { kind, at, by, data })), M.LOCAL_ORIGIN);
  return hash;
}

/** Rewrites one stored entry's field as a hostile peer (or a hex editor on the archive) would. */
function tamper(doc: Y.Doc, hash: string, patch: Record<string, unknown>): void {
  const map = M.decisionsMap(doc);
  map.set(hash, { ...(map.get(hash) as object), ...patch });
}

describe('decision log: append and verify', () => {
  it('chains entries: each points at the one before, in the order they were made', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const a = log(doc, 'activityStarted', 100, { activity: 'Warm-up' });
    const b = log(doc, 'zoneLocked', 200, { zone: 'Barriers' });
    const c = log(doc, 'votingEnded', 300, { round: 'Top actions', results: [{ note: 'Zielone dachy', votes: 4 }] });
    const check = M.verifyDecisionLog(doc);
    expect(check.problem).toBeNull();
    expect(check.entries.map((e) => e.hash)).toEqual([a, b, c]);
    expect(check.entries.map((e) => e.prev)).toEqual([[], [a], [b]]);
    expect(check.head).toBe(c);
    expect(check.entries[2]!.data).toEqual({ round: 'Top actions', results: [{ note: 'Zielone dachy', votes: 4 }] });
  });

  it('an empty log verifies with an empty head', () => {
    const { docs } = session(1);
    expect(M.verifyDecisionLog(docs[0]!)).toMatchObject({ entries: [], head: '', problem: null });
  });

  it('hashes do not depend on the order keys were written in', () => {
    const base = { prev: [], at: 1, by: anna, kind: 'codeChanged' as const };
    expect(M.entryHash({ ...base, data: { a: 1, b: { c: 'x', d: [1, 2] } } })).toBe(M.entryHash({ ...base, data: { b: { d: [1, 2], c: 'x' }, a: 1 } }));
    expect(M.entryHash({ ...base, data: { a: 1 } })).not.toBe(M.entryHash({ ...base, data: { a: 2 } }));
  });

  it('flags an entry whose content was changed afterwards as altered', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    log(doc, 'activityStarted', 100, { activity: 'Warm-up' });
    const b = log(doc, 'votingEnded', 200, { round: 'R', results: [{ note: 'A', votes: 3 }] });
    log(doc, 'activityFinished', 300, { activity: 'Warm-up' });
    tamper(doc, b, { data: { round: 'R', results: [{ note: 'A', votes: 30 }] } });
    expect(M.verifyDecisionLog(doc).problem).toBe('altered');
  });

  it('flags a changed author or time as altered too', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const a = log(doc, 'boardLocked', 100, { board: 'Main' });
    tamper(doc, a, { by: { id: 'fac-a', name: 'Someone else' } });
    expect(M.verifyDecisionLog(doc).problem).toBe('altered');
    tamper(doc, a, { by: anna, at: 99 });
    expect(M.verifyDecisionLog(doc).problem).toBe('altered');
    tamper(doc, a, { at: 100 });
    expect(M.verifyDecisionLog(doc).problem).toBeNull();
  });

  it('flags a removed entry in the middle or at the start as truncated', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const a = log(doc, 'activityStarted', 100);
    const b = log(doc, 'activityFinished', 200);
    log(doc, 'codeChanged', 300);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    M.decisionsMap(doc).delete(b);
    expect(M.verifyDecisionLog(doc).problem).toBe('truncated');
    M.decisionsMap(copy).delete(a);
    expect(M.verifyDecisionLog(copy).problem).toBe('truncated');
  });

  it('flags removed newest entries as truncated once the head was known (device memory, manifest, PDF)', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    log(doc, 'activityStarted', 100);
    const last = log(doc, 'activityFinished', 200);
    const knownHead = M.verifyDecisionLog(doc).head;
    expect(knownHead).toBe(last);
    M.decisionsMap(doc).delete(last);
    expect(M.verifyDecisionLog(doc).problem).toBeNull(); // the log alone cannot tell…
    expect(M.verifyDecisionLog(doc, [knownHead]).problem).toBe('truncated'); // …its known head can
    M.decisionsMap(doc).clear();
    expect(M.verifyDecisionLog(doc, [knownHead]).problem).toBe('truncated');
  });

  it('a known head still verifies after more entries were appended on top of it', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    log(doc, 'activityStarted', 100);
    const knownHead = M.verifyDecisionLog(doc).head;
    log(doc, 'activityFinished', 200);
    expect(M.verifyDecisionLog(doc, [knownHead]).problem).toBeNull();
  });

  it('refuses entries that are not decisions (wrong kind, non-JSON data) as altered', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    log(doc, 'activityStarted', 100);
    M.decisionsMap(doc).set('f'.repeat(64), { prev: [], at: 1, by: anna, kind: 'rmRf', data: {} });
    expect(M.verifyDecisionLog(doc).problem).toBe('altered');
  });
});

describe('decision log: merging what two devices appended while apart', () => {
  it('keeps both branches, then joins them with the next entry; every device reads one order', () => {
    const { docs } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const root = log(a, 'activityStarted', 100, { activity: 'Mapping' });
    syncAll(a, b);
    // Apart: each facilitator decides something.
    const onA = log(a, 'zoneLocked', 300, { zone: 'EU' });
    const onB = log(b, 'votingEnded', 200, { round: 'R1' }, ben);
    syncAll(a, b);
    for (const doc of [a, b]) {
      const check = M.verifyDecisionLog(doc);
      expect(check.problem).toBeNull();
      expect(check.heads).toEqual([onA, onB].sort());
      // Neither caused the other: time breaks the tie, so B's earlier decision reads first.
      expect(check.entries.map((e) => e.hash)).toEqual([root, onB, onA]);
    }
    const twoHeads = M.verifyDecisionLog(a).head;
    const join = log(b, 'activityFinished', 400, { activity: 'Mapping' }, ben);
    syncAll(a, b);
    const check = M.verifyDecisionLog(a);
    expect(check.entries.at(-1)!.hash).toBe(join);
    expect(check.entries.at(-1)!.prev).toEqual([onA, onB].sort());
    expect(check.heads).toEqual([join]);
    // The heads a device remembered while branches were open are still reached after the join.
    expect(twoHeads).not.toBe(onA);
    expect(M.verifyDecisionLog(a, [onA, onB]).problem).toBeNull();
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    expect(M.verifyDecisionLog(b).entries.map((e) => e.hash)).toEqual(check.entries.map((e) => e.hash));
  });

  it('the same entry arriving twice (two archives of one session) is one entry', () => {
    const { docs } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    log(a, 'codeChanged', 100);
    syncAll(a, b);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(b));
    expect(M.verifyDecisionLog(copy).entries).toHaveLength(1);
  });

  it('a clock that jumps backwards on one device cannot put an entry before the one it followed', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const first = log(doc, 'activityStarted', 10_000);
    const second = log(doc, 'activityFinished', 5); // the clock jumped back
    expect(M.verifyDecisionLog(doc).entries.map((e) => e.hash)).toEqual([first, second]);
  });

  it('undo takes back the action but never its entry in the record', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const undo = M.createUndoManager(doc);
    doc.transact(() => {
      M.setBoardLocked(doc, 'fac-a', boardId, true);
      M.recordDecision(doc, anna, 100, { kind: 'boardLocked', boardId });
    }, M.LOCAL_ORIGIN);
    undo.undo();
    expect(M.readSettings(doc).lockedBoardIds).toEqual([]);
    expect(M.listDecisions(doc).map((e) => e.kind)).toEqual(['boardLocked']);
  });
});

describe('recordDecision', () => {
  it('keeps the voting result as it stood, with no voter of an anonymous round', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const n1 = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 1, text: 'Zielone dachy na szkołach' });
    const n2 = M.addNote(doc, { boardId, pos: { x: 300, y: 0 }, now: 1, text: 'Bus lanes' });
    const roundId = M.createVotingRound(doc, { title: 'Top actions', now: 2, budget: 3, scope: { boardIds: [boardId], zoneIds: [] }, anonymous: true, onePerNote: false, hideResults: false });
    M.openVotingRound(doc, roundId);
    M.castVote(doc, { roundId, noteId: n1, voterId: 'voter-x', level: 'local', name: 'Xena' });
    M.castVote(doc, { roundId, noteId: n1, voterId: 'voter-y', level: null, name: 'Yann' });
    M.castVote(doc, { roundId, noteId: n2, voterId: 'voter-y', level: null, name: 'Yann' });
    M.closeVotingRound(doc, roundId);
    expect(M.recordDecision(doc, anna, 50, { kind: 'votingEnded', roundId })).toBe(true);
    M.setNoteText(doc, n1, 'edited later', 60);
    const [entry] = M.listDecisions(doc);
    expect(entry!.data).toEqual({
      round: 'Top actions',
      board: 'Main',
      anonymous: true,
      budget: 3,
      votes: 3,
      voters: 2,
      results: [
        { note: 'Zielone dachy na szkołach', votes: 2 },
        { note: 'Bus lanes', votes: 1 },
      ],
    });
    expect(JSON.stringify(M.decisionsMap(doc).toJSON())).not.toMatch(/voter-|Xena|Yann/);
  });

  it('records nothing for a subject that does not exist', () => {
    const { docs } = session(1);
    expect(M.recordDecision(docs[0]!, anna, 1, { kind: 'zoneLocked', zoneId: 'nope' })).toBe(false);
    expect(M.listDecisions(docs[0]!)).toEqual([]);
  });
});

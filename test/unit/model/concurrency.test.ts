import { describe, expect, it } from 'vitest';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';

/** Each decided concurrency semantic, on two or three replicas edited offline and then merged. */
describe('concurrent note moves', () => {
  it('end on one whole position and its zone, identical everywhere', () => {
    const { docs: [a, b, c], boardId } = session(3);
    const left = M.addZone(a!, { boardId, label: 'Left', rect: { x: 0, y: 0, w: 500, h: 500 } });
    const right = M.addZone(a!, { boardId, label: 'Right', rect: { x: 1000, y: 0, w: 500, h: 500 } });
    const id = M.addNote(a!, { boardId, pos: { x: 600, y: 600 }, now: 2 });
    syncAll(a!, b!, c!);
    M.moveNote(a!, id, { x: 100, y: 100 }, 3);
    M.moveNote(b!, id, { x: 1100, y: 100 }, 3);
    M.moveNote(c!, id, { x: 1200, y: 900 }, 3);
    syncAll(a!, b!, c!);
    const notes = [a, b, c].map((d) => M.getNote(d!, id)!);
    expect(notes[1]).toEqual(notes[0]);
    expect(notes[2]).toEqual(notes[0]);
    const expectedZone = notes[0]!.pos.x === 100 ? left : notes[0]!.pos.x === 1100 ? right : null;
    expect(notes[0]!.zoneId).toBe(expectedZone);
  });
});

describe('edit racing delete', () => {
  it('the edited note sits in the recently-deleted tray with the edit, and restores with it', () => {
    const { docs: [a, b], boardId } = session();
    const id = M.addNote(a!, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'idea' });
    syncAll(a!, b!);
    M.deleteNote(a!, id, 3);
    M.setNoteText(b!, id, 'idea, refined', 3);
    syncAll(a!, b!);
    expect(M.listNotes(b!, boardId)).toEqual([]);
    expect(M.listDeletedNotes(b!, boardId).map((n) => n.text)).toEqual(['idea, refined']);
    M.restoreNote(b!, id, 4);
    syncAll(a!, b!);
    expect(M.listNotes(a!, boardId).map((n) => n.text)).toEqual(['idea, refined']);
  });

  it('a note added to a board deleted concurrently survives, hidden, and returns with the board', () => {
    const { docs: [a, b] } = session();
    const boardId = M.addBoard(a!, { title: 'Barriers', now: 2 });
    syncAll(a!, b!);
    M.deleteBoard(a!, boardId, 3);
    const id = M.addNote(b!, { boardId, pos: { x: 0, y: 0 }, now: 3, text: 'late' });
    syncAll(a!, b!);
    expect(M.getBoard(a!, boardId)?.deletedAt).toBe(3);
    expect(M.listNotes(a!, boardId)).toEqual([]);
    expect(M.countLiveNotes(a!)).toBe(0);
    M.restoreBoard(a!, boardId);
    expect(M.listNotes(a!, boardId).map((n) => n.id)).toEqual([id]);
  });
});

describe('concurrent cluster changes', () => {
  it('a note dropped into two clusters at once ends in exactly one', () => {
    const { docs: [a, b], boardId } = session();
    const id = M.addNote(a!, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    const c1 = M.addCluster(a!, { boardId, title: 'Finance', now: 2 });
    const c2 = M.addCluster(a!, { boardId, title: 'Skills', now: 2 });
    syncAll(a!, b!);
    M.setNoteCluster(a!, id, c1, 3);
    M.setNoteCluster(b!, id, c2, 3);
    syncAll(a!, b!);
    const members = M.listClusters(a!, boardId).flatMap((c) => c.memberIds);
    expect(members).toEqual([id]);
    expect(M.listClusters(b!, boardId)).toEqual(M.listClusters(a!, boardId));
  });

  it('two notes added to one cluster concurrently are both members', () => {
    const { docs: [a, b], boardId } = session();
    const n1 = M.addNote(a!, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    const n2 = M.addNote(a!, { boardId, pos: { x: 300, y: 0 }, now: 2 });
    const c = M.addCluster(a!, { boardId, title: 'Finance', now: 2 });
    syncAll(a!, b!);
    M.setNoteCluster(a!, n1, c, 3);
    M.setNoteCluster(b!, n2, c, 3);
    syncAll(a!, b!);
    expect(M.listClusters(b!, boardId)[0]!.memberIds.sort()).toEqual([n1, n2].sort());
  });

  it('a note added to a cluster being deleted reads unclustered, and rejoins on restore', () => {
    const { docs: [a, b], boardId } = session();
    const id = M.addNote(a!, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    const c = M.addCluster(a!, { boardId, title: 'Finance', now: 2 });
    syncAll(a!, b!);
    M.deleteCluster(a!, c, 3);
    M.setNoteCluster(b!, id, c, 3);
    syncAll(a!, b!);
    expect(M.listClusters(a!, boardId)).toEqual([]);
    expect(M.getNote(a!, id)?.clusterId).toBeNull();
    M.restoreCluster(a!, c);
    expect(M.listClusters(a!, boardId)[0]!.memberIds).toEqual([id]);
  });
});

describe('concurrent votes', () => {
  function openRound(budget: number) {
    const { docs, boardId } = session(3);
    const notes = [0, 1, 2].map((i) => M.addNote(docs[0]!, { boardId, pos: { x: i * 300, y: 0 }, now: 2, id: `note000${i}` }));
    const roundId = M.createVotingRound(docs[0]!, { title: 'Priorities', now: 3, budget });
    M.openVotingRound(docs[0]!, roundId);
    syncAll(...docs);
    return { docs, notes, roundId, boardId };
  }

  it('two devices of one voter exceeding the budget: the same votes count on every peer', () => {
    const { docs: [a, b, c], notes, roundId } = openRound(2);
    M.castVote(a!, { roundId, voterId: 'ola', noteId: notes[0]! });
    syncAll(a!, b!, c!);
    // Both devices see one vote left and use it at once, on different notes.
    expect(M.castVote(a!, { roundId, voterId: 'ola', noteId: notes[1]! })).not.toBeNull();
    expect(M.castVote(b!, { roundId, voterId: 'ola', noteId: notes[2]! })).not.toBeNull();
    syncAll(a!, b!, c!);
    for (const d of [a, b, c]) {
      expect(M.voteTotals(d!, roundId).reduce((s, t) => s + t.votes, 0)).toBe(2);
      expect(M.votesLeft(d!, roundId, 'ola')).toBe(0);
    }
    expect(M.voteTotals(b!, roundId)).toEqual(M.voteTotals(a!, roundId));
    expect(M.voteTotals(c!, roundId)).toEqual(M.voteTotals(a!, roundId));
    expect(M.listBallots(a!, roundId).filter((v) => !v.counted)).toHaveLength(1);
    // Further casting is refused once the merged view shows no votes left.
    expect(M.castVote(a!, { roundId, voterId: 'ola', noteId: notes[2]! })).toBeNull();
  });

  it('a vote cast while the round is being closed is ignored everywhere', () => {
    const { docs: [a, b], notes, roundId } = openRound(3);
    M.castVote(b!, { roundId, voterId: 'jan', noteId: notes[0]! });
    syncAll(a!, b!);
    M.closeVotingRound(a!, roundId);
    M.castVote(b!, { roundId, voterId: 'jan', noteId: notes[1]! });
    syncAll(a!, b!);
    expect(M.voteTotals(a!, roundId)).toEqual([{ noteId: notes[0], votes: 1 }]);
    expect(M.voteTotals(b!, roundId)).toEqual(M.voteTotals(a!, roundId));
    M.openVotingRound(a!, roundId);
    expect(M.voteTotals(a!, roundId).reduce((s, t) => s + t.votes, 0)).toBe(2);
  });

  it('draft rounds count nothing, anonymous rounds hide voters, deleted notes give votes back', () => {
    const { docs: [a], notes, roundId, boardId } = openRound(1);
    M.castVote(a!, { roundId, voterId: 'eva', noteId: notes[0]! });
    M.updateVotingRound(a!, roundId, { anonymous: true });
    expect(M.listBallots(a!, roundId).map((b) => b.voterId)).toEqual([null]);
    M.deleteNote(a!, notes[0]!, 5);
    expect(M.votesLeft(a!, roundId, 'eva')).toBe(1);
    const draft = M.createVotingRound(a!, { title: 'Later', now: 6, scope: { boardIds: [boardId] } });
    expect(M.castVote(a!, { roundId: draft, voterId: 'eva', noteId: notes[1]! })).toBeNull();
  });

  it('voting scope limits which notes can receive votes', () => {
    const { docs: [a], boardId } = session(1);
    const zone = M.addZone(a!, { boardId, label: 'Barriers', rect: { x: 0, y: 0, w: 400, h: 400 } });
    const inside = M.addNote(a!, { boardId, pos: { x: 10, y: 10 }, now: 2 });
    const outside = M.addNote(a!, { boardId, pos: { x: 900, y: 900 }, now: 2 });
    const roundId = M.createVotingRound(a!, { title: 'Barriers only', now: 3, scope: { zoneIds: [zone] } });
    M.openVotingRound(a!, roundId);
    expect(M.castVote(a!, { roundId, voterId: 'x', noteId: outside })).toBeNull();
    expect(M.castVote(a!, { roundId, voterId: 'x', noteId: inside })).not.toBeNull();
  });
});

describe('two facilitators', () => {
  it('who facilitates is never read stale: inside a transaction, in its observers, after a remote change', () => {
    const { docs: [a, b] } = session();
    expect(M.isFacilitator(a!, 'fac-b')).toBe(false);
    a!.transact(() => {
      M.addFacilitator(a!, 'fac-a', { clientId: 'fac-b', name: 'Bartek', now: 2 });
      expect(M.isFacilitator(a!, 'fac-b')).toBe(true);
    });
    const seen: boolean[] = [];
    M.facilitatorsMap(a!).observe(() => seen.push(M.isFacilitator(a!, 'fac-b')));
    M.removeFacilitator(a!, 'fac-a', 'fac-b', 3);
    expect(seen).toEqual([false]);
    expect(M.isFacilitator(a!, 'fac-b')).toBe(false);
    expect(M.isFacilitator(b!, 'fac-b')).toBe(false);
    syncAll(a!, b!);
    expect(M.isFacilitator(b!, 'fac-b')).toBe(false);
    M.addFacilitator(a!, 'fac-a', { clientId: 'fac-c', name: 'Celina', now: 4 });
    syncAll(a!, b!);
    expect(M.isFacilitator(b!, 'fac-c')).toBe(true);
  });

  it('a facilitator adds another; their concurrent settings resolve LWW to one value each', () => {
    const { docs: [a, b], boardId } = session();
    expect(M.addFacilitator(a!, 'fac-a', { clientId: 'fac-b', name: 'Bartek', now: 2 })).toBe(true);
    syncAll(a!, b!);
    expect(M.isFacilitator(b!, 'fac-b')).toBe(true);
    expect(M.setPrivateMode(a!, 'fac-a', true)).toBe(true);
    expect(M.setPrivateMode(b!, 'fac-b', false)).toBe(true);
    M.setBoardLocked(a!, 'fac-a', boardId, true);
    const other = M.addBoard(b!, { title: 'Second', now: 3 });
    M.setBoardLocked(b!, 'fac-b', other, true);
    syncAll(a!, b!);
    expect(M.readSettings(a!)).toEqual(M.readSettings(b!));
    expect(M.readSettings(a!).lockedBoardIds.sort()).toEqual([boardId, other].sort());
    expect(M.canEditBoard(a!, 'participant', boardId)).toBe(false);
    expect(M.canEditBoard(a!, 'fac-b', boardId)).toBe(true);
  });

  it('participants cannot change settings; mutual removal leaves one facilitator, the same everywhere', () => {
    const { docs: [a, b] } = session();
    expect(M.setPrivateMode(a!, 'participant', true)).toBe(false);
    M.addFacilitator(a!, 'fac-a', { clientId: 'fac-b', name: 'Bartek', now: 2 });
    syncAll(a!, b!);
    M.removeFacilitator(a!, 'fac-a', 'fac-b', 3);
    M.removeFacilitator(b!, 'fac-b', 'fac-a', 3);
    syncAll(a!, b!);
    expect(M.listFacilitators(a!).map((f) => f.clientId)).toEqual(['fac-a']);
    expect(M.listFacilitators(b!)).toEqual(M.listFacilitators(a!));
  });

  it('a timer started and paused at once ends in one whole state', () => {
    const { docs: [a, b] } = session();
    M.addFacilitator(a!, 'fac-a', { clientId: 'fac-b', name: 'B', now: 1 });
    M.startTimer(a!, 'fac-a', 600_000, 1_000);
    syncAll(a!, b!);
    M.pauseTimer(a!, 'fac-a', 61_000);
    M.startTimer(b!, 'fac-b', 300_000, 61_000);
    syncAll(a!, b!);
    const t = M.readTimer(a!, 61_000);
    expect(M.readTimer(b!, 61_000)).toEqual(t);
    expect([JSON.stringify({ state: 'paused', remainingMs: 540_000 }), JSON.stringify({ state: 'running', remainingMs: 300_000 })]).toContain(
      JSON.stringify({ state: t.state, remainingMs: t.remainingMs }),
    );
  });
});

describe('agenda against deleted boards', () => {
  it('an item whose board is deleted concurrently stays and is flagged', () => {
    const { docs: [a, b], boardId } = session();
    syncAll(a!, b!);
    M.deleteBoard(a!, boardId, 2);
    const item = M.addAgendaItem(b!, { title: 'Map barriers', minutes: 20, boardId });
    syncAll(a!, b!);
    expect(M.listAgenda(a!)).toMatchObject([{ id: item, boardId, boardMissing: true }]);
    M.restoreBoard(a!, boardId);
    expect(M.listAgenda(a!)[0]!.boardMissing).toBe(false);
  });
});

describe('undo', () => {
  it('undoing "add board" never removes a board a peer already put a note on', () => {
    const { docs: [a, b] } = session();
    const undo = M.createUndoManager(a!, { captureTimeout: 0 });
    const boardId = M.addBoard(a!, { title: 'Extra', now: 2 });
    syncAll(a!, b!);
    const id = M.addNote(b!, { boardId, pos: { x: 0, y: 0 }, now: 3 });
    undo.undo();
    syncAll(a!, b!);
    expect(M.getBoard(a!, boardId)?.title).toBe('Extra');
    expect(M.listNotes(a!, boardId).map((n) => n.id)).toEqual([id]);
  });

  it('still undoes a board rename and a board delete', () => {
    const { docs: [a], boardId } = session(1);
    const undo = M.createUndoManager(a!, { captureTimeout: 0 });
    M.renameBoard(a!, boardId, 'Renamed');
    undo.stopCapturing();
    M.deleteBoard(a!, boardId, 5);
    undo.undo();
    expect(M.getBoard(a!, boardId)?.deletedAt).toBeNull();
    undo.undo();
    expect(M.getBoard(a!, boardId)?.title).toBe('Main');
  });
});

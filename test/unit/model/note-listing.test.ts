import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';
import { Rng } from './sim/prng';

/** The listing's answers must equal the from-scratch reads it replaces, for every board. */
function expectSameAsScratch(doc: Y.Doc, listing: M.NoteListing, people: M.Person[]): void {
  const boardIds = [...M.listAllBoards(doc).map((b) => b.id), 'no-such-board'];
  for (const boardId of boardIds) {
    const scratch = M.listNotes(doc, boardId);
    expect(listing.idsOn(boardId)).toEqual(scratch.map((n) => n.id));
    expect(listing.notesOn(boardId).map((e) => ({ id: e.id, rect: e.rect, colour: e.colour, level: e.level, actor: e.actor, z: e.z, private: e.private }))).toEqual(
      scratch.map((n) => ({ id: n.id, rect: { ...n.pos, ...n.size }, colour: n.colour, level: n.level, actor: n.actor, z: n.z, private: n.private })),
    );
    // The board's size limit counts its live notes whether or not the board itself is deleted.
    let live = 0;
    M.notesMap(doc).forEach((record) => {
      if (record instanceof Y.Map && record.get('boardId') === boardId && typeof record.get('deletedAt') !== 'number') live++;
    });
    expect(listing.liveCount(boardId)).toBe(live);
    const counts = M.zoneNoteCounts(scratch);
    for (const zone of M.listZones(doc, boardId)) expect(listing.zoneCounts(boardId).get(zone.id) ?? 0).toBe(counts.get(zone.id) ?? 0);
    for (const cluster of M.listClusters(doc, boardId)) expect(listing.clusterMembers(boardId, cluster.id).map((e) => e.id)).toEqual(cluster.memberIds);
    for (const person of people) expect(M.notesSeenBy(doc, listing, boardId, person).map((e) => e.id)).toEqual(M.listNotesSeenBy(doc, boardId, person).map((n) => n.id));
  }
  expect(listing.countLive()).toBe(M.readSessionCounts(doc).notes);
}

/** A note of this doc, deleted or not, picked in a stable order so a seed replays exactly. */
function anyNoteId(doc: Y.Doc, rng: Rng): string | undefined {
  return rng.pick([...M.notesMap(doc).keys()].sort());
}

/** One random edit on `doc`, written as `who` (a facilitator on A, a participant on B). */
function randomEdit(doc: Y.Doc, rng: Rng, now: number, who: string): void {
  const boards = M.listAllBoards(doc);
  const board = rng.pick(boards);
  const noteId = anyNoteId(doc, rng);
  const point = () => ({ x: rng.int(-200, 1200), y: rng.int(-200, 1200) });
  switch (rng.int(0, 15)) {
    case 0:
    case 1:
    case 2:
      if (board) M.addNote(doc, { boardId: board.id, pos: point(), now, authorId: rng.pick([who, 'someone', '']), private: rng.bool(0.2), id: rng.id() });
      break;
    case 3:
    case 4:
    case 5:
      if (noteId) M.moveNote(doc, noteId, point(), now);
      break;
    case 6:
      if (noteId) M.deleteNote(doc, noteId, now);
      break;
    case 7:
      if (noteId) M.restoreNote(doc, noteId, now);
      break;
    case 8: {
      // No operation moves a note to another board; an old or foreign client still may.
      const record = noteId ? M.notesMap(doc).get(noteId) : undefined;
      const other = rng.pick(boards);
      if (record && other) doc.transact(() => record.set('boardId', other.id), M.LOCAL_ORIGIN);
      break;
    }
    case 9:
      if (noteId) M.setNoteText(doc, noteId, rng.text(), now);
      break;
    case 10:
      if (noteId && rng.bool()) M.resizeNote(doc, noteId, { w: rng.int(40, 400), h: rng.int(40, 400) }, now);
      else if (noteId) M.setNoteColour(doc, noteId, rng.pick(M.NOTE_COLOURS)!, now);
      break;
    case 11:
      if (noteId) M.setNoteTags(doc, noteId, { level: rng.pick([...M.GOVERNANCE_LEVELS, null]), actor: rng.pick([...M.ACTOR_TYPES, null]) }, now);
      break;
    case 12:
      if (board && rng.bool(0.3)) M.addZone(doc, { boardId: board.id, label: 'Z', rect: { x: rng.int(0, 600), y: rng.int(0, 600), w: 500, h: 500 }, id: rng.id() });
      else if (noteId) M.revealNote(doc, noteId);
      break;
    case 13: {
      const clusters = board ? M.listClusters(doc, board.id) : [];
      if (board && (clusters.length === 0 || rng.bool(0.2))) M.addCluster(doc, { boardId: board.id, title: 'C', now, id: rng.id(), noteIds: noteId ? [noteId] : [] });
      else if (noteId) M.setNoteCluster(doc, noteId, rng.pick([...clusters.map((c) => c.id), null]) ?? null, now);
      break;
    }
    case 14:
      if (board && rng.bool(0.15)) M.addBoard(doc, { title: 'B', kind: 'free', now, id: rng.id() });
      else if (board && board.deletedAt === null) M.deleteBoard(doc, board.id, now);
      else if (board) M.restoreBoard(doc, board.id);
      break;
    default:
      if (noteId && rng.bool(0.3)) doc.transact(() => M.notesMap(doc).delete(noteId), M.LOCAL_ORIGIN);
      else M.setPrivateMode(doc, 'fac-a', rng.bool());
  }
}

describe('NoteListing', () => {
  it('matches a from-scratch read after every step of random local, remote, undo and redo edits', () => {
    const rng = new Rng(16_5000);
    const { docs, boardId } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    M.addBoard(a, { title: 'Second', kind: 'canvas', now: 2, id: 'second-board' });
    for (let i = 0; i < 20; i++) M.addNote(a, { boardId, pos: { x: i * 30, y: 0 }, now: 3 + i, authorId: 'fac-a', id: `seed-${i}` });
    syncAll(a, b);
    const listing = M.noteListing(a);
    const undo = M.createUndoManager(a, { captureTimeout: 0 });
    const people: M.Person[] = [
      { id: 'fac-a', facilitator: true },
      { id: 'someone', facilitator: false },
      { id: 'guest', facilitator: false },
    ];
    expectSameAsScratch(a, listing, people);
    let now = 100;
    const seen = new Map<string, number>();
    for (let step = 0; step < 600; step++) {
      now += rng.int(0, 3);
      const kind = step % 100 === 99 ? 'burst' : rng.pick(['local', 'local', 'remote', 'remote', 'undo', 'redo', 'concurrent'] as const)!;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (kind === 'local') randomEdit(a, rng, now, 'fac-a');
      else if (kind === 'remote') {
        randomEdit(b, rng, now, 'someone');
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
      } else if (kind === 'burst') {
        // A peer back from offline: more notes than the listing places one by one arrive in one
        // update, with other edits mixed in.
        const board = rng.pick(M.listAllBoards(b))!;
        for (let i = 0; i < 80; i++) M.addNote(b, { boardId: board.id, pos: { x: rng.int(0, 900), y: rng.int(0, 900) }, now: now + rng.int(0, 5), authorId: 'someone', id: rng.id() });
        for (let i = 0; i < 60; i++) randomEdit(b, rng, now + i, 'someone');
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
      } else if (kind === 'undo') undo.undo();
      else if (kind === 'redo') undo.redo();
      else {
        randomEdit(a, rng, now, 'fac-a');
        randomEdit(b, rng, now, 'someone');
        syncAll(a, b);
      }
      expectSameAsScratch(a, listing, people);
    }
    // The run really exercised what it claims to.
    expect(M.listAllBoards(a).length).toBeGreaterThan(2);
    expect(M.notesMap(a).size).toBeGreaterThan(50);
    expect(seen.get('undo')).toBeGreaterThan(50);
  });

  it('keeps its arrays while nothing listed changes: typing re-lists nothing', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const id = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 5 });
    M.addNote(doc, { boardId, pos: { x: 300, y: 0 }, now: 6 });
    const listing = M.noteListing(doc);
    const ids = listing.idsOn(boardId);
    const entries = listing.notesOn(boardId);
    let calls = 0;
    listing.subscribe(() => calls++);
    M.setNoteText(doc, id, 'hello', 7);
    expect(calls).toBe(0);
    expect(listing.notesOn(boardId)).toBe(entries);
    M.setNoteColour(doc, id, 'blue', 8);
    expect(calls).toBe(1);
    expect(listing.idsOn(boardId)).toBe(ids);
    expect(listing.notesOn(boardId)).not.toBe(entries);
    M.moveNote(doc, id, { x: 600, y: 0 }, 9);
    expect(listing.idsOn(boardId)).not.toBe(ids);
    expect(listing.idsOn(boardId).at(-1)).toBe(id);
  });

  it('is one per doc and lets go of the doc when it is destroyed', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const listing = M.noteListing(doc);
    expect(M.noteListing(doc)).toBe(listing);
    doc.destroy();
    let calls = 0;
    listing.subscribe(() => calls++);
    M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 5 });
    expect(calls).toBe(0);
    expect(M.noteListing(doc)).not.toBe(listing);
  });
});

describe('NoteListing cost on a 5,000-note board', () => {
  /** A board of 5,000 notes and a listing whose record reads are counted. */
  function bigBoard() {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    doc.transact(() => {
      for (let i = 0; i < 5_000; i++) M.addNote(doc, { boardId, pos: { x: (i % 70) * 220, y: Math.floor(i / 70) * 220 }, now: 10 + i, id: `n${i}` });
    });
    let reads = 0;
    const listing = new M.NoteListing(doc, (record, key) => {
      reads++;
      return M.readNoteEntry(record, key);
    });
    const reset = () => {
      const n = reads;
      reads = 0;
      return n;
    };
    return { doc, boardId, listing, reset };
  }

  it('reads one note per move, per add, per delete, and none per keystroke', () => {
    const { doc, boardId, listing, reset } = bigBoard();
    expect(reset()).toBe(5_000);
    M.moveNote(doc, 'n42', { x: 99_000, y: 0 }, 20_000);
    expect(reset()).toBe(1);
    expect(listing.idsOn(boardId).at(-1)).toBe('n42');
    M.addNote(doc, { boardId, pos: { x: 0, y: 99_000 }, now: 20_001, id: 'new' });
    expect(reset()).toBe(1);
    expect(listing.idsOn(boardId)).toHaveLength(5_001);
    M.setNoteText(doc, 'n7', 'typing', 20_002);
    expect(reset()).toBe(0);
    M.deleteNote(doc, 'n7', 20_003);
    expect(reset()).toBe(1);
    expect(listing.countLive()).toBe(5_000);
    // A remote move arrives as an update from another doc: still one read.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    M.moveNote(peer, 'n100', { x: 5, y: 5 }, 20_004);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    expect(reset()).toBe(1);
    expect(listing.idsOn(boardId)).toEqual(M.listNotes(doc, boardId).map((n) => n.id));
  });
});

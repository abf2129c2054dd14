import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';
import { createPeers } from './sim/peer';
import { Rng } from './sim/prng';
import { randomOp } from './sim/random-ops';

/** What the per-record projections say; readSession must say the same in one pass. */
function viaProjections(doc: Y.Doc) {
  const boards = M.listBoards(doc);
  return {
    meta: M.readSessionMeta(doc),
    boards: boards.map((board) => ({
      board,
      zones: M.listZones(doc, board.id),
      notes: M.listNotes(doc, board.id),
      clusters: M.listClusters(doc, board.id),
      deletedNotes: M.listDeletedNotes(doc, board.id).length,
    })),
    deletedBoards: M.listDeletedBoards(doc),
    agenda: M.listAgenda(doc),
    rounds: M.listRounds(doc).map((round) => ({ round, totals: M.voteTotals(doc, round.id), byLevel: M.totalsByLevel(doc, round.id) })),
    facilitators: M.listFacilitators(doc),
    decisions: M.verifyDecisionLog(doc),
  };
}

function withoutCounts(content: M.SessionContent) {
  const { counts: _counts, ...rest } = content;
  return rest;
}

describe('readSession', () => {
  it('reads a whole workshop: boards in order, notes per board, clusters, zones, votes, agenda, counts', () => {
    const { docs: [doc], boardId } = session(1);
    const d = doc!;
    const canvas = M.addBoard(d, { title: 'Canvas', kind: 'canvas', now: 2 });
    const gone = M.addBoard(d, { title: 'Gone', now: 3 });
    const zone = M.addZone(d, { boardId: canvas, label: 'Barriers', rect: { x: 0, y: 0, w: 500, h: 500 } });
    const n1 = M.addNote(d, { boardId, pos: { x: 0, y: 0 }, now: 4, text: 'one', authorId: 'ana' });
    const n2 = M.addNote(d, { boardId, pos: { x: 10, y: 0 }, now: 5, text: 'two', authorId: 'ben' });
    const n3 = M.addNote(d, { boardId: canvas, pos: { x: 10, y: 10 }, now: 6, text: 'in zone', authorId: 'ana' });
    const n4 = M.addNote(d, { boardId, pos: { x: 20, y: 0 }, now: 7, text: 'deleted' });
    M.addNote(d, { boardId: gone, pos: { x: 0, y: 0 }, now: 8, text: 'on a deleted board', authorId: 'cy' });
    M.deleteNote(d, n4, 9);
    M.deleteBoard(d, gone, 10);
    const cluster = M.addCluster(d, { boardId, title: 'Pair', now: 11, noteIds: [n1, n2] });
    const round = M.createVotingRound(d, { title: 'Priorities', now: 12, budget: 2 });
    M.openVotingRound(d, round);
    M.castVote(d, { roundId: round, voterId: 'ana', noteId: n2 });
    M.castVote(d, { roundId: round, voterId: 'ben', noteId: n2 });
    M.castVote(d, { roundId: round, voterId: 'ben', noteId: n3 });
    M.addAgendaItem(d, { title: 'Brainstorm', minutes: 20, boardId });

    const s = M.readSession(d);
    expect(s.meta.title).toBe('Lab');
    expect(s.boards.map((b) => b.board.id)).toEqual([boardId, canvas]);
    expect(s.boards[0]!.notes.map((n) => n.text)).toEqual(['one', 'two']);
    expect(s.boards[0]!.deletedNotes).toBe(1);
    expect(s.boards[0]!.clusters).toEqual([expect.objectContaining({ id: cluster, memberIds: [n1, n2] })]);
    expect(s.boards[1]!.notes[0]).toMatchObject({ id: n3, zoneId: zone });
    expect(s.deletedBoards.map((b) => b.id)).toEqual([gone]);
    expect(s.rounds[0]!.totals).toEqual([{ noteId: n2, votes: 2 }, { noteId: n3, votes: 1 }]);
    expect(s.counts).toEqual({ boards: 2, notes: 3, clusters: 1, zones: 1, authors: 2, rounds: 1, agendaItems: 1 });
    expect(s.counts.notes).toBe(M.countLiveNotes(d));
    expect(M.readSessionCounts(d)).toEqual(s.counts);
    expect(withoutCounts(s)).toEqual(viaProjections(d));
  });

  it('skips malformed records as the projections do', () => {
    const { docs: [doc], boardId } = session(1);
    const d = doc!;
    M.addNote(d, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'fine' });
    d.transact(() => {
      (M.boardsMap(d) as Y.Map<unknown>).set('junk', 'not a map');
      M.notesMap(d).set('empty', new Y.Map());
      (M.notesMap(d) as Y.Map<unknown>).set('text', 42);
      M.clustersMap(d).set('c', new Y.Map());
      M.zonesMap(d).set('z', 'nope');
    });
    const s = M.readSession(d);
    expect(s.counts.notes).toBe(1);
    expect(M.readSessionCounts(d)).toEqual(s.counts);
    expect(withoutCounts(s)).toEqual(viaProjections(d));
  });

  for (const seed of [11, 12, 13, 14, 15, 16]) {
    it(`agrees with the projections on a randomly edited, merged session (seed ${seed})`, () => {
      const rng = new Rng(seed);
      let now = 1_700_000_000_000;
      const peers = createPeers(rng, 3, now);
      for (let step = 0; step < 200; step++) {
        now += rng.int(1, 2_000);
        randomOp({ peer: rng.pick(peers)!, rng, now });
        if (rng.next() < 0.2) syncAll(...peers.map((p) => p.doc));
      }
      syncAll(...peers.map((p) => p.doc));
      for (const peer of peers) {
        const s = M.readSession(peer.doc);
        expect(withoutCounts(s)).toEqual(viaProjections(peer.doc));
        expect(s.counts.notes).toBe(M.countLiveNotes(peer.doc));
        expect(M.readSessionCounts(peer.doc)).toEqual(s.counts);
        expect(s.counts.notes).toBe(s.boards.reduce((n, b) => n + b.notes.length, 0));
      }
    });
  }
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session } from './helpers';

/** Validators and projections: malformed data from a peer is skipped, never a crash. */
describe('defensive reads', () => {
  it('projections skip or repair malformed records of every kind', () => {
    const { docs: [doc], boardId } = session(1);
    const d = doc!;
    d.transact(() => {
      M.notesMap(d).set('bad1', new Y.Map());
      const weird = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id: 'weird', boardId, pos: { x: 5, y: 5 }, colour: 'magenta', size: { w: 1, h: 1e9 }, level: 'galactic', zoneId: 42, clusterId: 'nope', z: 'x' })) weird.set(k, v);
      M.notesMap(d).set('weird', weird);
      (M.boardsMap(d) as Y.Map<unknown>).set('junk', 'not a map');
      M.votesMap(d).set('v1', { roundId: 'r', voterId: '', noteId: 'n', seq: -1 });
      M.votesMap(d).set('v2', 'nonsense');
      M.settingsMap(d).set('timer', { state: 'exploding', durationMs: 'x' });
      M.facilitatorsMap(d).set('f', 7);
      M.agendaMap(d).set('a', new Y.Map());
      M.zonesMap(d).set('z', new Y.Map());
      M.metaMap(d).set('country', 'Poland');
      M.metaMap(d).set('date', 42);
    });
    const notes = M.listNotes(d, boardId);
    expect(notes.map((n) => n.id)).toEqual(['weird']);
    expect(notes[0]).toMatchObject({ colour: 'yellow', level: null, zoneId: null, clusterId: null, size: { w: M.MIN_NOTE_SIZE, h: M.MAX_NOTE_SIZE } });
    expect(M.listBoards(d)).toHaveLength(1);
    expect(M.readVote('v1', M.votesMap(d).get('v1'))).toBeNull();
    expect(M.readTimer(d, 0)).toMatchObject({ state: 'stopped', remainingMs: 0 });
    expect(M.listAgenda(d)).toEqual([]);
    expect(M.listZones(d, boardId)).toEqual([]);
    expect(M.readSessionMeta(d)).toMatchObject({ country: '', date: '' });
    expect(M.listFacilitators(d).map((f) => f.clientId)).toEqual(['fac-a']);
  });

  it('operations clamp and validate their input', () => {
    const { docs: [d], boardId } = session(1);
    M.updateSessionMeta(d!, { country: 'pl', language: 'Polish', date: '2025-13-01', place: '  Warsaw   City  ' });
    expect(M.readSessionMeta(d!)).toMatchObject({ country: 'PL', language: '', date: '', place: 'Warsaw City' });
    const r = M.createVotingRound(d!, { title: 'x', now: 1, budget: 1e9 });
    expect(M.getRound(d!, r)?.budget).toBe(M.MAX_VOTE_BUDGET);
    const a = M.addAgendaItem(d!, { title: 'Intro', minutes: -5, boardId });
    expect(M.listAgenda(d!)).toMatchObject([{ id: a, minutes: 0, status: 'pending' }]);
    expect(M.addNote(d!, { boardId: 'missing-board', pos: { x: 0, y: 0 }, now: 1, id: 'orphan0001' })).toBe('orphan0001');
    expect(M.getNote(d!, 'orphan0001')).toBeNull();
  });
});

describe('ordering', () => {
  it('moves boards and agenda items; order is the same for ties on every peer', () => {
    const { docs: [d], boardId } = session(1);
    const b2 = M.addBoard(d!, { title: 'Two', now: 2 });
    const b3 = M.addBoard(d!, { title: 'Three', now: 3 });
    M.moveBoard(d!, b3, 0);
    expect(M.listBoards(d!).map((b) => b.id)).toEqual([b3, boardId, b2]);
    const i1 = M.addAgendaItem(d!, { title: 'One', minutes: 10 });
    const i2 = M.addAgendaItem(d!, { title: 'Two', minutes: 10 });
    M.moveAgendaItem(d!, i2, 0);
    M.setAgendaStatus(d!, i1, 'active');
    expect(M.listAgenda(d!).map((i) => i.id)).toEqual([i2, i1]);
    expect(M.currentAgendaItem(d!)?.id).toBe(i1);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';

/** Every tombstoned kind: how to create one, delete it, restore it and see whether it is live. */
const KINDS: {
  name: string;
  add: (doc: Y.Doc, boardId: string) => string;
  remove: (doc: Y.Doc, id: string) => void;
  restore?: (doc: Y.Doc, id: string) => void;
  live: (doc: Y.Doc, id: string) => boolean;
  map: (doc: Y.Doc) => Y.Map<unknown>;
}[] = [
  {
    name: 'board',
    map: (d) => M.boardsMap(d) as Y.Map<unknown>,
    add: (d) => M.addBoard(d, { title: 'B', now: 5 }),
    remove: (d, id) => M.deleteBoard(d, id, 9),
    restore: (d, id) => M.restoreBoard(d, id),
    live: (d, id) => M.listBoards(d).some((b) => b.id === id),
  },
  {
    name: 'note',
    map: (d) => M.notesMap(d) as Y.Map<unknown>,
    add: (d, boardId) => M.addNote(d, { boardId, pos: { x: 0, y: 0 }, now: 5 }),
    remove: (d, id) => M.deleteNote(d, id, 9),
    restore: (d, id) => M.restoreNote(d, id, 10),
    live: (d, id) => M.getNote(d, id)?.deletedAt === null,
  },
  {
    name: 'cluster',
    map: (d) => M.clustersMap(d) as Y.Map<unknown>,
    add: (d, boardId) => M.addCluster(d, { boardId, title: 'C', now: 5 }),
    remove: (d, id) => M.deleteCluster(d, id, 9),
    restore: (d, id) => M.restoreCluster(d, id),
    live: (d, id) => M.getCluster(d, id)?.deletedAt === null,
  },
  {
    name: 'agenda item',
    map: (d) => M.agendaMap(d) as Y.Map<unknown>,
    add: (d) => M.addAgendaItem(d, { title: 'A', minutes: 10 }),
    remove: (d, id) => M.deleteAgendaItem(d, id, 9),
    restore: (d, id) => M.restoreAgendaItem(d, id),
    live: (d, id) => M.listAgenda(d).some((i) => i.id === id),
  },
  {
    name: 'voting round',
    map: (d) => M.roundsMap(d) as Y.Map<unknown>,
    add: (d) => M.createVotingRound(d, { title: 'R', now: 5 }),
    remove: (d, id) => M.deleteVotingRound(d, id, 9),
    live: (d, id) => M.listRounds(d).some((r) => r.id === id),
  },
];

describe('tombstones, the same for every record kind', () => {
  for (const kind of KINDS) {
    it(`a deleted ${kind.name} stays in the doc${kind.restore ? ' and comes back on restore' : ''}`, () => {
      const { docs: [doc], boardId } = session(1);
      const d = doc!;
      const id = kind.add(d, boardId);
      expect(kind.live(d, id)).toBe(true);
      kind.remove(d, id);
      expect(kind.live(d, id)).toBe(false);
      expect(M.recordIn(kind.map(d), id)).not.toBeNull();
      if (kind.restore) {
        kind.restore(d, id);
        expect(kind.live(d, id)).toBe(true);
      }
    });

    it(`an edit racing the delete of a ${kind.name} survives the merge`, () => {
      const { docs: [a, b], boardId } = session(2);
      const id = kind.add(a!, boardId);
      syncAll(a!, b!);
      kind.remove(a!, id);
      // A concurrent write to the same record on the other peer (a title or a text edit).
      const record = M.recordIn(kind.map(b!), id)!;
      b!.transact(() => record.set('title', 'edited meanwhile'));
      syncAll(a!, b!);
      expect(kind.live(a!, id)).toBe(false);
      expect(kind.live(b!, id)).toBe(false);
      expect(M.recordIn(kind.map(a!), id)?.get('title')).toBe('edited meanwhile');
    });
  }

  it('deleting twice keeps the first time; restoring a live record writes nothing', () => {
    const { docs: [doc], boardId } = session(1);
    const d = doc!;
    const id = M.addNote(d, { boardId, pos: { x: 0, y: 0 }, now: 5 });
    M.deleteNote(d, id, 9);
    M.deleteNote(d, id, 20);
    expect(M.getNote(d, id)?.deletedAt).toBe(9);
    const before = Y.encodeStateVector(d);
    M.restoreAgendaItem(d, 'missing');
    M.restoreBoard(d, boardId);
    expect(Y.encodeStateVector(d)).toEqual(before);
  });
});

describe('reorder, the same for boards and the agenda', () => {
  const ordered = [
    { name: 'boards', add: (d: Y.Doc, n: number) => M.addBoard(d, { title: `B${n}`, now: n }), move: M.moveBoard, list: (d: Y.Doc) => M.listBoards(d).map((b) => b.id) },
    { name: 'agenda', add: (d: Y.Doc, n: number) => M.addAgendaItem(d, { title: `A${n}`, minutes: n }), move: M.moveAgendaItem, list: (d: Y.Doc) => M.listAgenda(d).map((i) => i.id) },
  ];
  for (const kind of ordered) {
    it(`${kind.name}: moves to any index, clamped, and writes one record per move`, () => {
      const { docs: [doc] } = session(1);
      const d = doc!;
      for (const id of kind.list(d)) if (kind.name === 'boards') M.deleteBoard(d, id, 1);
      const ids = [1, 2, 3, 4].map((n) => kind.add(d, n));
      kind.move(d, ids[0]!, 2);
      expect(kind.list(d)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
      kind.move(d, ids[3]!, -5);
      expect(kind.list(d)).toEqual([ids[3], ids[1], ids[2], ids[0]]);
      kind.move(d, ids[3]!, 99);
      expect(kind.list(d)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
    });

    it(`${kind.name}: renumbers once floating point runs out between neighbours`, () => {
      const { docs: [doc] } = session(1);
      const d = doc!;
      for (const id of kind.list(d)) if (kind.name === 'boards') M.deleteBoard(d, id, 1);
      const ids = [1, 2, 3].map((n) => kind.add(d, n));
      // Keep squeezing the last one between the first two: halving runs out after ~50 moves.
      for (let i = 0; i < 80; i++) {
        kind.move(d, ids[2]!, 1);
        kind.move(d, ids[1]!, 1);
      }
      const list = kind.list(d);
      expect(new Set(list).size).toBe(3);
      kind.move(d, list[2]!, 1);
      expect(kind.list(d)).toEqual([list[0], list[2], list[1]]);
    });

    it(`${kind.name}: concurrent moves converge to one order on every peer`, () => {
      const { docs: [a, b] } = session(2);
      for (const id of kind.list(a!)) if (kind.name === 'boards') M.deleteBoard(a!, id, 1);
      const ids = [1, 2, 3, 4].map((n) => kind.add(a!, n));
      syncAll(a!, b!);
      kind.move(a!, ids[0]!, 3);
      kind.move(b!, ids[3]!, 0);
      syncAll(a!, b!);
      expect(kind.list(a!)).toEqual(kind.list(b!));
      expect(new Set(kind.list(a!)).size).toBe(4);
    });
  }
});

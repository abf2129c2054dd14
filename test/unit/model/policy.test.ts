import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import { session, syncAll } from './helpers';
import { createPeers } from './sim/peer';
import { Rng } from './sim/prng';
import { randomOp } from './sim/random-ops';

const FAC = 'fac-a';
const ANA = 'participant-ana';
const BEN = 'participant-ben';

/** A managed session (fac-a created it) with one note by each participant on the first board. */
function room() {
  const { docs, boardId } = session(2);
  const doc = docs[0]!;
  const anaNote = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'ana', authorId: ANA });
  const benNote = M.addNote(doc, { boardId, pos: { x: 300, y: 0 }, now: 3, text: 'ben', authorId: BEN });
  syncAll(...docs);
  const fac = M.personIn(doc, FAC);
  const ana = M.personIn(doc, ANA);
  const ben = M.personIn(doc, BEN);
  return { docs, doc, boardId, anaNote, benNote, fac, ana, ben };
}

const NOTE_EDITS = ['editNote', 'moveNote', 'colourNote', 'tagNote', 'clusterNote', 'deleteNote'] as const;
const FACILITATOR_ONLY = ['lockBoard', 'reveal', 'startTimer', 'changeCode', 'manageFacilitators', 'manageVoting', 'editAgenda', 'editSettings'] as const;

describe('personIn', () => {
  it('reads the facilitator role from the doc, by device id', () => {
    const { fac, ana } = room();
    expect(fac).toEqual({ id: FAC, facilitator: true });
    expect(ana).toEqual({ id: ANA, facilitator: false });
  });

  it('makes everyone a facilitator of an unmanaged doc (sessions from before creators were recorded)', () => {
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'Old', firstBoardTitle: 'Main', now: 1 });
    const anyone = M.personIn(doc, 'anyone');
    expect(anyone.facilitator).toBe(true);
    for (const action of FACILITATOR_ONLY) expect(M.can(doc, anyone, action, { boardId }).allowed, action).toBe(true);
  });

  it('follows the doc when a facilitator adds or removes another', () => {
    const { doc } = room();
    M.addFacilitator(doc, FAC, { clientId: ANA, name: 'Ana', now: 5 });
    expect(M.personIn(doc, ANA).facilitator).toBe(true);
    M.removeFacilitator(doc, FAC, ANA, 6);
    expect(M.personIn(doc, ANA).facilitator).toBe(false);
  });
});

describe('can: facilitator-only actions', () => {
  it('refuses participants with facilitatorOnly and allows facilitators', () => {
    const { doc, boardId, fac, ana } = room();
    for (const action of FACILITATOR_ONLY) {
      expect(M.can(doc, ana, action, { boardId }), action).toEqual({ allowed: false, reason: 'facilitatorOnly' });
      expect(M.can(doc, fac, action, { boardId }), action).toEqual({ allowed: true });
    }
  });

  it('keeps everyday actions open to participants', () => {
    const { doc, boardId, anaNote, ana } = room();
    expect(M.can(doc, ana, 'addNote', { boardId }).allowed).toBe(true);
    expect(M.can(doc, ana, 'addBoard').allowed).toBe(true);
    expect(M.can(doc, ana, 'editBoard', { boardId }).allowed).toBe(true);
    for (const action of NOTE_EDITS) expect(M.can(doc, ana, action, { noteId: anaNote }).allowed, action).toBe(true);
  });
});

describe('can: agrees with the model operations that check the role themselves', () => {
  for (const id of [FAC, ANA]) {
    it(`${id}: lock, reveal, timer and facilitators succeed exactly when can() allows them`, () => {
      const { doc, boardId } = room();
      const person = M.personIn(doc, id);
      const expectAgreement = (action: M.Action, done: boolean) => expect(done, action).toBe(M.can(doc, person, action, { boardId }).allowed);
      expectAgreement('lockBoard', M.setBoardLocked(doc, id, boardId, true));
      expectAgreement('reveal', M.setPrivateMode(doc, id, true));
      expectAgreement('startTimer', M.startTimer(doc, id, 60_000, 10));
      expectAgreement('manageFacilitators', M.addFacilitator(doc, id, { clientId: 'someone', name: 'S', now: 11 }));
    });
  }
});

describe('can: board locks', () => {
  it('a locked board refuses participants every note edit, adding and board edits; facilitators keep them', () => {
    const { doc, boardId, anaNote, fac, ana } = room();
    expect(M.setBoardLocked(doc, FAC, boardId, true)).toBe(true);
    expect(M.can(doc, ana, 'addNote', { boardId })).toEqual({ allowed: false, reason: 'boardLocked' });
    expect(M.can(doc, ana, 'editBoard', { boardId })).toEqual({ allowed: false, reason: 'boardLocked' });
    for (const action of [...NOTE_EDITS, 'restoreNote'] as const) {
      expect(M.can(doc, ana, action, { noteId: anaNote }), action).toEqual({ allowed: false, reason: 'boardLocked' });
      expect(M.can(doc, fac, action, { noteId: anaNote }).allowed, action).toBe(true);
    }
    // Seeing is not editing: a locked board is still shown.
    expect(M.can(doc, ana, 'seeNote', { noteId: anaNote }).allowed).toBe(true);
    expect(M.canEditBoard(doc, ANA, boardId)).toBe(false);
    expect(M.canEditBoard(doc, FAC, boardId)).toBe(true);
  });

  it('a lock on one board leaves the others editable, and unlocking restores editing', () => {
    const { doc, boardId, anaNote, ana } = room();
    const other = M.addBoard(doc, { title: 'Second', now: 4 });
    M.setBoardLocked(doc, FAC, boardId, true);
    expect(M.can(doc, ana, 'addNote', { boardId: other }).allowed).toBe(true);
    M.setBoardLocked(doc, FAC, boardId, false);
    expect(M.can(doc, ana, 'moveNote', { noteId: anaNote }).allowed).toBe(true);
  });

  it('a participant cannot lock: the model refuses the write too', () => {
    const { doc, boardId, ana } = room();
    expect(M.setBoardLocked(doc, ANA, boardId, true)).toBe(false);
    expect(M.can(doc, ana, 'addNote', { boardId }).allowed).toBe(true);
  });
});

describe('can: read-only docs', () => {
  it('a doc from a newer schema refuses every write, to facilitators too, but still shows notes', () => {
    const { doc, boardId, anaNote, fac } = room();
    doc.transact(() => M.metaMap(doc).set('schemaVersion', M.SCHEMA_VERSION + 1));
    for (const action of M.ACTIONS) {
      const decision = M.can(doc, fac, action, { boardId, noteId: anaNote });
      if (action === 'seeNote' || action === 'changeCode') expect(decision.allowed, action).toBe(true);
      else expect(decision, action).toEqual({ allowed: false, reason: 'readOnly' });
    }
  });
});

describe('can: private mode', () => {
  it('participants see and edit only their own notes until the reveal; facilitators see all', () => {
    const { doc, anaNote, benNote, fac, ana } = room();
    M.setPrivateMode(doc, FAC, true);
    expect(M.can(doc, ana, 'seeNote', { noteId: anaNote }).allowed).toBe(true);
    expect(M.can(doc, ana, 'editNote', { noteId: anaNote }).allowed).toBe(true);
    for (const action of [...NOTE_EDITS, 'seeNote'] as const) {
      expect(M.can(doc, ana, action, { noteId: benNote }), action).toEqual({ allowed: false, reason: 'privateNote' });
      expect(M.can(doc, fac, action, { noteId: benNote }).allowed, action).toBe(true);
    }
    expect(M.canSeeNote(doc, ANA, { authorId: BEN })).toBe(false);
    M.setPrivateMode(doc, FAC, false);
    expect(M.can(doc, ana, 'editNote', { noteId: benNote }).allowed).toBe(true);
  });

  it('a note with no recorded author is nobody’s own while private', () => {
    const { doc, boardId, ana } = room();
    const anonymous = M.addNote(doc, { boardId, pos: { x: 0, y: 500 }, now: 4 });
    M.setPrivateMode(doc, FAC, true);
    expect(M.can(doc, M.personIn(doc, ''), 'seeNote', { noteId: anonymous }).allowed).toBe(false);
    expect(M.can(doc, ana, 'seeNote', { noteId: anonymous }).allowed).toBe(false);
  });

  it('a hidden note gives privateNote before any other reason, so a denial reveals nothing', () => {
    const { doc, boardId, benNote, ana } = room();
    M.setPrivateMode(doc, FAC, true);
    M.setBoardLocked(doc, FAC, boardId, true);
    M.deleteNote(doc, benNote, 5);
    expect(M.can(doc, ana, 'restoreNote', { noteId: benNote })).toEqual({ allowed: false, reason: 'privateNote' });
  });
});

describe('can: deleted and missing targets', () => {
  it('a deleted note may only be restored', () => {
    const { doc, anaNote, ana } = room();
    M.deleteNote(doc, anaNote, 5);
    for (const action of NOTE_EDITS) expect(M.can(doc, ana, action, { noteId: anaNote }), action).toEqual({ allowed: false, reason: 'deleted' });
    expect(M.can(doc, ana, 'restoreNote', { noteId: anaNote }).allowed).toBe(true);
  });

  it('notes on a deleted board are out of reach until the board is restored', () => {
    const { doc, boardId, anaNote, fac } = room();
    M.deleteBoard(doc, boardId, 5);
    expect(M.can(doc, fac, 'editNote', { noteId: anaNote })).toEqual({ allowed: false, reason: 'deleted' });
    expect(M.can(doc, fac, 'restoreNote', { noteId: anaNote })).toEqual({ allowed: false, reason: 'deleted' });
    expect(M.can(doc, fac, 'addNote', { boardId })).toEqual({ allowed: false, reason: 'deleted' });
    expect(M.can(doc, fac, 'lockBoard', { boardId })).toEqual({ allowed: false, reason: 'deleted' });
    expect(M.can(doc, fac, 'restoreBoard', { boardId }).allowed).toBe(true);
    M.restoreBoard(doc, boardId);
    expect(M.can(doc, fac, 'editNote', { noteId: anaNote }).allowed).toBe(true);
  });

  it('unknown or missing targets are notFound', () => {
    const { doc, fac } = room();
    expect(M.can(doc, fac, 'editNote', { noteId: 'nope' })).toEqual({ allowed: false, reason: 'notFound' });
    expect(M.can(doc, fac, 'editNote')).toEqual({ allowed: false, reason: 'notFound' });
    expect(M.can(doc, fac, 'addNote', { boardId: 'nope' })).toEqual({ allowed: false, reason: 'notFound' });
    expect(M.can(doc, fac, 'vote', { roundId: 'nope', noteId: 'x' })).toEqual({ allowed: false, reason: 'notFound' });
  });
});

describe('can: voting', () => {
  function voting(budget = 1) {
    const r = room();
    const roundId = M.createVotingRound(r.doc, { title: 'Priorities', now: 4, budget, scope: { boardIds: [r.boardId] } });
    return { ...r, roundId };
  }

  it('votes only while the round is open, on notes in scope, within the budget', () => {
    const { doc, anaNote, benNote, ana, fac, roundId } = voting(1);
    expect(M.can(doc, ana, 'vote', { roundId, noteId: benNote })).toEqual({ allowed: false, reason: 'votingClosed' });
    expect(M.can(doc, ana, 'manageVoting', { roundId })).toEqual({ allowed: false, reason: 'facilitatorOnly' });
    expect(M.can(doc, fac, 'manageVoting', { roundId }).allowed).toBe(true);
    M.openVotingRound(doc, roundId);
    expect(M.can(doc, ana, 'vote', { roundId, noteId: benNote }).allowed).toBe(true);
    expect(M.castVote(doc, { roundId, voterId: ANA, noteId: benNote })).not.toBeNull();
    expect(M.can(doc, ana, 'vote', { roundId, noteId: anaNote })).toEqual({ allowed: false, reason: 'noVotesLeft' });
    expect(M.can(doc, ana, 'retractVote', { roundId, noteId: benNote }).allowed).toBe(true);
    expect(M.can(doc, fac, 'vote', { roundId, noteId: anaNote }).allowed).toBe(true);
    M.closeVotingRound(doc, roundId);
    expect(M.can(doc, fac, 'vote', { roundId, noteId: anaNote })).toEqual({ allowed: false, reason: 'votingClosed' });
    expect(M.can(doc, ana, 'retractVote', { roundId, noteId: benNote })).toEqual({ allowed: false, reason: 'votingClosed' });
  });

  it('a note outside the round’s scope cannot get votes', () => {
    const { doc, ana, roundId } = voting(3);
    const other = M.addBoard(doc, { title: 'Other', now: 5 });
    const outside = M.addNote(doc, { boardId: other, pos: { x: 0, y: 0 }, now: 6, authorId: BEN });
    M.openVotingRound(doc, roundId);
    expect(M.can(doc, ana, 'vote', { roundId, noteId: outside })).toEqual({ allowed: false, reason: 'notInScope' });
  });

  it('a deleted round is deleted for everyone', () => {
    const { doc, fac, roundId, anaNote } = voting();
    M.deleteVotingRound(doc, roundId, 5);
    expect(M.can(doc, fac, 'manageVoting', { roundId })).toEqual({ allowed: false, reason: 'deleted' });
    expect(M.can(doc, fac, 'vote', { roundId, noteId: anaNote })).toEqual({ allowed: false, reason: 'deleted' });
  });
});

describe('can: honoured on every peer', () => {
  it('two synced replicas give the same answer for every person, action and target', () => {
    const { docs, boardId, anaNote, benNote } = room();
    const [a, b] = docs as [Y.Doc, Y.Doc];
    // Edits made on different peers: lock and private mode on A, a deletion and a round on B.
    M.setBoardLocked(a, FAC, boardId, true);
    M.setPrivateMode(a, FAC, true);
    syncAll(a, b);
    M.deleteNote(b, benNote, 7);
    const roundId = M.createVotingRound(b, { title: 'R', now: 8, scope: { boardIds: [boardId] } });
    M.openVotingRound(b, roundId);
    syncAll(a, b);
    const targets: M.Target[] = [{}, { boardId }, { noteId: anaNote }, { noteId: benNote }, { roundId, noteId: anaNote }, { roundId }];
    let denied = 0;
    for (const id of [FAC, ANA, BEN]) {
      for (const action of M.ACTIONS) {
        for (const target of targets) {
          const onA = M.can(a, M.personIn(a, id), action, target);
          expect(M.can(b, M.personIn(b, id), action, target), `${id} ${action} ${JSON.stringify(target)}`).toEqual(onA);
          if (!onA.allowed) denied++;
        }
      }
    }
    // The comparison means something only if the replicas do refuse things.
    expect(denied).toBeGreaterThan(20);
  });

  for (const seed of [21, 22, 23, 24]) {
    it(`after random concurrent edits and a merge, every peer answers alike (seed ${seed})`, () => {
      const rng = new Rng(seed);
      let now = 1_700_000_000_000;
      const peers = createPeers(rng, 3, now);
      for (let step = 0; step < 150; step++) {
        now += rng.int(1, 2_000);
        randomOp({ peer: rng.pick(peers)!, rng, now });
        if (rng.next() < 0.15) syncAll(...peers.map((p) => p.doc));
      }
      // Random locks and private mode on top, by a facilitator device, before the final merge.
      const host = peers[0]!.doc;
      for (const board of M.listBoards(host)) if (rng.next() < 0.5) M.setBoardLocked(host, 'device0', board.id, true);
      M.setPrivateMode(host, 'device0', rng.next() < 0.5);
      syncAll(...peers.map((p) => p.doc));
      const [first, ...others] = peers.map((p) => p.doc);
      const targets: M.Target[] = [
        {},
        ...M.listAllBoards(first!).map((b) => ({ boardId: b.id })),
        ...[...M.notesMap(first!).keys()].map((noteId) => ({ noteId })),
        ...M.listRounds(first!).flatMap((r) => [{ roundId: r.id }, ...[...M.notesMap(first!).keys()].slice(0, 5).map((noteId) => ({ roundId: r.id, noteId }))]),
      ];
      const answers = (doc: Y.Doc) =>
        ['device0', 'device2', 'user0', 'stranger'].flatMap((id) => M.ACTIONS.flatMap((action) => targets.map((target) => M.can(doc, M.personIn(doc, id), action, target))));
      const reference = answers(first!);
      expect(reference.filter((d) => !d.allowed).length).toBeGreaterThan(0);
      for (const doc of others) expect(answers(doc)).toEqual(reference);
    });
  }

  it('a lock made on one peer applies on the other once synced', () => {
    const { docs, boardId, anaNote } = room();
    const [a, b] = docs as [Y.Doc, Y.Doc];
    M.setBoardLocked(a, FAC, boardId, true);
    expect(M.can(b, M.personIn(b, ANA), 'moveNote', { noteId: anaNote }).allowed).toBe(true);
    syncAll(a, b);
    expect(M.can(b, M.personIn(b, ANA), 'moveNote', { noteId: anaNote })).toEqual({ allowed: false, reason: 'boardLocked' });
  });
});

describe('deny reasons', () => {
  it('every reason has a message in every catalog', () => {
    for (const reason of M.DENY_REASONS) {
      expect(en.policy[reason], reason).toBeTruthy();
      expect(pl.policy[reason], reason).toBeTruthy();
    }
    expect(Object.keys(en.policy).sort()).toEqual([...M.DENY_REASONS].sort());
  });
});

describe('a full board', () => {
  it(`takes no more notes once it holds ${M.MAX_NOTES_PER_BOARD}; deleting one makes room; other boards are not affected`, () => {
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
    const other = M.addBoard(doc, { title: 'Other', now: 1 });
    const anna = M.personIn(doc, 'fac');
    let last = '';
    doc.transact(() => {
      for (let i = 0; i < M.MAX_NOTES_PER_BOARD - 1; i++) last = M.addNote(doc, { boardId, pos: { x: i, y: 0 }, now: 2 });
    });
    expect(M.can(doc, anna, 'addNote', { boardId })).toEqual({ allowed: true });
    M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 3 });
    expect(M.can(doc, anna, 'addNote', { boardId })).toEqual({ allowed: false, reason: 'boardFull' });
    expect(M.can(doc, anna, 'addNote', { boardId: other })).toEqual({ allowed: true });
    M.deleteNote(doc, last, 4);
    expect(M.can(doc, anna, 'addNote', { boardId })).toEqual({ allowed: true });
  });
});

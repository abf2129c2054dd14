import { describe, expect, it } from 'vitest';
import * as M from '../../../shared/model';
import { session, syncAll } from './helpers';

const FAC = 'fac-a';
const ANA = 'participant-ana';
const BEN = 'participant-ben';

describe('private brainstorm', () => {
  it('a private note is seen by its author and facilitators only, until revealed', () => {
    const { docs, boardId } = session(3);
    const [fac, ana, ben] = docs as [typeof docs[0], typeof docs[0], typeof docs[0]];
    expect(M.setBoardPrivate(ana, ANA, boardId, true)).toBe(false);
    expect(M.setBoardPrivate(fac, FAC, boardId, true)).toBe(true);
    syncAll(...docs);
    expect(M.isBoardPrivate(ben, boardId)).toBe(true);
    const secret = M.addNote(ana, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'ana secret', authorId: ANA, private: true });
    const open = M.addNote(ben, { boardId, pos: { x: 400, y: 0 }, now: 3, text: 'ben public', authorId: BEN });
    syncAll(...docs);
    const seen = (doc: typeof fac, who: string) => M.listNotesSeenBy(doc, boardId, M.personIn(doc, who)).map((n) => n.text).sort();
    expect(seen(ben, BEN)).toEqual(['ben public']);
    expect(seen(ana, ANA)).toEqual(['ana secret', 'ben public']);
    expect(seen(fac, FAC)).toEqual(['ana secret', 'ben public']);
    expect(M.can(ben, M.personIn(ben, BEN), 'editNote', { noteId: secret })).toEqual({ allowed: false, reason: 'privateNote' });
    expect(M.searchNotes(ben, 'secret', { canSee: (n) => M.noteVisibleTo(ben, M.personIn(ben, BEN), n) })).toHaveLength(0);

    expect(M.revealNote(fac, secret)).toBe(true);
    syncAll(...docs);
    expect(seen(ben, BEN)).toEqual(['ana secret', 'ben public']);
    expect(M.getNote(ben, secret)!.private).toBe(false);
    expect(M.revealNote(fac, open)).toBe(false);
  });
});

describe('zone lock', () => {
  it('stops participants adding, editing and moving in the zone, not facilitators', () => {
    const { docs, boardId } = session(2);
    const [fac, ana] = docs as [typeof docs[0], typeof docs[0]];
    const zoneId = M.addZone(fac, { boardId, label: 'Barriers', rect: { x: 0, y: 0, w: 600, h: 600 } });
    const note = M.addNote(fac, { boardId, pos: { x: 10, y: 10 }, now: 2, text: 'in zone', authorId: ANA });
    expect(M.setZoneLocked(ana, ANA, zoneId, true)).toBe(false);
    expect(M.setZoneLocked(fac, FAC, zoneId, true)).toBe(true);
    syncAll(...docs);
    const a = M.personIn(ana, ANA);
    expect(M.can(ana, a, 'editNote', { noteId: note })).toEqual({ allowed: false, reason: 'zoneLocked' });
    expect(M.can(ana, a, 'moveNote', { noteId: note })).toEqual({ allowed: false, reason: 'zoneLocked' });
    expect(M.can(ana, a, 'addNote', { boardId, zoneId })).toEqual({ allowed: false, reason: 'zoneLocked' });
    expect(M.can(ana, a, 'addNote', { boardId, zoneId: null }).allowed).toBe(true);
    expect(M.can(fac, M.personIn(fac, FAC), 'editNote', { noteId: note }).allowed).toBe(true);
    expect(M.readSettings(ana).lockedZoneIds).toEqual([zoneId]);
    M.setZoneLocked(fac, FAC, zoneId, false);
    syncAll(...docs);
    expect(M.can(ana, a, 'editNote', { noteId: note }).allowed).toBe(true);
  });
});

describe('agenda progress', () => {
  it('starting an activity finishes the previous one and measures actual against planned', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const intro = M.addAgendaItem(doc, { title: 'Intro', minutes: 10 });
    const ideas = M.addAgendaItem(doc, { title: 'Ideas', minutes: 20 });
    const vote = M.addAgendaItem(doc, { title: 'Vote', minutes: 5 });
    expect(M.nextAgendaItem(doc)?.id).toBe(intro);
    const t0 = 1_000_000;
    M.startAgendaItem(doc, intro, t0);
    expect(M.currentAgendaItem(doc)?.id).toBe(intro);
    expect(M.nextAgendaItem(doc)?.id).toBe(ideas);
    expect(M.agendaProgress(M.getAgendaItem(doc, intro)!, t0 + 4 * 60_000)).toEqual({ actualMinutes: 4, overMinutes: -6 });
    M.startAgendaItem(doc, ideas, t0 + 13 * 60_000);
    const done = M.getAgendaItem(doc, intro)!;
    expect(done.status).toBe('done');
    // Later reads do not grow a finished activity's time.
    expect(M.agendaProgress(done, t0 + 60 * 60_000)).toEqual({ actualMinutes: 13, overMinutes: 3 });
    expect(M.nextAgendaItem(doc)?.id).toBe(vote);
    expect(M.agendaProgress(M.getAgendaItem(doc, vote)!, t0)).toEqual({ actualMinutes: null, overMinutes: null });
    M.finishAgendaItem(doc, ideas, t0 + 30 * 60_000);
    expect(M.currentAgendaItem(doc)).toBeNull();
    expect(M.agendaProgress(M.getAgendaItem(doc, ideas)!, t0 + 99 * 60_000).actualMinutes).toBe(17);
  });
});

describe('votes split by governance level', () => {
  it('ranks each level’s counted votes apart, over-budget votes left out', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const a = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'A' });
    const b = M.addNote(doc, { boardId, pos: { x: 300, y: 0 }, now: 3, text: 'B' });
    const roundId = M.createVotingRound(doc, { title: 'R', budget: 2, scope: { boardIds: [boardId], zoneIds: [] }, anonymous: true, onePerNote: false, hideResults: true, now: 4 });
    M.openVotingRound(doc, roundId);
    M.castVote(doc, { roundId, voterId: 'nat', noteId: a, level: 'national' });
    M.castVote(doc, { roundId, voterId: 'nat', noteId: a, level: 'national' });
    expect(M.castVote(doc, { roundId, voterId: 'nat', noteId: b, level: 'national' })).toBeNull();
    M.castVote(doc, { roundId, voterId: 'city', noteId: b, level: 'local' });
    M.castVote(doc, { roundId, voterId: 'anon', noteId: b });
    M.closeVotingRound(doc, roundId);
    expect(M.voteTotals(doc, roundId)).toEqual([
      { noteId: a, votes: 2 },
      { noteId: b, votes: 2 },
    ].sort((x, y) => y.votes - x.votes || (x.noteId < y.noteId ? -1 : 1)));
    expect(M.totalsByLevel(doc, roundId)).toEqual([
      { level: 'national', votes: 2, totals: [{ noteId: a, votes: 2 }] },
      { level: 'local', votes: 1, totals: [{ noteId: b, votes: 1 }] },
      { level: null, votes: 1, totals: [{ noteId: b, votes: 1 }] },
    ]);
  });
});

describe('named and anonymous rounds', () => {
  it('a named round keeps who voted; an anonymous one keeps no name and hides voter ids', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const a = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'A' });
    const named = M.createVotingRound(doc, { title: 'named', now: 3, anonymous: false });
    const secret = M.createVotingRound(doc, { title: 'secret', now: 4, anonymous: true });
    for (const id of [named, secret]) {
      M.openVotingRound(doc, id);
      M.castVote(doc, { roundId: id, voterId: 'ola-device', noteId: a, name: 'Ola' });
    }
    expect(M.listBallots(doc, named).map((b) => [b.voterId, b.voterName])).toEqual([['ola-device', 'Ola']]);
    expect(M.listBallots(doc, secret).map((b) => [b.voterId, b.voterName])).toEqual([[null, '']]);
    // Not even in the doc: an anonymous vote's value carries no name.
    const stored = [...M.votesMap(doc).values()].map((v) => JSON.stringify(v));
    expect(stored.filter((v) => v.includes('Ola'))).toHaveLength(1);
  });
});

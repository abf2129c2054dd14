import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { archiveState } from '../../../shared/export';

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

function votingSession() {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
  const a = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'A' });
  const b = M.addNote(doc, { boardId, pos: { x: 300, y: 0 }, now: 2, text: 'B' });
  const round = (anonymous: boolean, close: boolean) => {
    const id = M.createVotingRound(doc, { title: anonymous ? 'anon' : 'named', now: 3, budget: 2, scope: { boardIds: [boardId] }, anonymous });
    M.openVotingRound(doc, id);
    M.castVote(doc, { roundId: id, voterId: 'device-ola-0001', noteId: a, name: 'Ola' });
    M.castVote(doc, { roundId: id, voterId: 'device-ola-0001', noteId: b, name: 'Ola' });
    M.castVote(doc, { roundId: id, voterId: 'device-jan-0002', noteId: a, name: 'Jan' });
    if (close) M.closeVotingRound(doc, id);
    return id;
  };
  return { doc, closedAnon: round(true, true), named: round(false, true), openAnon: round(true, false), a, b };
}

describe('the archive and anonymous votes', () => {
  it('holds no voter id of a closed anonymous round, yet counts its votes exactly as before', () => {
    const { doc, closedAnon, named, openAnon, a, b } = votingSession();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, archiveState(doc));
    for (const id of [closedAnon, named, openAnon]) expect(M.voteTotals(copy, id)).toEqual(M.voteTotals(doc, id));
    expect(M.voteTotals(copy, closedAnon)).toEqual([
      { noteId: a, votes: 2 },
      { noteId: b, votes: 1 },
    ]);
    const voters = (d: Y.Doc, round: string) => M.listBallots(d, round).map((x) => x.voterId);
    // A named round keeps its voters; an open anonymous round keeps ids so people can still take votes back.
    expect(new Set(M.listBallots(copy, closedAnon).map((x) => x.voterName))).toEqual(new Set(['']));
    const raw = [...M.votesMap(copy).values()] as { roundId: string; voterId: string }[];
    const closedVoters = new Set(raw.filter((v) => v.roundId === closedAnon).map((v) => v.voterId));
    expect(closedVoters.size).toBe(2); // still two different people
    for (const v of closedVoters) expect(v).toMatch(/^anon-[0-9a-f]{24}$/);
    expect(raw.filter((v) => v.roundId !== closedAnon).every((v) => v.voterId.startsWith('device-'))).toBe(true);
    expect(voters(doc, named)).toEqual(voters(copy, named));
  });

  it('leaves no trace of those ids in the bytes once only closed anonymous rounds hold them', () => {
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    const note = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    const id = M.createVotingRound(doc, { title: 'r', now: 3, scope: { boardIds: [boardId] }, anonymous: true });
    M.openVotingRound(doc, id);
    M.castVote(doc, { roundId: id, voterId: 'device-secret-7', noteId: note });
    M.closeVotingRound(doc, id);
    expect(has(Y.encodeStateAsUpdate(doc), 'device-secret-7')).toBe(true);
    expect(has(archiveState(doc), 'device-secret-7')).toBe(false);
  });
});

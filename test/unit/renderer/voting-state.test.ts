import { describe, expect, it } from 'vitest';
import type { VotingRound } from '../../../shared/model';
import { keepUnchanged, type VotingState } from '../../../renderer/workshop/use-voting';

const round = (id: string, status: VotingRound['status']): VotingRound => ({
  id,
  title: `Round ${id}`,
  budget: 3,
  scope: { boardIds: ['b1'] },
  anonymous: false,
  onePerNote: false,
  hideResults: false,
  status,
  countedVoteIds: status === 'closed' ? ['v1'] : null,
  createdAt: 1,
  deletedAt: null,
} as VotingRound);

function state(closedIds: string[], open: string | null, mine: [string, number][] = []): VotingState {
  const closed = closedIds.map((id) => round(id, 'closed'));
  return { round: open ? round(open, 'open') : null, lastClosed: closed.at(-1) ?? null, closed, mine: new Map(mine), totals: new Map(mine), votesLeft: 3 - mine.length };
}

describe('the voting state read again after a change elsewhere (a note added)', () => {
  it('is the very same state when nothing about rounds or votes changed: nothing re-renders', () => {
    const prev = state(['r1', 'r2'], 'r3', [['n1', 1]]);
    expect(keepUnchanged(prev, state(['r1', 'r2'], 'r3', [['n1', 1]]))).toBe(prev);
  });

  it('keeps the parts that did not change and takes the ones that did', () => {
    const prev = state(['r1'], 'r2', [['n1', 1]]);
    const next = keepUnchanged(prev, state(['r1'], 'r2', [['n1', 1], ['n2', 1]]));
    expect(next).not.toBe(prev);
    expect(next.closed).toBe(prev.closed);
    expect(next.lastClosed).toBe(prev.lastClosed);
    expect(next.round).toBe(prev.round);
    expect(next.mine).not.toBe(prev.mine);
    expect([...next.mine]).toEqual([['n1', 1], ['n2', 1]]);
    expect(next.votesLeft).toBe(1);

    const closedNow = keepUnchanged(next, state(['r1', 'r2'], null));
    expect(closedNow.round).toBeNull();
    expect(closedNow.closed.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(closedNow.lastClosed?.id).toBe('r2');
  });
});

import type * as Y from 'yjs';
import { closeVotingRound, createVotingRound, getRound, openVotingRound, retractVote } from '../../shared/model';
import type { DecisionSubject } from '../../shared/model';
import type { Action, Target } from '../../shared/model/policy';
import type { Clock } from './clock';

export interface VotingOptions {
  boardId: string;
  title: string;
  budget: number;
  anonymous: boolean;
  onePerNote: boolean;
  hideResults: boolean;
  /** Only notes in these zones of the board take votes; empty: every note of the board. */
  zoneIds?: readonly string[];
}

/** Dot voting: the facilitator opens and ends a round; anyone takes back their own vote. */
export interface VotingActions {
  /** A new round on one board, open at once; null when refused. */
  startVoting(options: VotingOptions): string | null;
  endVoting(roundId: string): boolean;
  retractVote(roundId: string, noteId: string): boolean;
}

interface Context {
  doc: Y.Doc;
  me: { deviceId: string };
  clock: Clock;
  allowed: (action: Action, target: Target) => boolean;
  step: <T>(edit: () => T) => T;
  decide: (subject: DecisionSubject) => void;
}

export function createVotingActions({ doc, me, clock, allowed, step, decide }: Context): VotingActions {
  return {
    startVoting(o) {
      if (!allowed('manageVoting', {})) return null;
      return step(() => {
        const id = createVotingRound(doc, {
          title: o.title,
          now: clock.now(),
          budget: o.budget,
          scope: { boardIds: [o.boardId], zoneIds: [...(o.zoneIds ?? [])] },
          anonymous: o.anonymous,
          onePerNote: o.onePerNote,
          hideResults: o.hideResults,
        });
        openVotingRound(doc, id);
        decide({ kind: 'votingStarted', roundId: id });
        return id;
      });
    },
    endVoting(roundId) {
      if (!allowed('manageVoting', { roundId })) return false;
      step(() => {
        if (getRound(doc, roundId)?.status !== 'open') return;
        closeVotingRound(doc, roundId);
        decide({ kind: 'votingEnded', roundId });
      });
      return true;
    },
    retractVote(roundId, noteId) {
      if (!allowed('retractVote', { roundId, noteId })) return false;
      return step(() => retractVote(doc, { roundId, voterId: me.deviceId, noteId }));
    },
  };
}

import type * as Y from 'yjs';
import { votesMap } from './doc-roots';
import { randomId } from './ids';
import { getNote } from './notes';
import { isBoardLive } from './boards';
import { cleanLine, compareIds, isPlainObject } from './validate';
import { GOVERNANCE_LEVELS, isGovernanceLevel, type GovernanceLevel } from './governance';
import { getRound, listRounds, writeClosedState, type VotingRound } from './voting-rounds';
import { mutate } from './write';

/**
 * Votes: one immutable plain value per vote, keyed by a random vote id, in a root map. Casting
 * adds a key, retracting removes it; nothing is ever edited, so there is nothing to merge.
 *
 * The budget rule (deterministic on every peer, computed from doc content alone):
 * - each vote carries `seq`: 1 + the highest seq of that voter's votes in the round the casting
 *   device could see. A voter's votes are ordered by (seq, vote id); the first `budget` of the
 *   voter's *eligible* votes count, later ones are "over budget" and ignored in totals.
 *   Two devices of one voter casting the last vote at once both write the same seq; the vote id
 *   breaks the tie, the same way everywhere. Wall clocks and Yjs client ids play no part.
 * - eligible: the note exists, is not deleted, its board is not deleted, and it is in the round's
 *   scope. Deleting a note gives its voters those votes back (restoring it may push a later vote
 *   over budget again — the order is stable, so the earlier vote wins).
 * - status: draft counts nothing; open counts every vote; closed counts only the votes in the
 *   closing snapshot (voting-rounds.ts), so a vote racing the close is ignored.
 * - anonymous rounds hide voter ids in the projections below. The ids are still in the doc (an
 *   honest-client feature, like private mode): a curious participant's dev tools can see them.
 */
export interface Vote {
  id: string;
  roundId: string;
  voterId: string;
  noteId: string;
  seq: number;
  /** The voter's governance level as they gave it when joining; null if they did not say. */
  level: GovernanceLevel | null;
  /** The voter's display name, kept only in named rounds ('' otherwise). */
  name: string;
}

export interface Ballot {
  id: string;
  noteId: string;
  /** Null in an anonymous round. */
  voterId: string | null;
  /** '' in an anonymous round. */
  voterName: string;
  counted: boolean;
}

export interface VoteTotal {
  noteId: string;
  votes: number;
}

const MAX_VOTER_ID_LENGTH = 128;
const MAX_VOTER_NAME_LENGTH = 100;

export function readVote(id: string, value: unknown): Vote | null {
  if (!isPlainObject(value)) return null;
  const { roundId, voterId, noteId, seq, level, name } = value;
  if (typeof roundId !== 'string' || typeof noteId !== 'string') return null;
  if (typeof voterId !== 'string' || !voterId || voterId.length > MAX_VOTER_ID_LENGTH) return null;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  return { id, roundId, voterId, noteId, seq, level: isGovernanceLevel(level) ? level : null, name: typeof name === 'string' ? cleanLine(name, MAX_VOTER_NAME_LENGTH) : '' };
}

function roundVotes(doc: Y.Doc, roundId: string): Vote[] {
  const out: Vote[] = [];
  votesMap(doc).forEach((value, id) => {
    const vote = readVote(id, value);
    if (vote && vote.roundId === roundId) out.push(vote);
  });
  return out;
}

function byVoteOrder(a: Vote, b: Vote): number {
  return a.seq - b.seq || compareIds(a.id, b.id);
}

/** Whether a note can receive votes in a round right now (ignores the round's status). */
export function isNoteInScope(doc: Y.Doc, round: VotingRound, noteId: string): boolean {
  const note = getNote(doc, noteId);
  if (!note || note.deletedAt !== null || !isBoardLive(doc, note.boardId)) return false;
  if (round.scope.boardIds.length > 0 && !round.scope.boardIds.includes(note.boardId)) return false;
  if (round.scope.zoneIds.length > 0 && (note.zoneId === null || !round.scope.zoneIds.includes(note.zoneId))) return false;
  return true;
}

interface Tally {
  round: VotingRound | null;
  /** Every vote of the round, each marked counted or not, in (voter, seq, id) order. */
  ballots: { vote: Vote; counted: boolean }[];
}

/** The one place the budget rule lives; every projection below goes through it. */
export function tally(doc: Y.Doc, roundId: string): Tally {
  const round = getRound(doc, roundId);
  const votes = roundVotes(doc, roundId);
  if (!round || round.deletedAt !== null) return { round, ballots: votes.map((vote) => ({ vote, counted: false })) };
  const snapshot = round.status === 'closed' && round.countedVoteIds ? new Set(round.countedVoteIds) : null;
  const scopeCache = new Map<string, boolean>();
  const eligible = (v: Vote) => {
    if (round.status === 'draft' || (snapshot && !snapshot.has(v.id))) return false;
    let ok = scopeCache.get(v.noteId);
    if (ok === undefined) scopeCache.set(v.noteId, (ok = isNoteInScope(doc, round, v.noteId)));
    return ok;
  };
  const byVoter = new Map<string, Vote[]>();
  for (const v of votes) byVoter.set(v.voterId, [...(byVoter.get(v.voterId) ?? []), v]);
  const ballots: Tally['ballots'] = [];
  for (const voter of [...byVoter.keys()].sort(compareIds)) {
    let used = 0;
    const voted = new Set<string>();
    for (const vote of byVoter.get(voter)!.sort(byVoteOrder)) {
      const counted = eligible(vote) && used < round.budget && !(round.onePerNote && voted.has(vote.noteId));
      if (counted) {
        used++;
        voted.add(vote.noteId);
      }
      ballots.push({ vote, counted });
    }
  }
  return { round, ballots };
}

/** Counted votes per note, most first (ties by note id). */
export function voteTotals(doc: Y.Doc, roundId: string): VoteTotal[] {
  const totals = new Map<string, number>();
  for (const b of tally(doc, roundId).ballots) if (b.counted) totals.set(b.vote.noteId, (totals.get(b.vote.noteId) ?? 0) + 1);
  return [...totals].map(([noteId, votes]) => ({ noteId, votes })).sort((a, b) => b.votes - a.votes || compareIds(a.noteId, b.noteId));
}

export interface LevelTotals {
  /** null: votes from people who gave no level. */
  level: GovernanceLevel | null;
  votes: number;
  totals: VoteTotal[];
}

/**
 * The ranking split by the voters' governance level, one column per level that voted (levels in
 * their fixed order, then the votes of people who gave none): what the national, regional and
 * city people each chose.
 */
export function totalsByLevel(doc: Y.Doc, roundId: string): LevelTotals[] {
  const per = new Map<GovernanceLevel | null, Map<string, number>>();
  for (const b of tally(doc, roundId).ballots) {
    if (!b.counted) continue;
    const notes = per.get(b.vote.level) ?? new Map<string, number>();
    notes.set(b.vote.noteId, (notes.get(b.vote.noteId) ?? 0) + 1);
    per.set(b.vote.level, notes);
  }
  return [...GOVERNANCE_LEVELS, null]
    .filter((level) => per.has(level))
    .map((level) => {
      const totals = [...per.get(level)!].map(([noteId, votes]) => ({ noteId, votes })).sort((a, b) => b.votes - a.votes || compareIds(a.noteId, b.noteId));
      return { level, votes: totals.reduce((s, t) => s + t.votes, 0), totals };
    });
}

export function votesLeft(doc: Y.Doc, roundId: string, voterId: string): number {
  const { round, ballots } = tally(doc, roundId);
  if (!round || round.deletedAt !== null) return 0;
  const used = ballots.filter((b) => b.counted && b.vote.voterId === voterId).length;
  return Math.max(0, round.budget - used);
}

/** Whether this voter already has a counted vote on this note in the round. */
export function hasCountedVote(doc: Y.Doc, roundId: string, voterId: string, noteId: string): boolean {
  return tally(doc, roundId).ballots.some((b) => b.counted && b.vote.voterId === voterId && b.vote.noteId === noteId);
}

/** The round voting runs in now: the newest open one (a facilitator opens one at a time). */
export function openRound(doc: Y.Doc): VotingRound | null {
  return listRounds(doc).filter((r) => r.status === 'open').sort((a, b) => b.createdAt - a.createdAt || compareIds(b.id, a.id))[0] ?? null;
}

/** Every vote of the round; voter ids hidden when the round is anonymous. */
export function listBallots(doc: Y.Doc, roundId: string): Ballot[] {
  const { round, ballots } = tally(doc, roundId);
  const anonymous = round?.anonymous !== false;
  return ballots.map((b) => ({
    id: b.vote.id,
    noteId: b.vote.noteId,
    voterId: anonymous ? null : b.vote.voterId,
    voterName: anonymous ? '' : b.vote.name,
    counted: b.counted,
  }));
}

/** One voter's own votes (their own device may always show them, anonymous or not). */
export function listMyVotes(doc: Y.Doc, roundId: string, voterId: string): Ballot[] {
  return tally(doc, roundId)
    .ballots.filter((b) => b.vote.voterId === voterId)
    .map((b) => ({ id: b.vote.id, noteId: b.vote.noteId, voterId, voterName: b.vote.name, counted: b.counted }));
}

/** Casts one vote if the round is open, the note eligible and the voter has votes left here. */
export function castVote(
  doc: Y.Doc,
  init: { roundId: string; voterId: string; noteId: string; id?: string; level?: GovernanceLevel | null; name?: string },
): string | null {
  const round = getRound(doc, init.roundId);
  if (!round || round.deletedAt !== null || round.status !== 'open') return null;
  if (!init.voterId || init.voterId.length > MAX_VOTER_ID_LENGTH) return null;
  if (!isNoteInScope(doc, round, init.noteId) || votesLeft(doc, init.roundId, init.voterId) <= 0) return null;
  if (round.onePerNote && hasCountedVote(doc, init.roundId, init.voterId, init.noteId)) return null;
  const mine = roundVotes(doc, init.roundId).filter((v) => v.voterId === init.voterId);
  const seq = mine.reduce((m, v) => Math.max(m, v.seq), 0) + 1;
  const id = init.id ?? randomId(64);
  const vote: Record<string, unknown> = { roundId: init.roundId, voterId: init.voterId, noteId: init.noteId, seq };
  if (isGovernanceLevel(init.level)) vote.level = init.level;
  // A name only where the round shows who voted: an anonymous round's votes carry none.
  const name = round.anonymous ? '' : cleanLine(init.name ?? '', MAX_VOTER_NAME_LENGTH);
  if (name) vote.name = name;
  return mutate(doc, () => votesMap(doc).set(id, vote)) ? id : null;
}

/** Takes back the voter's latest vote on a note, while the round is open. */
export function retractVote(doc: Y.Doc, init: { roundId: string; voterId: string; noteId: string }): boolean {
  if (getRound(doc, init.roundId)?.status !== 'open') return false;
  const mine = roundVotes(doc, init.roundId)
    .filter((v) => v.voterId === init.voterId && v.noteId === init.noteId)
    .sort(byVoteOrder);
  const last = mine[mine.length - 1];
  if (!last) return false;
  return mutate(doc, () => votesMap(doc).delete(last.id));
}

/** Closes a round, freezing the set of counted votes as this device sees it. */
export function closeVotingRound(doc: Y.Doc, roundId: string): void {
  const { round, ballots } = tally(doc, roundId);
  if (!round || round.status === 'closed') return;
  writeClosedState(
    doc,
    roundId,
    ballots.filter((b) => b.counted).map((b) => b.vote.id),
  );
}

import * as Y from 'yjs';
import { roundsMap, type RecordMap } from './doc-roots';
import { randomId } from './ids';
import { recordIn, tombstoneRecord } from './records';
import { clampInt, cleanLine, isPlainObject, oneOf, readNullableNumber, readNumber, readString } from './validate';
import { mutate } from './write';

/**
 * A dot-voting round: budget (votes per voter), scope (which boards/zones' notes can be voted on),
 * anonymous, status. Votes themselves are in votes.ts.
 * Concurrency choices:
 * - budget, scope, anonymous, title: LWW each; scope is one atomic value.
 * - status and the closing snapshot are ONE atomic value `state`. Closing stores the ids of the
 *   votes counted at that moment on the closer's device; a closed round counts only those, so a
 *   vote cast concurrently with the close is ignored — identically on every peer, whatever order
 *   the updates arrive in. Reopening drops the snapshot (every vote counts again). A facilitator
 *   closing while another reopens ends in one whole state, never "open with a snapshot".
 * - rounds are tombstoned, never removed, so votes always reference an existing round.
 */
export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface VotingScope {
  /** Boards whose notes can be voted on; empty means every board. */
  boardIds: string[];
  /** Zones whose notes can be voted on; empty means any zone (or none). */
  zoneIds: string[];
}

export interface VotingRound {
  id: string;
  title: string;
  budget: number;
  scope: VotingScope;
  anonymous: boolean;
  /** Each voter may give a note one vote only (else several, up to the budget). */
  onePerNote: boolean;
  /** Totals stay hidden until the round closes (everyone votes without following the crowd). */
  hideResults: boolean;
  status: RoundStatus;
  /** For a closed round: the vote ids it counts. Null when not closed (or an old/malformed close). */
  countedVoteIds: string[] | null;
  createdAt: number;
  deletedAt: number | null;
}

export const MAX_VOTE_BUDGET = 100;
export const DEFAULT_VOTE_BUDGET = 5;
export const MAX_ROUND_TITLE_LENGTH = 200;
const MAX_SCOPE_IDS = 500;

function readIdList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_SCOPE_IDS) : [];
}

export function readScope(value: unknown): VotingScope {
  if (!isPlainObject(value)) return { boardIds: [], zoneIds: [] };
  return { boardIds: readIdList(value.boardIds), zoneIds: readIdList(value.zoneIds) };
}

export function readRound(record: unknown): VotingRound | null {
  if (!(record instanceof Y.Map)) return null;
  const id = record.get('id');
  if (typeof id !== 'string') return null;
  const state = record.get('state');
  const status = isPlainObject(state) && oneOf(ROUND_STATUSES, state.status) ? state.status : 'draft';
  const counted = status === 'closed' && isPlainObject(state) && Array.isArray(state.counted) ? state.counted.filter((v): v is string => typeof v === 'string') : null;
  return {
    id,
    title: readString(record, 'title').slice(0, MAX_ROUND_TITLE_LENGTH),
    budget: clampInt(readNumber(record, 'budget', DEFAULT_VOTE_BUDGET), 0, MAX_VOTE_BUDGET),
    scope: readScope(record.get('scope')),
    anonymous: record.get('anonymous') === true,
    onePerNote: record.get('onePerNote') === true,
    // Rounds written before this option showed their totals: absent reads as shown.
    hideResults: record.get('hideResults') === true,
    status,
    countedVoteIds: counted,
    createdAt: readNumber(record, 'createdAt'),
    deletedAt: readNullableNumber(record, 'deletedAt'),
  };
}

export function roundRecord(doc: Y.Doc, roundId: string): RecordMap | null {
  return recordIn(roundsMap(doc), roundId);
}

export function getRound(doc: Y.Doc, roundId: string): VotingRound | null {
  return readRound(roundsMap(doc).get(roundId));
}

/** Live rounds, oldest first. */
export function listRounds(doc: Y.Doc): VotingRound[] {
  const out: VotingRound[] = [];
  roundsMap(doc).forEach((record) => {
    const round = readRound(record);
    if (round && round.deletedAt === null) out.push(round);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function cleanScope(scope: Partial<VotingScope> | undefined): VotingScope {
  return { boardIds: [...new Set(readIdList(scope?.boardIds))].sort(), zoneIds: [...new Set(readIdList(scope?.zoneIds))].sort() };
}

export function createVotingRound(
  doc: Y.Doc,
  init: { title: string; now: number; budget?: number; scope?: Partial<VotingScope>; anonymous?: boolean; onePerNote?: boolean; hideResults?: boolean; id?: string },
): string {
  const id = init.id ?? randomId(64);
  mutate(doc, () => {
    const record: RecordMap = new Y.Map();
    record.set('id', id);
    record.set('title', cleanLine(init.title, MAX_ROUND_TITLE_LENGTH));
    record.set('budget', clampInt(init.budget ?? DEFAULT_VOTE_BUDGET, 0, MAX_VOTE_BUDGET));
    record.set('scope', cleanScope(init.scope));
    record.set('anonymous', init.anonymous === true);
    if (init.onePerNote) record.set('onePerNote', true);
    if (init.hideResults) record.set('hideResults', true);
    record.set('state', { status: 'draft' });
    record.set('createdAt', init.now);
    record.set('deletedAt', null);
    roundsMap(doc).set(id, record);
  });
  return id;
}

export function updateVotingRound(
  doc: Y.Doc,
  roundId: string,
  patch: { title?: string; budget?: number; scope?: Partial<VotingScope>; anonymous?: boolean },
): void {
  const record = roundRecord(doc, roundId);
  if (!record) return;
  mutate(doc, () => {
    if (patch.title !== undefined) record.set('title', cleanLine(patch.title, MAX_ROUND_TITLE_LENGTH));
    if (patch.budget !== undefined) record.set('budget', clampInt(patch.budget, 0, MAX_VOTE_BUDGET));
    if (patch.scope !== undefined) record.set('scope', cleanScope(patch.scope));
    if (patch.anonymous !== undefined) record.set('anonymous', patch.anonymous === true);
  });
}

/** Opens (or reopens) a round: every vote in the doc counts again under the budget rule. */
export function openVotingRound(doc: Y.Doc, roundId: string): void {
  const record = roundRecord(doc, roundId);
  if (!record || getRound(doc, roundId)?.status === 'open') return;
  mutate(doc, () => record.set('state', { status: 'open' }));
}

/** Low level: sets the closed state with the snapshot computed by votes.ts (`closeVotingRound`). */
export function writeClosedState(doc: Y.Doc, roundId: string, counted: string[]): void {
  const record = roundRecord(doc, roundId);
  if (!record) return;
  mutate(doc, () => record.set('state', { status: 'closed', counted: [...counted].sort() }));
}

export function deleteVotingRound(doc: Y.Doc, roundId: string, now: number): void {
  tombstoneRecord(doc, roundsMap(doc), roundId, now);
}

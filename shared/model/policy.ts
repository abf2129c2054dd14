import type * as Y from 'yjs';
import { getBoard } from './boards';
import { lockedBoardsMap, settingsMap } from './doc-roots';
import { zoneLockKey } from './setting-keys';
import { isFacilitator } from './facilitators';
import { getNote, listNotes, type Note } from './notes';
import { hasCountedVote, isNoteInScope, votesLeft } from './votes';
import { getRound } from './voting-rounds';
import { isDocWritable } from './write';
import { liveNotesOnBoard, MAX_NOTES_PER_BOARD } from './board-limit';

/**
 * Who may do what, as a pure function of the doc: every peer's app asks the same question of its
 * own replica, so once replicas have synced they give the same answer (docs/architecture.md,
 * "Identity and roles"). Controls show the deny reason (`policy.<reason>` in the i18n catalog)
 * instead of failing silently.
 *
 * Honest-client enforcement, as for facilitators.ts: the doc accepts any writer holding the join
 * code. The policy is what well-behaved apps agree to, not a security boundary.
 *
 * An unmanaged doc (no facilitators listed: sessions created before creators were recorded) makes
 * everyone a facilitator, so those sessions keep working as they did.
 */
export interface Person {
  /** This device's id (renderer/identity), the key the doc lists facilitators and authors by. */
  id: string;
  facilitator: boolean;
}

/** Actions on one note: `target.noteId`. */
const NOTE_ACTIONS = ['editNote', 'moveNote', 'colourNote', 'tagNote', 'clusterNote', 'deleteNote', 'restoreNote', 'seeNote'] as const;

export const ACTIONS = [
  // addNote: `target.boardId`.
  'addNote',
  ...NOTE_ACTIONS,
  // Boards: `target.boardId` (addBoard: none).
  'addBoard',
  'editBoard',
  'restoreBoard',
  'lockBoard',
  // Zones of a board (add, rename, move, resize, delete): `target.boardId`.
  'editZones',
  // Voting: `target.roundId` (+ `noteId` for vote / retractVote).
  'vote',
  'retractVote',
  'manageVoting',
  // Facilitation.
  'reveal',
  'startTimer',
  'changeCode',
  'manageFacilitators',
  'editAgenda',
  // Room-wide facilitator settings: private brainstorm, cursors, zone locks.
  'editSettings',
  'editSession',
  // Take participants' names out of the session (privacy.ts).
  'purgeNames',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Target {
  boardId?: string;
  noteId?: string;
  roundId?: string;
  /** addNote: the zone the new (or moved) note lands in, if any. */
  zoneId?: string | null;
}

export const DENY_REASONS = [
  'readOnly',
  'facilitatorOnly',
  'boardLocked',
  'zoneLocked',
  'privateNote',
  'deleted',
  'notFound',
  'votingClosed',
  'notInScope',
  'noVotesLeft',
  'alreadyVoted',
  'boardFull',
] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

const ALLOW: Decision = Object.freeze({ allowed: true });
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

/** Controls only facilitators see enabled (UI contract: lock, private brainstorm, voting, timer…). */
const FACILITATOR_ONLY: ReadonlySet<Action> = new Set<Action>([
  'lockBoard',
  'editZones',
  'reveal',
  'startTimer',
  'changeCode',
  'manageFacilitators',
  'manageVoting',
  'editAgenda',
  'editSettings',
  'purgeNames',
]);

/**
 * Actions that do not write the doc, so a read-only doc (saved by a newer app) still allows them.
 * The join code lives beside the doc (storage and the relay), not in it.
 */
const READS: ReadonlySet<Action> = new Set<Action>(['seeNote', 'changeCode']);

const ON_A_NOTE: ReadonlySet<Action> = new Set<Action>(NOTE_ACTIONS);

export function personIn(doc: Y.Doc, deviceId: string): Person {
  return { id: deviceId, facilitator: isFacilitator(doc, deviceId) };
}

export function isBoardLocked(doc: Y.Doc, boardId: string): boolean {
  return lockedBoardsMap(doc).get(boardId) === true;
}

export function isPrivateMode(doc: Y.Doc): boolean {
  return settingsMap(doc).get('privateMode') === true;
}

export function isZoneLocked(doc: Y.Doc, zoneId: string): boolean {
  return settingsMap(doc).get(zoneLockKey(zoneId)) === true;
}

/**
 * A private note (written during a private brainstorm), or any note in the session-wide private
 * mode, is seen only by its author and the facilitators until revealed.
 */
export function noteVisibleTo(doc: Y.Doc, person: Person, note: { authorId: string; private?: boolean }): boolean {
  return noteVisibleWith(person, note, () => isPrivateMode(doc));
}

/** The rule of `noteVisibleTo`, for a caller that reads the session's private mode once for many notes. */
export function noteVisibleWith(person: Person, note: { authorId: string; private?: boolean }, privateMode: () => boolean): boolean {
  if (person.facilitator || (note.authorId !== '' && note.authorId === person.id)) return true;
  return note.private !== true && !privateMode();
}

/** The live notes of a board this person's app may show (listNotes without others' private ones). */
export function listNotesSeenBy(doc: Y.Doc, boardId: string, person: Person): Note[] {
  return listNotes(doc, boardId).filter((n) => noteVisibleTo(doc, person, n));
}

function boardDecision(doc: Y.Doc, person: Person, boardId: string | undefined, allowDeleted: boolean, zoneId?: string | null): Decision {
  const board = boardId === undefined ? null : getBoard(doc, boardId);
  if (!board) return deny('notFound');
  if (board.deletedAt !== null && !allowDeleted) return deny('deleted');
  if (isBoardLocked(doc, board.id) && !person.facilitator) return deny('boardLocked');
  if (zoneId && isZoneLocked(doc, zoneId) && !person.facilitator) return deny('zoneLocked');
  return ALLOW;
}

function noteDecision(doc: Y.Doc, person: Person, action: Action, noteId: string | undefined): Decision {
  const note = noteId === undefined ? null : getNote(doc, noteId);
  if (!note) return deny('notFound');
  // Private before anything else: a denial must not reveal more than the hidden note's existence.
  if (!noteVisibleTo(doc, person, note)) return deny('privateNote');
  const board = getBoard(doc, note.boardId);
  if (!board || board.deletedAt !== null) return deny('deleted');
  if (action === 'seeNote') return ALLOW;
  if (note.deletedAt !== null && action !== 'restoreNote') return deny('deleted');
  if (isBoardLocked(doc, board.id) && !person.facilitator) return deny('boardLocked');
  // Voting and seeing stay open in a locked zone: the lock freezes the content, not the room.
  if (note.zoneId !== null && isZoneLocked(doc, note.zoneId) && !person.facilitator) return deny('zoneLocked');
  return ALLOW;
}

function voteDecision(doc: Y.Doc, person: Person, action: Action, target: Target): Decision {
  const round = target.roundId === undefined ? null : getRound(doc, target.roundId);
  if (!round) return deny('notFound');
  if (round.deletedAt !== null) return deny('deleted');
  if (action === 'manageVoting') return ALLOW;
  if (round.status !== 'open') return deny('votingClosed');
  const note = target.noteId === undefined ? null : getNote(doc, target.noteId);
  if (!note) return deny('notFound');
  if (!noteVisibleTo(doc, person, note)) return deny('privateNote');
  if (action === 'retractVote') return ALLOW;
  if (!isNoteInScope(doc, round, note.id)) return deny('notInScope');
  if (votesLeft(doc, round.id, person.id) <= 0) return deny('noVotesLeft');
  if (round.onePerNote && hasCountedVote(doc, round.id, person.id, note.id)) return deny('alreadyVoted');
  return ALLOW;
}

/**
 * May `person` do `action` on `target` in this doc? Checks, in order: read-only doc, facilitator
 * role, the target's existence and tombstone, board locks, private mode, voting state.
 */
export function can(doc: Y.Doc, person: Person, action: Action, target: Target = {}): Decision {
  if (!READS.has(action) && !isDocWritable(doc)) return deny('readOnly');
  if (FACILITATOR_ONLY.has(action) && !person.facilitator) return deny('facilitatorOnly');
  if (ON_A_NOTE.has(action)) return noteDecision(doc, person, action, target.noteId);
  switch (action) {
    case 'addNote': {
      const decision = boardDecision(doc, person, target.boardId, false, target.zoneId);
      if (decision.allowed && liveNotesOnBoard(doc, target.boardId!) >= MAX_NOTES_PER_BOARD) return deny('boardFull');
      return decision;
    }
    case 'editBoard':
    case 'editZones':
      return boardDecision(doc, person, target.boardId, false);
    case 'restoreBoard':
      return boardDecision(doc, person, target.boardId, true);
    case 'lockBoard': {
      const board = target.boardId === undefined ? null : getBoard(doc, target.boardId);
      if (!board) return deny('notFound');
      return board.deletedAt === null ? ALLOW : deny('deleted');
    }
    case 'vote':
    case 'retractVote':
      return voteDecision(doc, person, action, target);
    case 'manageVoting':
      // Creating a round has no target yet; any other change names the round.
      return target.roundId === undefined ? ALLOW : voteDecision(doc, person, action, target);
    default:
      return ALLOW;
  }
}

/** `can(…).allowed`, for code that only needs yes or no. */
export function may(doc: Y.Doc, person: Person, action: Action, target?: Target): boolean {
  return can(doc, person, action, target).allowed;
}

import type * as Y from 'yjs';
import { lockedBoardsMap, settingsMap } from './doc-roots';
import { isFacilitator } from './facilitators';
import { may, noteVisibleTo, personIn } from './policy';
import { mutate } from './write';

/**
 * Facilitator settings: which boards are locked, and private mode (participants see only their
 * own notes until the facilitator reveals). Concurrency: each setting is LWW; locks are one key
 * per board in their own root map, so two facilitators locking two boards at once both stick.
 * Only facilitators may change them (`by` is checked); participants' apps honour them. That is
 * honest-client enforcement — the doc itself accepts any writer holding the join code.
 */
export interface Settings {
  privateMode: boolean;
  lockedBoardIds: string[];
}

export function readSettings(doc: Y.Doc): Settings {
  const locked: string[] = [];
  lockedBoardsMap(doc).forEach((value, boardId) => {
    if (value === true) locked.push(boardId);
  });
  return { privateMode: settingsMap(doc).get('privateMode') === true, lockedBoardIds: locked.sort() };
}

export function setPrivateMode(doc: Y.Doc, by: string, on: boolean): boolean {
  if (!isFacilitator(doc, by)) return false;
  if ((settingsMap(doc).get('privateMode') === true) === on) return true;
  return mutate(doc, () => settingsMap(doc).set('privateMode', on));
}

export function setBoardLocked(doc: Y.Doc, by: string, boardId: string, locked: boolean): boolean {
  if (!isFacilitator(doc, by)) return false;
  if ((lockedBoardsMap(doc).get(boardId) === true) === locked) return true;
  return mutate(doc, () => lockedBoardsMap(doc).set(boardId, locked));
}

/** Whether `clientId`'s app should let it edit the board; the rule itself is policy.ts `can`. */
export function canEditBoard(doc: Y.Doc, clientId: string, boardId: string): boolean {
  return may(doc, personIn(doc, clientId), 'editBoard', { boardId });
}

/** In private mode a participant sees only their own notes; facilitators see all (policy.ts). */
export function canSeeNote(doc: Y.Doc, viewerId: string, note: { authorId: string }): boolean {
  return noteVisibleTo(doc, personIn(doc, viewerId), note);
}

import type * as Y from 'yjs';
import { lockedBoardsMap, settingsMap } from './doc-roots';
import { isFacilitator } from './facilitators';
import { may, noteVisibleTo, personIn } from './policy';
import { PRIVATE_BOARD, ZONE_LOCK, zoneLockKey } from './setting-keys';
import { mutate } from './write';

/**
 * Facilitator settings: which boards and zones are locked, which boards run a private brainstorm,
 * whether people see each other's cursors, and the session-wide private mode of v2 docs.
 * Concurrency: each setting is LWW on its own key (board locks in their own root map, zone locks
 * and private boards as `zoneLock:<id>` / `privateBoard:<id>` keys of the settings map), so two
 * facilitators changing two different things at once both stick.
 * Only facilitators may change them (`by` is checked); participants' apps honour them. That is
 * honest-client enforcement — the doc itself accepts any writer holding the join code.
 */
export interface Settings {
  privateMode: boolean;
  lockedBoardIds: string[];
  lockedZoneIds: string[];
  privateBoardIds: string[];
  cursorsHidden: boolean;
}


function keysWith(doc: Y.Doc, prefix: string): string[] {
  const out: string[] = [];
  settingsMap(doc).forEach((value, key) => {
    if (value === true && key.startsWith(prefix)) out.push(key.slice(prefix.length));
  });
  return out.sort();
}

export function readSettings(doc: Y.Doc): Settings {
  const locked: string[] = [];
  lockedBoardsMap(doc).forEach((value, boardId) => {
    if (value === true) locked.push(boardId);
  });
  return {
    privateMode: settingsMap(doc).get('privateMode') === true,
    lockedBoardIds: locked.sort(),
    lockedZoneIds: keysWith(doc, ZONE_LOCK),
    privateBoardIds: keysWith(doc, PRIVATE_BOARD),
    cursorsHidden: areCursorsHidden(doc),
  };
}

/** Writes one boolean setting if `by` facilitates; true when the setting now has that value. */
function setFlag(doc: Y.Doc, by: string, key: string, on: boolean): boolean {
  if (!isFacilitator(doc, by)) return false;
  if ((settingsMap(doc).get(key) === true) === on) return true;
  return mutate(doc, () => settingsMap(doc).set(key, on));
}

export function setPrivateMode(doc: Y.Doc, by: string, on: boolean): boolean {
  return setFlag(doc, by, 'privateMode', on);
}

export function setBoardLocked(doc: Y.Doc, by: string, boardId: string, locked: boolean): boolean {
  if (!isFacilitator(doc, by)) return false;
  if ((lockedBoardsMap(doc).get(boardId) === true) === locked) return true;
  return mutate(doc, () => lockedBoardsMap(doc).set(boardId, locked));
}

export function setZoneLocked(doc: Y.Doc, by: string, zoneId: string, locked: boolean): boolean {
  return setFlag(doc, by, zoneLockKey(zoneId), locked);
}

/** A private brainstorm runs on this board: notes added now stay their author's until revealed. */
export function isBoardPrivate(doc: Y.Doc, boardId: string): boolean {
  return settingsMap(doc).get(PRIVATE_BOARD + boardId) === true;
}

export function setBoardPrivate(doc: Y.Doc, by: string, boardId: string, on: boolean): boolean {
  return setFlag(doc, by, PRIVATE_BOARD + boardId, on);
}

/** The facilitator hid everyone's cursors (a calmer room while people write). */
export function areCursorsHidden(doc: Y.Doc): boolean {
  return settingsMap(doc).get('cursorsHidden') === true;
}

export function setCursorsHidden(doc: Y.Doc, by: string, hidden: boolean): boolean {
  return setFlag(doc, by, 'cursorsHidden', hidden);
}

/** Whether `clientId`'s app should let it edit the board; the rule itself is policy.ts `can`. */
export function canEditBoard(doc: Y.Doc, clientId: string, boardId: string): boolean {
  return may(doc, personIn(doc, clientId), 'editBoard', { boardId });
}

/** Private notes and private mode: see policy.ts `noteVisibleTo`. */
export function canSeeNote(doc: Y.Doc, viewerId: string, note: { authorId: string; private?: boolean }): boolean {
  return noteVisibleTo(doc, personIn(doc, viewerId), note);
}

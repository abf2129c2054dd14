import type { Awareness } from 'y-protocols/awareness';
import { cleanName, readDisplayName } from '../identity/display-name';
import { colourForClient } from '../identity/palette';
import { readColour, type PresenceCaret, type PresenceCursor } from './presence-state';

/**
 * Gives the local state a `user` when the join flow has not set one: the stored display name
 * (if any) and a colour derived from the client id. A `user` already there is never replaced.
 * Without a stored name nothing is set; peers then show "Guest" in the derived colour.
 */
export function ensureLocalUser(awareness: Awareness, name = readDisplayName()): void {
  const current = awareness.getLocalState()?.user as { name?: unknown; colour?: unknown } | undefined;
  if (current && typeof current === 'object' && cleanName(current.name) !== '' && readColour(current.colour)) return;
  if (current && typeof current === 'object' && cleanName(current.name) !== '') {
    // A name without a usable colour: keep the name, add the derived colour.
    awareness.setLocalStateField('user', { name: cleanName(current.name), colour: colourForClient(awareness.clientID) });
    return;
  }
  if (!name) return;
  awareness.setLocalStateField('user', { name, colour: colourForClient(awareness.clientID) });
}

type LocalField = { cursor: PresenceCursor | null; editing: string | null; selected: string | null; caret: PresenceCaret | null };

/** Sets one field of the local state unless it already holds that value (no needless broadcasts). */
export function setLocalField<K extends keyof LocalField>(awareness: Awareness, key: K, value: LocalField[K]): void {
  const state = awareness.getLocalState();
  if (state === null) return; // Awareness destroyed or the session is going away.
  const current = state[key] as LocalField[K] | undefined;
  if (current === value) return;
  if (current && value && typeof current === 'object' && typeof value === 'object') {
    if (key === 'caret') {
      const a = current as PresenceCaret;
      const b = value as PresenceCaret;
      if (a.noteId === b.noteId && a.at.length === b.at.length && a.at.every((v, i) => v === b.at[i])) return;
    } else {
      const a = current as PresenceCursor;
      const b = value as PresenceCursor;
      if (a.boardId === b.boardId && a.x === b.x && a.y === b.y) return;
    }
  }
  if (current === undefined && value === null) return;
  awareness.setLocalStateField(key, value);
}

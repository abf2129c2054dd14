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

function holds<K extends keyof LocalField>(state: Record<string, unknown>, key: K, value: LocalField[K]): boolean {
  const current = state[key] as LocalField[K] | undefined;
  if (current === value) return true;
  if (current === undefined && value === null) return true;
  if (current && value && typeof current === 'object' && typeof value === 'object') {
    if (key === 'caret') {
      const a = current as PresenceCaret;
      const b = value as PresenceCaret;
      return a.noteId === b.noteId && a.at.length === b.at.length && a.at.every((v, i) => v === b.at[i]);
    }
    const a = current as PresenceCursor;
    const b = value as PresenceCursor;
    return a.boardId === b.boardId && a.x === b.x && a.y === b.y;
  }
  return false;
}

/**
 * Sets fields of the local state that do not already hold their value, all in one awareness
 * update: selecting a note and starting to edit it is one message to each peer, not three (in a
 * room of twenty, every message is sent nineteen times and drawn on nineteen screens).
 */
export function setLocalFields(awareness: Awareness, fields: Partial<LocalField>): void {
  const state = awareness.getLocalState();
  if (state === null) return; // Awareness destroyed or the session is going away.
  const changed = (Object.keys(fields) as (keyof LocalField)[]).filter((key) => !holds(state, key, fields[key] as LocalField[typeof key]));
  if (changed.length === 0) return;
  awareness.setLocalState({ ...state, ...Object.fromEntries(changed.map((key) => [key, fields[key]])) });
}

/** Sets one field of the local state unless it already holds that value (no needless broadcasts). */
export function setLocalField<K extends keyof LocalField>(awareness: Awareness, key: K, value: LocalField[K]): void {
  setLocalFields(awareness, { [key]: value });
}

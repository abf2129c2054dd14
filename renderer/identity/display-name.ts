/** This device's display name (pseudonyms welcome), remembered for the next workshop. */
const NAME_KEY = 'transition-lab.displayName';
export const MAX_NAME_LENGTH = 60;

export function readDisplayName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveDisplayName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Not remembered; the name still applies to this session.
  }
}

export function cleanDisplayName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** Readable on white and on sticky notes; picked from the awareness client id. */
const PRESENCE_COLOURS = ['#c0392b', '#8e44ad', '#2471a3', '#117a65', '#b9770e', '#a04000', '#1f618d', '#6c3483', '#196f3d', '#873600'];

export function colourFor(clientId: number): string {
  return PRESENCE_COLOURS[clientId % PRESENCE_COLOURS.length] ?? '#2471a3';
}

export interface PresenceUser {
  name: string;
  colour: string;
}

/**
 * This device's display name (pseudonyms welcome), remembered for the next workshop. The same
 * cleaning applies to our own name and to every name a peer sends (presence/presence-state.ts).
 */
const NAME_KEY = 'transition-lab.displayName';
export const MAX_NAME_LENGTH = 60;

// C0/C1 controls, bidi overrides and isolates, zero-width and line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** A display name: trimmed, no control or invisible characters, at most MAX_NAME_LENGTH characters. */
export function cleanName(value: unknown): string {
  if (typeof value !== 'string') return '';
  const cleaned = value.slice(0, MAX_NAME_LENGTH * 8).replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
  // Count characters, not UTF-16 units, so a cap never splits an emoji in half.
  const chars = Array.from(cleaned);
  return chars.length > MAX_NAME_LENGTH ? chars.slice(0, MAX_NAME_LENGTH).join('').trim() : cleaned;
}

export function readDisplayName(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return cleanName(storage?.getItem(NAME_KEY) ?? '');
  } catch {
    return '';
  }
}

export function saveDisplayName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, cleanName(name));
  } catch {
    // Not remembered; the name still applies to this session.
  }
}

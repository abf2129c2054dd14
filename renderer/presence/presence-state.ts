/**
 * The shape of one participant's awareness state and how a peer's state is read.
 *
 * Awareness states arrive from other devices over the LAN: they are untrusted input. Nothing
 * from a peer reaches the UI without going through `readPresence`, which keeps only fields of the
 * expected type and size and drops everything else.
 *
 * Local state fields (each set with `awareness.setLocalStateField`):
 * - `user: { name, colour }` — set by the join flow; colour is `#rrggbb`.
 * - `cursor: { boardId, x, y } | null` — pointer position in WORLD coordinates of that board.
 * - `editing: noteId | null` — the note whose text this person is typing in.
 * - `selected: noteId | null` — the note this person has selected.
 */

export interface PresenceUser {
  name: string;
  colour: string;
}

export interface PresenceCursor {
  boardId: string;
  x: number;
  y: number;
}

/** A validated awareness state. `name` is '' when the peer gave none (shown as "Guest"). */
export interface Presence {
  clientId: number;
  name: string;
  colour: string;
  cursor: PresenceCursor | null;
  editing: string | null;
  selected: string | null;
}

// The join flow allows 60 (renderer/identity/display-name.ts); a peer may not send more.
export const MAX_NAME_LENGTH = 60;
/** Beyond this a coordinate is nonsense (boards are far smaller); clamping keeps CSS sane. */
export const MAX_COORDINATE = 1_000_000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
// C0/C1 controls, bidi overrides and isolates, zero-width and line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Colours for people who brought none: dark enough for white text and distinct on the pale
 * board and on every note colour.
 */
export const PRESENCE_PALETTE = [
  // Each one reaches WCAG AA (4.5:1) against white text.
  '#c2185b',
  '#1565c0',
  '#2e7d32',
  '#6a1b9a',
  '#bf360c',
  '#00796b',
  '#ad1457',
  '#4527a0',
  '#33691e',
  '#b71c1c',
  '#0277bd',
  '#795548',
] as const;

/** A stable colour for a client id: the same person keeps the same colour in every peer's view. */
export function colourForClient(clientId: number): string {
  // Knuth's multiplicative hash spreads consecutive ids over the palette.
  const hash = Math.imul(clientId >>> 0, 2654435761) >>> 0;
  return PRESENCE_PALETTE[hash % PRESENCE_PALETTE.length] as string;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function readId(value: unknown): string | null {
  return isId(value) ? value : null;
}

/** A display name: trimmed, no control or invisible characters, at most MAX_NAME_LENGTH characters. */
export function cleanName(value: unknown): string {
  if (typeof value !== 'string') return '';
  const cleaned = value.slice(0, MAX_NAME_LENGTH * 8).replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
  // Count characters, not UTF-16 units, so a cap never splits an emoji in half.
  const chars = Array.from(cleaned);
  return chars.length > MAX_NAME_LENGTH ? chars.slice(0, MAX_NAME_LENGTH).join('').trim() : cleaned;
}

export function readColour(value: unknown): string | null {
  return typeof value === 'string' && COLOUR_PATTERN.test(value) ? value.toLowerCase() : null;
}

export function clampCoordinate(value: number): number {
  return Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, value));
}

export function readCursor(value: unknown): PresenceCursor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { boardId, x, y } = value as Record<string, unknown>;
  if (!isId(boardId) || typeof x !== 'number' || typeof y !== 'number') return null;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { boardId, x: clampCoordinate(x), y: clampCoordinate(y) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one awareness state, whatever a peer put in it. Returns null for a state that is not an
 * object at all (a peer that went away leaves none). Bad fields become their empty value.
 */
export function readPresence(clientId: number, state: unknown): Presence | null {
  if (!Number.isSafeInteger(clientId) || clientId < 0 || !isRecord(state)) return null;
  const user = isRecord(state.user) ? state.user : {};
  return {
    clientId,
    name: cleanName(user.name),
    colour: readColour(user.colour) ?? colourForClient(clientId),
    cursor: readCursor(state.cursor),
    editing: readId(state.editing),
    selected: readId(state.selected),
  };
}

/** Up to two initials for an avatar: "Ana Nowak" → "AN", "ana" → "A"; '' for no name. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s\-_.]+/).filter((w) => w.length > 0);
  const first = (w: string | undefined) => (w ? (Array.from(w)[0] ?? '') : '');
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters.toLocaleUpperCase();
}

/** Black or white, whichever reads better on `colour` (#rrggbb), by WCAG relative luminance. */
export function textColourOn(colour: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const c = parseInt(colour.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with white vs black: pick the larger.
  return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? '#ffffff' : '#000000';
}

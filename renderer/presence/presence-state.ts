import { cleanName } from '../identity/display-name';
import { colourForClient } from '../identity/palette';

/**
 * The shape of one participant's awareness state and how a peer's state is read.
 *
 * Awareness states arrive from other devices over the LAN: they are untrusted input. Nothing
 * from a peer reaches the UI without going through `readPresence`, which keeps only fields of the
 * expected type and size and drops everything else.
 *
 * Local state fields (each set with `awareness.setLocalStateField`):
 * - `user: { name, colour, device }` (identity/person.ts PresenceUser) — set when the transports
 *   start; colour is `#rrggbb`; device is the device id the doc lists facilitators by.
 * - `lead: { id, boardId, x, y, w, h } | null` — a facilitator's "Bring everyone here": the board
 *   and the world rectangle they look at; `id` is new each time they press it.
 * - `cursor: { boardId, x, y } | null` — pointer position in WORLD coordinates of that board.
 * - `editing: noteId | null` — the note whose text this person is typing in.
 * - `selected: noteId | null` — the note this person has selected.
 * - `caret: { noteId, at } | null` — where this person's caret is in the note they edit: `at` is
 *   a Yjs relative position (Y.encodeRelativePosition, as a byte array), so it stays between the
 *   same two characters whatever others type before it.
 */

export interface PresenceCaret {
  noteId: string;
  at: number[];
}

/** An encoded relative position is a few varints; anything longer is not one. */
const MAX_CARET_BYTES = 48;

export function readCaret(value: unknown): PresenceCaret | null {
  if (typeof value !== 'object' || value === null) return null;
  const { noteId, at } = value as Record<string, unknown>;
  if (!isId(noteId) || !Array.isArray(at) || at.length === 0 || at.length > MAX_CARET_BYTES) return null;
  if (!at.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return null;
  return { noteId, at: at as number[] };
}

export interface PresenceCursor {
  boardId: string;
  x: number;
  y: number;
}

export interface PresenceLead {
  id: string;
  boardId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function readLead(value: unknown): PresenceLead | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, boardId, x, y, w, h } = value as Record<string, unknown>;
  if (!isId(id) || !isId(boardId)) return null;
  const nums = [x, y, w, h];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if ((w as number) <= 0 || (h as number) <= 0) return null;
  return { id, boardId, x: clampCoordinate(x as number), y: clampCoordinate(y as number), w: Math.min(w as number, MAX_COORDINATE), h: Math.min(h as number, MAX_COORDINATE) };
}

/** A validated awareness state. `name` is '' when the peer gave none (shown as "Guest"). */
export interface Presence {
  clientId: number;
  name: string;
  colour: string;
  cursor: PresenceCursor | null;
  editing: string | null;
  selected: string | null;
  caret: PresenceCaret | null;
  /** The peer's device id (null from older apps): who may be made a co-facilitator, who leads. */
  device: string | null;
  lead: PresenceLead | null;
}

/** Beyond this a coordinate is nonsense (boards are far smaller); clamping keeps CSS sane. */
export const MAX_COORDINATE = 1_000_000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function readId(value: unknown): string | null {
  return isId(value) ? value : null;
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
    caret: readCaret(state.caret),
    device: readId(user.device),
    lead: readLead(state.lead),
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

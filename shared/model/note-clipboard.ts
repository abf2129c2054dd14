import { DEFAULT_NOTE_COLOUR, isNoteColour, type NoteColour } from './colours';
import { clampCoordinate, DEFAULT_NOTE_SIZE, isSize, type Point, type Size } from './geometry';
import { isActorType, isGovernanceLevel, type ActorType, type GovernanceLevel } from './governance';
import { clampSize, MAX_NOTE_TEXT_LENGTH, type Note } from './notes';
import { readingOrder } from './reading-order';
import { clipText } from './text-diff';

/**
 * Notes on the clipboard, so copy and paste work between boards and between sessions (another
 * tab, another window of the app). The clipboard carries two flavours: this JSON under its own
 * type, which only our app reads, and the notes' texts as plain text, one note per line, which
 * any other program can paste.
 */
export const NOTE_CLIPBOARD_TYPE = 'application/x-transition-lab-notes+json';
const KIND = 'transition-lab/notes';

/** A pasted selection larger than this is cut: one paste must not flood a room's doc. */
export const MAX_PASTED_NOTES = 500;

/** One copied note: what it says and looks like, and where it sat relative to the copied group's top-left. */
export interface NoteCopy {
  text: string;
  colour: NoteColour;
  offset: Point;
  size: Size;
  level: GovernanceLevel | null;
  actor: ActorType | null;
}

export function copyNotes(notes: readonly Note[]): NoteCopy[] {
  if (notes.length === 0) return [];
  const left = Math.min(...notes.map((n) => n.pos.x));
  const top = Math.min(...notes.map((n) => n.pos.y));
  const ordered = readingOrder(notes.map((n) => ({ id: n.id, x: n.pos.x, y: n.pos.y, w: n.size.w, h: n.size.h, note: n })));
  return ordered.map(({ note }) => ({
    text: note.text,
    colour: note.colour,
    offset: { x: note.pos.x - left, y: note.pos.y - top },
    size: { ...note.size },
    level: note.level,
    actor: note.actor,
  }));
}

export function encodeNoteClipboard(copies: readonly NoteCopy[]): string {
  return JSON.stringify({ kind: KIND, version: 1, notes: copies });
}

/** The plain-text flavour: each note's text on one line (line breaks inside a note become spaces). */
export function noteCopiesAsText(copies: readonly NoteCopy[]): string {
  return copies.map((c) => c.text.replace(/\s*\n\s*/g, ' ').trim()).join('\n');
}

/** Reads our JSON flavour defensively (it may come from another app version, or anyone); null if it is not ours. */
export function decodeNoteClipboard(json: string): NoteCopy[] | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== KIND) return null;
  const notes = (data as { notes?: unknown }).notes;
  if (!Array.isArray(notes)) return null;
  const out: NoteCopy[] = [];
  for (const raw of notes.slice(0, MAX_PASTED_NOTES)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const offset = r.offset as Partial<Point> | undefined;
    out.push({
      text: typeof r.text === 'string' ? clipText(r.text, MAX_NOTE_TEXT_LENGTH) : '',
      colour: isNoteColour(r.colour) ? r.colour : DEFAULT_NOTE_COLOUR,
      offset: { x: clampCoordinate(Number(offset?.x)), y: clampCoordinate(Number(offset?.y)) },
      size: isSize(r.size) ? clampSize(r.size) : { ...DEFAULT_NOTE_SIZE },
      level: isGovernanceLevel(r.level) ? r.level : null,
      actor: isActorType(r.actor) ? r.actor : null,
    });
  }
  return out;
}

/**
 * Text from another program: one note per non-empty line, laid out in rows of up to five (as
 * Miro turns a pasted list into stickies). Empty text gives no notes.
 */
export function noteCopiesFromText(text: string, colour: NoteColour = DEFAULT_NOTE_COLOUR): NoteCopy[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_PASTED_NOTES);
  const step = { x: DEFAULT_NOTE_SIZE.w + 20, y: DEFAULT_NOTE_SIZE.h + 20 };
  return lines.map((line, i) => ({
    text: clipText(line, MAX_NOTE_TEXT_LENGTH),
    colour,
    offset: { x: (i % 5) * step.x, y: Math.floor(i / 5) * step.y },
    size: { ...DEFAULT_NOTE_SIZE },
    level: null,
    actor: null,
  }));
}

/** The size of a pasted group, to centre it where it lands. */
export function copiesExtent(copies: readonly NoteCopy[]): Size {
  if (copies.length === 0) return { w: 0, h: 0 };
  return {
    w: Math.max(...copies.map((c) => c.offset.x + c.size.w)),
    h: Math.max(...copies.map((c) => c.offset.y + c.size.h)),
  };
}

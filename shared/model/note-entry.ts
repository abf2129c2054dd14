import * as Y from 'yjs';
import { DEFAULT_NOTE_COLOUR, isNoteColour, type NoteColour } from './colours';
import type { RecordMap } from './doc-roots';
import { clampCoordinate, DEFAULT_NOTE_SIZE, isPoint, isSize } from './geometry';
import { isActorType, isGovernanceLevel, type ActorType, type GovernanceLevel } from './governance';
import { clampSize } from './notes';
import { stackingOf } from './stacking';
import { readNullableNumber, readNullableString, readNumber, readString } from './validate';
import type { Rect } from './zones';

/**
 * What the board needs of a note to list, stack, place, count and cull it — everything of
 * `readNote` but the text and the edit stamps, so reading one never walks a Y.Text. Zone and
 * cluster ids are as stored (not resolved against live zones and clusters).
 */
export interface NoteEntry {
  /** The key in the notes map (equal to `id` except in odd v1 records). */
  key: string;
  id: string;
  boardId: string;
  deleted: boolean;
  z: number;
  createdAt: number;
  rect: Rect;
  colour: NoteColour;
  level: GovernanceLevel | null;
  actor: ActorType | null;
  authorId: string;
  private: boolean;
  zoneId: string | null;
  clusterId: string | null;
}

/** Record fields no entry depends on: a change to only these leaves every list and count as it was. */
export const UNLISTED_NOTE_KEYS: ReadonlySet<string> = new Set(['text', 'updatedAt', 'authorName']);

/** Same validity and defaults as `readNote`: null for a record `readNote` would skip. */
export function readNoteEntry(record: RecordMap, key: string): NoteEntry | null {
  if (!(record instanceof Y.Map)) return null;
  const stored = record.get('id');
  const id = typeof stored === 'string' ? stored : key;
  const boardId = record.get('boardId');
  if (typeof boardId !== 'string') return null;
  const pos = record.get('pos');
  const size = record.get('size');
  const colour = record.get('colour');
  const level = record.get('level');
  const actor = record.get('actor');
  const at = isPoint(pos) ? { x: clampCoordinate(pos.x), y: clampCoordinate(pos.y) } : { x: 0, y: 0 };
  const { w, h } = isSize(size) ? clampSize(size) : DEFAULT_NOTE_SIZE;
  return {
    key,
    id,
    boardId,
    deleted: readNullableNumber(record, 'deletedAt') !== null,
    z: stackingOf(record),
    createdAt: readNumber(record, 'createdAt'),
    rect: { x: at.x, y: at.y, w, h },
    colour: isNoteColour(colour) ? colour : DEFAULT_NOTE_COLOUR,
    level: isGovernanceLevel(level) ? level : null,
    actor: isActorType(actor) ? actor : null,
    authorId: readString(record, 'authorId'),
    private: record.get('private') === true,
    zoneId: readNullableString(record, 'zoneId'),
    clusterId: readNullableString(record, 'clusterId'),
  };
}

/** The stacking order of `listNotes`: back to front by z, then by id (then key, for odd v1 records). */
export function compareEntries(a: NoteEntry, b: NoteEntry): number {
  return a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

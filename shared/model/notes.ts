import * as Y from 'yjs';
import { DEFAULT_NOTE_COLOUR, isNoteColour, type NoteColour } from './colours';
import { boardsMap, clustersMap, notesMap, type RecordMap } from './doc-roots';
import { clampCoordinate, DEFAULT_NOTE_SIZE, isPoint, isSize, type Point, type Size } from './geometry';
import { isActorType, isGovernanceLevel, type ActorType, type GovernanceLevel } from './governance';
import { randomId } from './ids';
import { recordIn, restoreRecord, tombstoneRecord } from './records';
import { frontZ, stackingOf } from './stacking';
import { applyTextChange, clipText } from './text-diff';
import { cleanLine, compareIds, readNullableNumber, readNullableString, readNumber, readString } from './validate';
import { mutate } from './write';
import { spliceNoteText, type TextSplice } from './note-text';
import { getZone, listZones, zoneAt } from './zones';

/**
 * A sticky note. Concurrency choices (kept here so every peer makes the same one):
 * - position is one atomic `{x, y}` value: concurrent moves resolve to one whole position
 *   (last writer wins, ties by Yjs client id), never x from one person and y from another. The
 *   zone is written in the same transaction as the position, and Yjs resolves both keys between
 *   the same two writers the same way, so the winner's position and zone travel together.
 * - text is a Y.Text: two people typing in one note both keep their characters;
 * - delete is a tombstone (`deletedAt`), not removal: an edit racing a delete is never lost, the
 *   note shows in the board's "recently deleted" tray (`listDeletedNotes`) and can be restored.
 *   We chose the tray over resurrect-on-edit because a resurrecting edit would make a note the
 *   facilitator just removed reappear without anyone knowing why.
 * - cluster membership is the note's own `clusterId` (LWW), not a members list on the cluster:
 *   two people dragging one note into two clusters leave it in exactly one, never both or none.
 *   A note whose cluster is deleted (or missing) is read as unclustered.
 * - a note on a deleted board is hidden with its board and comes back with it.
 *
 * Size matters (a room's first sync and every load carry every note), so a record stores only what
 * differs from the defaults: no null tags, no default size, the stacking order rides inside the
 * position value (one Yjs item per move instead of three), and `updatedAt` is refreshed at most once
 * a minute, because every overwritten map value stays in the doc's history for good.
 */
export interface Note {
  id: string;
  boardId: string;
  text: string;
  colour: NoteColour;
  pos: Point;
  size: Size;
  createdAt: number;
  updatedAt: number;
  authorId: string;
  authorName: string;
  deletedAt: number | null;
  /** Stacking order: higher is in front. */
  z: number;
  /** Zone the note sits in, null if none (or the zone was removed). */
  zoneId: string | null;
  /** Cluster the note belongs to, null if none (or the cluster was deleted). */
  clusterId: string | null;
  level: GovernanceLevel | null;
  actor: ActorType | null;
  /** Written during a private brainstorm: only its author and facilitators see it until revealed. */
  private: boolean;
}

export const MAX_NOTE_TEXT_LENGTH = 2_000;
/** `updatedAt` is coarse on purpose: see the note above. */
export const UPDATED_AT_RESOLUTION_MS = 60_000;
export const MAX_AUTHOR_NAME_LENGTH = 100;
export const MIN_NOTE_SIZE = 40;
export const MAX_NOTE_SIZE = 2_000;

export interface NewNote {
  boardId: string;
  pos: Point;
  now: number;
  colour?: NoteColour;
  text?: string;
  authorId?: string;
  authorName?: string;
  id?: string;
  size?: Size;
  /** Explicit zone; by default the zone under the note's centre. */
  zoneId?: string | null;
  level?: GovernanceLevel | null;
  actor?: ActorType | null;
  /** Hidden from other participants until a facilitator reveals it (settings.ts, private brainstorm). */
  private?: boolean;
}

export function clampSize(size: Size): Size {
  const c = (v: number) => (Number.isFinite(v) ? Math.max(MIN_NOTE_SIZE, Math.min(MAX_NOTE_SIZE, Math.round(v))) : DEFAULT_NOTE_SIZE.w);
  return { w: c(size.w), h: c(size.h) };
}

function centreZone(doc: Y.Doc, boardId: string, pos: Point, size: Size): string | null {
  return zoneAt(doc, boardId, { x: pos.x + size.w / 2, y: pos.y + size.h / 2 })?.id ?? null;
}

/**
 * Creates a note. Refused (nothing written; `getNote(id)` stays null) when the board does not
 * exist in this doc, which keeps "every note is on an existing board" true locally — and since
 * Yjs delivers causally, on every peer.
 */
export function addNote(doc: Y.Doc, init: NewNote): string {
  const id = init.id ?? randomId(64);
  if (!(boardsMap(doc).get(init.boardId) instanceof Y.Map)) return id;
  mutate(doc, () => {
    const record: RecordMap = new Y.Map();
    const text = new Y.Text();
    if (init.text) text.insert(0, clipText(init.text, MAX_NOTE_TEXT_LENGTH));
    const pos = { x: clampCoordinate(init.pos.x), y: clampCoordinate(init.pos.y) };
    const size = init.size ? clampSize(init.size) : { ...DEFAULT_NOTE_SIZE };
    // No `id` field: the key in the notes map is the id (saves ~20 bytes on every note).
    record.set('boardId', init.boardId);
    record.set('text', text);
    record.set('colour', isNoteColour(init.colour) ? init.colour : DEFAULT_NOTE_COLOUR);
    record.set('pos', { ...pos, z: frontZ(doc, init.boardId, init.now) });
    record.set('createdAt', init.now);
    if (size.w !== DEFAULT_NOTE_SIZE.w || size.h !== DEFAULT_NOTE_SIZE.h) record.set('size', size);
    if (init.authorId) record.set('authorId', init.authorId);
    const authorName = cleanLine(init.authorName ?? '', MAX_AUTHOR_NAME_LENGTH);
    if (authorName) record.set('authorName', authorName);
    const zoneId = init.zoneId !== undefined ? init.zoneId : centreZone(doc, init.boardId, pos, size);
    if (zoneId !== null) record.set('zoneId', zoneId);
    if (isGovernanceLevel(init.level)) record.set('level', init.level);
    if (isActorType(init.actor)) record.set('actor', init.actor);
    if (init.private === true) record.set('private', true);
    notesMap(doc).set(id, record);
  });
  return id;
}

/** Refreshes `updatedAt` only when the stored value is older than the resolution. */
function touch(record: RecordMap, now: number): void {
  const last = Math.max(readNumber(record, 'updatedAt'), readNumber(record, 'createdAt'));
  if (now - last >= UPDATED_AT_RESOLUTION_MS) record.set('updatedAt', now);
}

/** Whether a move must (re)write the zone: always once zones are involved, so position and zone travel together. */
function zoneMatters(doc: Y.Doc, record: RecordMap, boardId: string, zoneId: string | null): boolean {
  return zoneId !== null || record.get('zoneId') != null || listZones(doc, boardId).length > 0;
}

function noteRecord(doc: Y.Doc, noteId: string): RecordMap | undefined {
  return recordIn(notesMap(doc), noteId) ?? undefined;
}

/** The words a note shows: concurrent typing can take the merged text over the maximum; readers cut it. */
export function shownText(raw: string): string {
  return raw.slice(0, MAX_NOTE_TEXT_LENGTH);
}

export function setNoteText(doc: Y.Doc, noteId: string, next: string, now: number): void {
  const record = noteRecord(doc, noteId);
  const text = record?.get('text');
  if (!record || !(text instanceof Y.Text)) return;
  const clipped = clipText(next, MAX_NOTE_TEXT_LENGTH);
  if (text.toString() === clipped) return;
  mutate(doc, () => {
    applyTextChange(text, clipped);
    touch(record, now);
  });
}

/**
 * One edit at a position in the note's text (see note-text.ts): what a text field bound to the
 * note sends, so concurrent typing by two people keeps both phrases whole.
 */
export function spliceText(doc: Y.Doc, noteId: string, splice: TextSplice, now: number): boolean {
  const record = noteRecord(doc, noteId);
  if (!record) return false;
  return spliceNoteText(doc, noteId, splice, MAX_NOTE_TEXT_LENGTH, () => touch(record, now));
}

export function moveNote(doc: Y.Doc, noteId: string, pos: Point, now: number, opts: { zoneId?: string | null } = {}): void {
  const record = noteRecord(doc, noteId);
  if (!record) return;
  const next = { x: clampCoordinate(pos.x), y: clampCoordinate(pos.y) };
  const prev = record.get('pos');
  if (isPoint(prev) && prev.x === next.x && prev.y === next.y) return;
  const size = record.get('size');
  const boardId = readString(record, 'boardId');
  const zoneId = opts.zoneId !== undefined ? opts.zoneId : centreZone(doc, boardId, next, isSize(size) ? size : DEFAULT_NOTE_SIZE);
  mutate(doc, () => {
    // A note someone just placed comes to the front: z rides in the same atomic value.
    record.set('pos', { ...next, z: frontZ(doc, boardId, now) });
    if (zoneMatters(doc, record, boardId, zoneId)) record.set('zoneId', zoneId);
    touch(record, now);
  });
}

export function resizeNote(doc: Y.Doc, noteId: string, size: Size, now: number): void {
  const record = noteRecord(doc, noteId);
  if (!record) return;
  const next = clampSize(size);
  const prev = record.get('size');
  if (isSize(prev) && prev.w === next.w && prev.h === next.h) return;
  mutate(doc, () => {
    record.set('size', next);
    touch(record, now);
  });
}

export function setNoteColour(doc: Y.Doc, noteId: string, colour: NoteColour, now: number): void {
  const record = noteRecord(doc, noteId);
  if (!record || !isNoteColour(colour) || record.get('colour') === colour) return;
  mutate(doc, () => {
    record.set('colour', colour);
    touch(record, now);
  });
}

/** Sets or clears (null) the governance level and actor type; an unknown value is ignored. */
export function setNoteTags(
  doc: Y.Doc,
  noteId: string,
  tags: { level?: GovernanceLevel | null; actor?: ActorType | null },
  now: number,
): void {
  const record = noteRecord(doc, noteId);
  if (!record) return;
  const changes: [string, string | null][] = [];
  if (tags.level !== undefined && (tags.level === null || isGovernanceLevel(tags.level))) changes.push(['level', tags.level]);
  if (tags.actor !== undefined && (tags.actor === null || isActorType(tags.actor))) changes.push(['actor', tags.actor]);
  const real = changes.filter(([k, v]) => (record.get(k) ?? null) !== v);
  if (real.length === 0) return;
  mutate(doc, () => {
    for (const [k, v] of real) record.set(k, v);
    touch(record, now);
  });
}

/**
 * Shows a private note to everyone. The flag is removed rather than set to false: a reveal racing
 * another reveal or an edit converges either way, and the record is back to its ordinary size.
 */
export function revealNote(doc: Y.Doc, noteId: string): boolean {
  const record = noteRecord(doc, noteId);
  if (!record || record.get('private') !== true) return false;
  mutate(doc, () => record.delete('private'));
  return true;
}

export function deleteNote(doc: Y.Doc, noteId: string, now: number): void {
  tombstoneRecord(doc, notesMap(doc), noteId, now);
}

export function restoreNote(doc: Y.Doc, noteId: string, now: number): void {
  restoreRecord(doc, notesMap(doc), noteId, (record) => touch(record, now));
}

/**
 * Reads a note record defensively: a malformed record from a peer or an old file is skipped.
 * Returns the stored zone and cluster ids as they are; doc-level reads (`getNote`, `listNotes`)
 * resolve them against existing zones and clusters.
 */
export function readNote(record: RecordMap, key?: string): Note | null {
  if (!(record instanceof Y.Map)) return null;
  const stored = record.get('id');
  // v1 notes stored their id; newer ones are identified by their key in the notes map.
  const id = typeof stored === 'string' ? stored : (key ?? noteKey(record));
  const boardId = record.get('boardId');
  const text = record.get('text');
  const pos = record.get('pos');
  // Only the identity fields are required: they are written once, at creation. Any other field may
  // be absent — Yjs's undo manager deletes a value without restoring the previous one when that
  // one was overwritten concurrently (found by the fuzz suite) — so it reads as its default rather
  // than making the note vanish.
  if (typeof id !== 'string' || typeof boardId !== 'string') return null;
  const colour = record.get('colour');
  const size = record.get('size');
  const level = record.get('level');
  const actor = record.get('actor');
  const rawText = text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '';
  return {
    id,
    boardId,
    text: shownText(rawText),
    colour: isNoteColour(colour) ? colour : DEFAULT_NOTE_COLOUR,
    pos: isPoint(pos) ? { x: clampCoordinate(pos.x), y: clampCoordinate(pos.y) } : { x: 0, y: 0 },
    size: isSize(size) ? clampSize(size) : { ...DEFAULT_NOTE_SIZE },
    createdAt: readNumber(record, 'createdAt'),
    updatedAt: Math.max(readNumber(record, 'updatedAt'), readNumber(record, 'createdAt')),
    authorId: readString(record, 'authorId'),
    authorName: readString(record, 'authorName').slice(0, MAX_AUTHOR_NAME_LENGTH),
    deletedAt: readNullableNumber(record, 'deletedAt'),
    z: stackingOf(record),
    zoneId: readNullableString(record, 'zoneId'),
    clusterId: readNullableString(record, 'clusterId'),
    level: isGovernanceLevel(level) ? level : null,
    actor: isActorType(actor) ? actor : null,
    private: record.get('private') === true,
  };
}

/** The key a note record is stored under (Yjs keeps it on the record's item). */
function noteKey(record: RecordMap): string | undefined {
  const sub = (record as unknown as { _item?: { parentSub?: unknown } | null })._item?.parentSub;
  return typeof sub === 'string' ? sub : undefined;
}

/** Cluster ids that are live on a board; read raw here so notes.ts does not depend on clusters.ts. */
function liveClusterIds(doc: Y.Doc, boardId: string): Set<string> {
  const out = new Set<string>();
  clustersMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map && record.get('boardId') === boardId && record.get('deletedAt') == null) out.add(id);
  });
  return out;
}

function resolve(doc: Y.Doc, note: Note, clusters: Set<string>): Note {
  const zone = note.zoneId === null ? null : getZone(doc, note.zoneId);
  return {
    ...note,
    zoneId: zone && zone.boardId === note.boardId && zone.deletedAt === null ? zone.id : null,
    clusterId: note.clusterId !== null && clusters.has(note.clusterId) ? note.clusterId : null,
  };
}

function deletedBoardIds(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  boardsMap(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map) || typeof record.get('deletedAt') === 'number') out.add(id);
  });
  return out;
}

/** Any note record, deleted or not, with zone and cluster resolved. */
export function getNote(doc: Y.Doc, noteId: string): Note | null {
  const record = noteRecord(doc, noteId);
  const note = record ? readNote(record, noteId) : null;
  return note ? resolve(doc, note, liveClusterIds(doc, note.boardId)) : null;
}

function boardNotes(doc: Y.Doc, boardId: string, deleted: boolean): Note[] {
  const clusters = liveClusterIds(doc, boardId);
  const out: Note[] = [];
  notesMap(doc).forEach((record, key) => {
    const note = readNote(record, key);
    if (note && note.boardId === boardId && (note.deletedAt !== null) === deleted) out.push(resolve(doc, note, clusters));
  });
  return out;
}

/** Live (not deleted) notes of one board, back to front; none while the board itself is deleted. */
export function listNotes(doc: Y.Doc, boardId: string): Note[] {
  if (deletedBoardIds(doc).has(boardId)) return [];
  return boardNotes(doc, boardId, false).sort((a, b) => a.z - b.z || compareIds(a.id, b.id));
}

/** The board's "recently deleted" tray, most recently deleted first. */
export function listDeletedNotes(doc: Y.Doc, boardId: string): Note[] {
  return boardNotes(doc, boardId, true).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || compareIds(a.id, b.id));
}

/** Notes a participant sees: not deleted, on a board that is not deleted. */
export function countLiveNotes(doc: Y.Doc): number {
  const hidden = deletedBoardIds(doc);
  let count = 0;
  notesMap(doc).forEach((record) => {
    if (!(record instanceof Y.Map)) return;
    const boardId = record.get('boardId');
    if (record.get('deletedAt') == null && typeof boardId === 'string' && !hidden.has(boardId)) count++;
  });
  return count;
}

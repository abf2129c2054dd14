import * as Y from 'yjs';
import { zonesMap, type RecordMap } from './doc-roots';
import { BOARD_EXTENT, clampCoordinate, type Point } from './geometry';
import { randomId } from './ids';
import { restoreRecord, tombstoneRecord } from './records';
import { cleanLine, compareIds, isPlainObject, readNullableNumber, readNumber, readString } from './validate';
import { mutate } from './write';

/**
 * A zone: a labelled rectangle on a board (a canvas column, a quadrant of a power × interest grid).
 * Zones live in their own root map with a `boardId`, not nested in the board, so adding zones to
 * an existing board never has to create a nested Y type (see doc-roots.ts).
 * Concurrency: label, prompt, rect and order are independent LWW fields; the rect is one atomic
 * value so a concurrent move and resize never mix. Deleting a zone is a tombstone (records.ts), as
 * for notes: its notes stay where they are and keep their zoneId, read as "no zone" while it is
 * deleted, so undoing the delete (or restoring it later) gives the zone its notes back.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Zone {
  id: string;
  boardId: string;
  label: string;
  /** The question the zone asks of its notes ("What blocks this sector?"); '' for none. */
  prompt: string;
  rect: Rect;
  order: number;
  deletedAt: number | null;
}

export const MAX_ZONE_LABEL_LENGTH = 200;
export const MAX_ZONE_PROMPT_LENGTH = 500;

export function isRect(value: unknown): value is Rect {
  if (!isPlainObject(value)) return false;
  const { x, y, w, h } = value;
  return [x, y, w, h].every((n) => typeof n === 'number' && Number.isFinite(n)) && (w as number) > 0 && (h as number) > 0;
}

export function clampRect(rect: Rect): Rect {
  const size = (v: number) => (Number.isFinite(v) ? Math.max(1, Math.min(2 * BOARD_EXTENT, Math.round(v))) : 1);
  return { x: clampCoordinate(rect.x), y: clampCoordinate(rect.y), w: size(rect.w), h: size(rect.h) };
}

export function addZone(doc: Y.Doc, init: { boardId: string; label: string; rect: Rect; prompt?: string; id?: string; order?: number }): string {
  const id = init.id ?? randomId(64);
  mutate(doc, () => {
    const record: RecordMap = new Y.Map();
    record.set('id', id);
    record.set('boardId', init.boardId);
    record.set('label', cleanLine(init.label, MAX_ZONE_LABEL_LENGTH));
    if (init.prompt) record.set('prompt', cleanLine(init.prompt, MAX_ZONE_PROMPT_LENGTH));
    record.set('rect', clampRect(init.rect));
    record.set('order', typeof init.order === 'number' && Number.isFinite(init.order) ? init.order : listZones(doc, init.boardId).length);
    zonesMap(doc).set(id, record);
  });
  return id;
}

export function readZone(record: unknown): Zone | null {
  if (!(record instanceof Y.Map)) return null;
  const id = record.get('id');
  const boardId = record.get('boardId');
  const rect = record.get('rect');
  // Identity fields only; a rect lost to an undo conflict (see readNote) reads as a minimal one.
  if (typeof id !== 'string' || typeof boardId !== 'string') return null;
  const safe = isRect(rect) ? clampRect(rect) : { x: 0, y: 0, w: 1, h: 1 };
  return {
    id,
    boardId,
    label: readString(record, 'label').slice(0, MAX_ZONE_LABEL_LENGTH),
    prompt: readString(record, 'prompt').slice(0, MAX_ZONE_PROMPT_LENGTH),
    rect: safe,
    order: readNumber(record, 'order'),
    deletedAt: readNullableNumber(record, 'deletedAt'),
  };
}

export function listZones(doc: Y.Doc, boardId: string): Zone[] {
  const out: Zone[] = [];
  zonesMap(doc).forEach((record) => {
    const zone = readZone(record);
    if (zone && zone.boardId === boardId && zone.deletedAt === null) out.push(zone);
  });
  return out.sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
}

export function getZone(doc: Y.Doc, zoneId: string): Zone | null {
  return readZone(zonesMap(doc).get(zoneId));
}

function zoneRecord(doc: Y.Doc, zoneId: string): RecordMap | null {
  const r = zonesMap(doc).get(zoneId);
  return r instanceof Y.Map ? (r as RecordMap) : null;
}

export function updateZone(doc: Y.Doc, zoneId: string, patch: { label?: string; prompt?: string; rect?: Rect }): void {
  const record = zoneRecord(doc, zoneId);
  if (!record) return;
  mutate(doc, () => {
    if (patch.label !== undefined) record.set('label', cleanLine(patch.label, MAX_ZONE_LABEL_LENGTH));
    if (patch.prompt !== undefined) record.set('prompt', cleanLine(patch.prompt, MAX_ZONE_PROMPT_LENGTH));
    if (patch.rect !== undefined) record.set('rect', clampRect(patch.rect));
  });
}

/** Deletes a zone (a tombstone): its notes stay put, and come back to it if it is restored. */
export function removeZone(doc: Y.Doc, zoneId: string, now: number): void {
  tombstoneRecord(doc, zonesMap(doc), zoneId, now);
}

export function restoreZone(doc: Y.Doc, zoneId: string): void {
  restoreRecord(doc, zonesMap(doc), zoneId);
}

/** Live notes in each live zone of a board (a zone's count on the canvas). */
export function zoneNoteCounts(notes: readonly { zoneId: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of notes) if (n.zoneId !== null) counts.set(n.zoneId, (counts.get(n.zoneId) ?? 0) + 1);
  return counts;
}

/** The zone containing a point: the last in order wins where zones overlap (drawn on top). */
export function zoneAt(doc: Y.Doc, boardId: string, point: Point): Zone | null {
  const zones = listZones(doc, boardId);
  for (let i = zones.length - 1; i >= 0; i--) {
    const { rect } = zones[i]!;
    if (point.x >= rect.x && point.x < rect.x + rect.w && point.y >= rect.y && point.y < rect.y + rect.h) return zones[i]!;
  }
  return null;
}

import * as Y from 'yjs';
import type { RecordMap } from './doc-roots';
import { clampInt, readNullableNumber, readNumber } from './validate';
import { mutate } from './write';

/**
 * What every record kind kept in a root map by id (boards, notes, clusters, agenda items, voting
 * rounds) does the same way, as tldraw's record types share their store operations:
 * - delete is a tombstone (`deletedAt`), never removal, so an edit racing a delete is kept and the
 *   record can be restored, and references to it (a note's board, an agenda item's board) stay valid;
 * - ordered kinds (boards, agenda) keep a numeric `order`, LWW per record, fractional between
 *   neighbours on a move; readers break ties by id, so every peer shows one order.
 */
export function recordIn<T>(map: Y.Map<T>, id: string): RecordMap | null {
  const record: unknown = map.get(id);
  return record instanceof Y.Map ? record : null;
}

export function isTombstoned(record: RecordMap): boolean {
  return readNullableNumber(record, 'deletedAt') !== null;
}

/** Marks a live record deleted at `now`; a missing or already deleted one is left alone. */
export function tombstone<T>(doc: Y.Doc, map: Y.Map<T>, id: string, now: number): void {
  const record = recordIn(map, id);
  if (!record || isTombstoned(record)) return;
  mutate(doc, () => record.set('deletedAt', now));
}

/** Brings a deleted record back; `alsoWrite` runs in the same transaction (e.g. refresh updatedAt). */
export function restore<T>(doc: Y.Doc, map: Y.Map<T>, id: string, alsoWrite?: (record: RecordMap) => void): void {
  const record = recordIn(map, id);
  if (!record || !isTombstoned(record)) return;
  mutate(doc, () => {
    record.set('deletedAt', null);
    alsoWrite?.(record);
  });
}

/** The order for a new record: past every record, deleted ones included, so a restored one never shares a slot. */
export function nextOrder<T>(map: Y.Map<T>): number {
  let last = 0;
  map.forEach((record: unknown) => {
    if (record instanceof Y.Map) last = Math.max(last, readNumber(record, 'order'));
  });
  return Math.floor(last) + 1;
}

/**
 * Moves record `id` to position `toIndex` among `live` (the kind's live records, in display
 * order): one write of the record's own `order`, halfway between its new neighbours. When floating
 * point runs out between them, the whole list is renumbered once instead.
 */
export function reorder<T>(doc: Y.Doc, map: Y.Map<T>, live: readonly { id: string; order: number }[], id: string, toIndex: number): void {
  const from = live.findIndex((r) => r.id === id);
  const record = recordIn(map, id);
  if (from < 0 || !record) return;
  const others = live.filter((r) => r.id !== id);
  const index = clampInt(toIndex, 0, others.length);
  if (index === from) return;
  const before = others[index - 1]?.order;
  const after = others[index]?.order;
  const order = before === undefined ? (after ?? 1) - 1 : after === undefined ? before + 1 : (before + after) / 2;
  mutate(doc, () => {
    if (before !== undefined && after !== undefined && !(order > before && order < after)) {
      const ids = others.map((r) => r.id);
      ids.splice(index, 0, id);
      ids.forEach((rid, n) => recordIn(map, rid)?.set('order', n + 1));
      return;
    }
    record.set('order', order);
  });
}

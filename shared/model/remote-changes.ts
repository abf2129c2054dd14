import * as Y from 'yjs';
import { notesMap } from './doc-roots';
import { isLocalOrigin, MIGRATION_ORIGIN } from './origin';

/**
 * What others did to notes, as it arrives: the "while you were apart" summary collects these for a
 * few seconds after this device reconnects, so nothing merges out of sight.
 */
export type NoteChangeKind = 'added' | 'edited' | 'moved' | 'deleted';

export interface NoteChange {
  noteId: string;
  kind: NoteChangeKind;
  /** Yjs client id of the device that wrote it (its awareness tells the name), null if unknown. */
  clientId: number | null;
}

/** One note's changes collapse to the one a person cares most about: gone, new, reworded, moved. */
const WEIGHT: Record<NoteChangeKind, number> = { deleted: 4, added: 3, edited: 2, moved: 1 };

export function strongerChange(a: NoteChangeKind, b: NoteChangeKind): NoteChangeKind {
  return WEIGHT[a] >= WEIGHT[b] ? a : b;
}

type Item = { id: { client: number } } | null | undefined;
/** The item that holds a map key's current value: its id names the client that wrote it. */
const writerOf = (map: object, key: string): number | null =>
  ((map as unknown as { _map: Map<string, Item> })._map.get(key)?.id.client ?? null);

/** The one device whose state advanced in the transaction, when it was one (a deletion names no writer). */
function soleWriter(transaction: Y.Transaction): number | null {
  const advanced = [...transaction.afterState].filter(([client, clock]) => (transaction.beforeState.get(client) ?? 0) < clock).map(([client]) => client);
  return advanced.length === 1 ? advanced[0]! : null;
}

function keyOf(record: object): string | null {
  const sub = (record as unknown as { _item?: { parentSub?: unknown } | null })._item?.parentSub;
  return typeof sub === 'string' ? sub : null;
}

/** Calls `onChange` for every note change that came from elsewhere; returns the stop function. */
export function watchRemoteNoteChanges(doc: Y.Doc, onChange: (change: NoteChange) => void): () => void {
  const notes = notesMap(doc);
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (isLocalOrigin(transaction.origin) || transaction.origin === MIGRATION_ORIGIN) return;
    for (const event of events) {
      if (event.target === notes && event instanceof Y.YMapEvent) {
        for (const key of event.keysChanged) {
          if (notes.get(key) instanceof Y.Map && event.changes.keys.get(key)?.action === 'add') onChange({ noteId: key, kind: 'added', clientId: writerOf(notes, key) });
        }
      } else if (event instanceof Y.YMapEvent && event.target.parent === notes) {
        const noteId = keyOf(event.target);
        if (!noteId) continue;
        const record = event.target as Y.Map<unknown>;
        for (const key of event.keysChanged) {
          if (key === 'deletedAt' && typeof record.get('deletedAt') === 'number') onChange({ noteId, kind: 'deleted', clientId: writerOf(record, key) });
          else if (key === 'pos') onChange({ noteId, kind: 'moved', clientId: writerOf(record, key) });
          else if (key !== 'updatedAt' && key !== 'deletedAt') onChange({ noteId, kind: 'edited', clientId: writerOf(record, key) });
        }
      } else if (event instanceof Y.YTextEvent && event.target.parent?.parent === notes) {
        const noteId = keyOf(event.target.parent);
        const added = [...event.changes.added][0] as unknown as Item;
        if (noteId) onChange({ noteId, kind: 'edited', clientId: added?.id.client ?? soleWriter(transaction) });
      }
    }
  };
  notes.observeDeep(handler);
  return () => notes.unobserveDeep(handler);
}

import * as Y from 'yjs';
import { notesMap, votesMap } from './doc-roots';
import { isPlainObject } from './validate';
import { isDocWritable } from './write';

/**
 * Privacy by design: a facilitator can take the participants' names out of a session and keep
 * everything they made. Notes lose their author's name (the device id stays: it is random, and the
 * app needs it to know a person's own private notes); votes of named rounds lose the voter's name.
 * Facilitators stay named (they run the session in public), and so does the decision record,
 * whose entries are fixed by their hashes.
 *
 * Run with its own transaction origin and never through the undo manager: an undo step would keep
 * the old names alive in memory, while outside it Yjs drops the replaced values (garbage
 * collection), so an archive or a stored snapshot made afterwards no longer holds them.
 * Returns how many names were removed.
 */
export const PURGE_ORIGIN = Object.freeze({ kind: 'purge-names' as const });

export function purgeNames(doc: Y.Doc): number {
  if (!isDocWritable(doc)) return 0;
  let removed = 0;
  doc.transact(() => {
    notesMap(doc).forEach((record) => {
      if (record instanceof Y.Map && record.get('authorName')) {
        record.set('authorName', '');
        removed++;
      }
    });
    const votes = votesMap(doc);
    votes.forEach((value, id) => {
      if (isPlainObject(value) && typeof value.name === 'string' && value.name) {
        const { name: _name, ...rest } = value;
        votes.set(id, rest);
        removed++;
      }
    });
  }, PURGE_ORIGIN);
  return removed;
}

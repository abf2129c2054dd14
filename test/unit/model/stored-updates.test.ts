import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStoredUpdates, docFromStoredUpdates } from '../../../shared/model';

function edits(): { snapshot: Uint8Array; later: Uint8Array[]; expected: Record<string, unknown> } {
  const doc = new Y.Doc();
  const map = doc.getMap('m');
  map.set('a', 1);
  const snapshot = Y.encodeStateAsUpdate(doc);
  const later: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => later.push(u));
  map.set('b', 2);
  map.set('a', 3);
  return { snapshot, later, expected: map.toJSON() };
}

describe('stored updates', () => {
  it('rebuilds a doc from a snapshot and the updates after it (V1 and V2)', () => {
    const { snapshot, later, expected } = edits();
    expect(docFromStoredUpdates({ snapshot, updates: later, encoding: 'v1' }).getMap('m').toJSON()).toEqual(expected);
    const v2 = docFromStoredUpdates({
      snapshot: Y.convertUpdateFormatV1ToV2(snapshot),
      updates: later.map((u) => Y.convertUpdateFormatV1ToV2(u)),
      encoding: 'v2',
    });
    expect(v2.getMap('m').toJSON()).toEqual(expected);
  });
  it('applies in one transaction with the given origin', () => {
    const { snapshot, later } = edits();
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    applyStoredUpdates(doc, { snapshot, updates: later, encoding: 'v1' }, 'storage');
    expect(origins).toEqual(['storage']);
  });
  it('throws on bytes that are not an update, leaving no half-built doc behind', () => {
    expect(() => docFromStoredUpdates({ updates: [new Uint8Array([255, 255, 255, 1, 2])], encoding: 'v1' })).toThrow();
  });
});

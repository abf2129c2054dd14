import { describe, expect, it } from 'vitest';
import * as M from '../../../shared/model';
import { session } from './helpers';

describe('observeRoots', () => {
  it('reports changes of the named roots, deep ones included, and nothing after it stops', () => {
    const { docs: [doc], boardId } = session(1);
    const d = doc!;
    let calls = 0;
    const stop = M.observeRoots(d, ['boards', 'meta'], () => calls++);
    M.renameBoard(d, boardId, 'Renamed');
    M.renameSession(d, 'New title');
    expect(calls).toBe(2);
    M.addNote(d, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    expect(calls).toBe(2);
    stop();
    M.renameBoard(d, boardId, 'Again');
    expect(calls).toBe(2);
  });
});

describe('setSessionCreatedAt', () => {
  it('sets the creation date of a copy, and refuses a read-only doc', () => {
    const { docs: [doc] } = session(1);
    const d = doc!;
    M.setSessionCreatedAt(d, 500);
    expect(M.readSessionMeta(d).createdAt).toBe(500);
    d.transact(() => M.metaMap(d).set('schemaVersion', M.SCHEMA_VERSION + 1));
    M.setSessionCreatedAt(d, 900);
    expect(M.readSessionMeta(d).createdAt).toBe(500);
  });
});

import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../../shared/protocol/room-wire';
import { awarenessFrame, FrameError, readFrame, syncStep1Frame, updateFrame } from '../../../shared/protocol/sync-frames';

function docWith(key: string, value: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return doc;
}

/** Frames built by hand with y-protocols, independently of the module under test. */
function handFrame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

describe('relay sync frames', () => {
  for (const strict of [false, true]) {
    it(`two replicas converge through step 1 / step 2 / update frames (${strict ? 'host' : 'client'} reader)`, () => {
      const a = docWith('a', 'from A');
      const b = docWith('b', 'from B');
      // A's step 1 at B: B answers with what A lacks.
      const atB = readFrame(syncStep1Frame(a), { doc: b, origin: 'a', strict });
      expect(atB).toMatchObject({ type: MESSAGE_SYNC, syncType: syncProtocol.messageYjsSyncStep1 });
      const atA = readFrame(atB.reply!, { doc: a, origin: 'b', strict });
      expect(atA).toEqual({ type: MESSAGE_SYNC, syncType: syncProtocol.messageYjsSyncStep2, reply: null });
      expect(a.getMap('m').toJSON()).toEqual({ a: 'from A', b: 'from B' });
      // And the other way round, as both sides of a relay socket do.
      readFrame(readFrame(syncStep1Frame(b), { doc: a, origin: 'b', strict }).reply!, { doc: b, origin: 'a', strict });
      expect(b.getMap('m').toJSON()).toEqual({ a: 'from A', b: 'from B' });
      // Live edits travel as update frames, with the given origin.
      const origins: unknown[] = [];
      b.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
      a.on('update', (update: Uint8Array) => readFrame(updateFrame(update), { doc: b, origin: 'relay', strict }));
      a.getMap('m').set('c', 'live');
      expect(b.getMap('m').get('c')).toBe('live');
      expect(origins).toEqual(['relay']);
    });
  }

  it('frames are byte-identical to hand-built y-websocket messages', () => {
    const doc = docWith('k', 'v');
    expect(syncStep1Frame(doc)).toEqual(handFrame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
    const update = Y.encodeStateAsUpdate(doc);
    expect(updateFrame(update)).toEqual(handFrame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update)));
  });

  it('carries awareness states and reports a query for the caller to answer', () => {
    const from = new Awareness(new Y.Doc());
    from.setLocalState({ user: { name: 'Ana' } });
    const to = new Awareness(new Y.Doc());
    const read = readFrame(awarenessFrame(from, [from.clientID]), { doc: to.doc, awareness: to, origin: 'x' });
    expect(read.type).toBe(MESSAGE_AWARENESS);
    expect(to.getStates().get(from.clientID)).toEqual({ user: { name: 'Ana' } });
    expect(readFrame(handFrame(MESSAGE_QUERY_AWARENESS, () => undefined), { doc: to.doc, origin: 'x', strict: true }).type).toBe(MESSAGE_QUERY_AWARENESS);
  });

  describe('the strict (host) reader refuses what a broken or hostile sender sends', () => {
    const cases: [string, Uint8Array][] = [
      ['an unknown message type', handFrame(9, () => undefined)],
      ['an unknown sync message', handFrame(MESSAGE_SYNC, (e) => encoding.writeVarUint(e, 7))],
      ['an update Yjs cannot decode', handFrame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, new Uint8Array([200, 1, 2, 3, 4, 5])))],
      ['trailing bytes', new Uint8Array([...updateFrame(Y.encodeStateAsUpdate(docWith('k', 'v'))), 1, 2, 3])],
      ['an empty frame', new Uint8Array()],
    ];
    for (const [name, data] of cases) {
      it(name, () => {
        const doc = new Y.Doc();
        expect(() => readFrame(data, { doc, origin: 'x', strict: true })).toThrow(FrameError);
      });
    }

    it('an admit hook sees each update first; what it throws comes through unchanged and nothing is applied', () => {
      class Quota extends Error {}
      const doc = new Y.Doc();
      const seen: number[] = [];
      const frame = updateFrame(Y.encodeStateAsUpdate(docWith('k', 'v')));
      readFrame(frame, { doc, origin: 'x', strict: true, admit: (u) => seen.push(u.length) });
      expect(seen).toHaveLength(1);
      expect(doc.getMap('m').get('k')).toBe('v');
      const other = new Y.Doc();
      const refuse = () => readFrame(frame, { doc: other, origin: 'x', strict: true, admit: () => { throw new Quota('full'); } });
      expect(refuse).toThrow(Quota);
      expect(other.getMap('m').size).toBe(0);
    });

    it('while the lenient (client) reader skips an unknown message type and trailing bytes', () => {
      const doc = new Y.Doc();
      expect(readFrame(handFrame(9, () => undefined), { doc, origin: 'x' }).type).toBe(9);
      readFrame(new Uint8Array([...updateFrame(Y.encodeStateAsUpdate(docWith('k', 'v'))), 1, 2, 3]), { doc, origin: 'x' });
      expect(doc.getMap('m').get('k')).toBe('v');
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Room } from 'y-webrtc';
import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../../shared/model';
import { forwardAfterRender } from '../../../renderer/sync/webrtc';

/** The part of a y-webrtc Room that forwarding touches, connected the way Room.connect() does it. */
function connectedRoom(doc: Y.Doc, log: string[]) {
  const sent: Uint8Array[] = [];
  const room = {
    doc,
    _docUpdateHandler: (update: Uint8Array) => {
      sent.push(update);
      log.push('sent');
    },
  };
  doc.on('update', room._docUpdateHandler);
  return { room, sent, asRoom: room as unknown as Room };
}

/** Stands in for React: an observer that queues the render as a microtask, as useSyncExternalStore does. */
function renderOnChange(doc: Y.Doc, log: string[]) {
  doc.getMap('notes').observe(() => queueMicrotask(() => log.push('render')));
}

function remoteEdit(text: string): Uint8Array {
  const peer = new Y.Doc();
  peer.getMap('notes').set('n1', text);
  return Y.encodeStateAsUpdate(peer);
}

describe('forwarding what other peers sent', () => {
  it('sends a local edit to the peers at once, inside the transaction', () => {
    const doc = new Y.Doc();
    const log: string[] = [];
    const { asRoom, sent } = connectedRoom(doc, log);
    forwardAfterRender(asRoom);
    renderOnChange(doc, log);
    doc.transact(() => doc.getMap('notes').set('n1', 'mine'), LOCAL_ORIGIN);
    expect(sent).toHaveLength(1);
    expect(log).toEqual(['sent']);
  });

  it('passes an arrived update on only after the render it triggered, merged into one message', async () => {
    const doc = new Y.Doc();
    const log: string[] = [];
    const { asRoom, sent } = connectedRoom(doc, log);
    forwardAfterRender(asRoom);
    renderOnChange(doc, log);
    const fromPeer = { kind: 'a peer' };
    Y.applyUpdate(doc, remoteEdit('first'), fromPeer);
    Y.applyUpdate(doc, remoteEdit('second'), fromPeer);
    expect(sent).toHaveLength(0);
    await Promise.resolve();
    await Promise.resolve();
    expect(log[0]).toBe('render');
    expect(sent).toHaveLength(1);
    // The one forwarded message carries both edits.
    const other = new Y.Doc();
    Y.applyUpdate(other, sent[0]!);
    expect(other.getMap('notes').size).toBe(1);
    expect(Y.encodeStateVector(other)).toEqual(Y.encodeStateVector(doc));
  });

  it('a local edit right after arrived ones sends those first, so nothing is held back behind it', () => {
    const doc = new Y.Doc();
    const log: string[] = [];
    const { asRoom, sent } = connectedRoom(doc, log);
    forwardAfterRender(asRoom);
    Y.applyUpdate(doc, remoteEdit('theirs'), { kind: 'relay' });
    doc.transact(() => doc.getMap('notes').set('n2', 'mine'), LOCAL_ORIGIN);
    expect(sent).toHaveLength(2);
    const other = new Y.Doc();
    Y.applyUpdate(other, sent[0]!);
    expect(other.getMap('notes').toJSON()).toEqual({ n1: 'theirs' });
  });

  it('stops with the room: disconnect() removes the forwarding listener', async () => {
    const doc = new Y.Doc();
    const log: string[] = [];
    const { room, asRoom, sent } = connectedRoom(doc, log);
    forwardAfterRender(asRoom);
    // What Room.disconnect() does.
    doc.off('update', room._docUpdateHandler);
    doc.transact(() => doc.getMap('notes').set('n1', 'after'), LOCAL_ORIGIN);
    Y.applyUpdate(doc, remoteEdit('late'), { kind: 'peer' });
    await Promise.resolve();
    expect(sent).toHaveLength(0);
  });
});

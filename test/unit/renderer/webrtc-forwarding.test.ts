import { describe, expect, it } from 'vitest';
import type { Room } from 'y-webrtc';
import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../../shared/model';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { forwardAfterRender, ownPresenceOnly } from '../../../renderer/sync/webrtc';

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

  it('while the relay is up, an arrived update is not forwarded (the host reaches everyone); local edits still go', async () => {
    const doc = new Y.Doc();
    const log: string[] = [];
    const { asRoom, sent } = connectedRoom(doc, log);
    let relayUp = true;
    forwardAfterRender(asRoom, () => relayUp);
    Y.applyUpdate(doc, remoteEdit('from a peer'), { kind: 'peer' });
    await Promise.resolve();
    expect(sent).toHaveLength(0);
    doc.transact(() => doc.getMap('notes').set('n2', 'mine'), LOCAL_ORIGIN);
    expect(sent).toHaveLength(1);
    // The host is gone: forwarding is back, for peers the sender may not reach.
    relayUp = false;
    Y.applyUpdate(doc, remoteEdit('while the host is down'), { kind: 'peer' });
    await Promise.resolve();
    expect(sent).toHaveLength(2);
  });
});

describe('forwarding presence', () => {
  function presenceRoom(relayUp: () => boolean) {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const sent: { added: number[]; updated: number[]; removed: number[] }[] = [];
    const room = { doc, awareness, _awarenessUpdateHandler: (change: (typeof sent)[number]) => sent.push(change) };
    awareness.on('update', room._awarenessUpdateHandler);
    ownPresenceOnly(room as unknown as Room, relayUp);
    return { doc, awareness, sent };
  }

  function peerState(clientID: number, name: string): Uint8Array {
    const peer = new Y.Doc();
    peer.clientID = clientID;
    const theirs = new Awareness(peer);
    theirs.setLocalStateField('user', { name });
    return encodeAwarenessUpdate(theirs, [clientID]);
  }

  it('while the relay is up only this page’s own presence goes out; without it, everyone’s', () => {
    let relayUp = true;
    const { doc, awareness, sent } = presenceRoom(() => relayUp);
    sent.length = 0;
    applyAwarenessUpdate(awareness, peerState(4242, 'Ana'), 'peer');
    expect(sent).toEqual([]);
    awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    expect(sent).toEqual([{ added: [], updated: [doc.clientID], removed: [] }]);
    relayUp = false;
    applyAwarenessUpdate(awareness, peerState(4343, 'Jan'), 'peer');
    expect(sent.at(-1)).toEqual({ added: [4343], updated: [], removed: [] });
  });
});

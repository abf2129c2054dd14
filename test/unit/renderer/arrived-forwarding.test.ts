import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ArrivedForwarding } from '../../../renderer/sync/arrived-forwarding';

function edit(doc: Y.Doc, key: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap('notes').set(key, key);
  return Y.encodeStateAsUpdate(doc, before);
}

afterEach(() => vi.useRealTimers());

describe('ArrivedForwarding', () => {
  it('each update gets its whole wait for the relay to bring it, even one arriving late in another’s', () => {
    vi.useFakeTimers();
    let clock = 0;
    const sent: Uint8Array[] = [];
    const forwarding = new ArrivedForwarding((u) => sent.push(u), 1000, () => clock);
    const peer = new Y.Doc();
    const first = edit(peer, 'first');
    forwarding.arrived(first);
    clock = 900;
    vi.advanceTimersByTime(900);
    const second = edit(peer, 'second');
    forwarding.arrived(second);
    clock = 1000;
    vi.advanceTimersByTime(100);
    // The first's wait is over and the relay never brought it: it goes up, the second still waits.
    expect(sent).toEqual([first]);
    forwarding.deliveredByRelay(second);
    clock = 1900;
    vi.advanceTimersByTime(900);
    expect(sent).toHaveLength(1);
  });

  it('an update the relay already brought is never held; a deletion alone goes up after the wait', () => {
    vi.useFakeTimers();
    const sent: Uint8Array[] = [];
    const forwarding = new ArrivedForwarding((u) => sent.push(u), 1000, () => Date.now());
    const peer = new Y.Doc();
    const update = edit(peer, 'a');
    forwarding.deliveredByRelay(update);
    forwarding.arrived(update);
    expect(forwarding.size).toBe(0);

    const text = peer.getText('t');
    text.insert(0, 'abc');
    forwarding.deliveredByRelay(Y.encodeStateAsUpdate(peer));
    const before = Y.encodeStateVector(peer);
    text.delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(peer, before);
    forwarding.arrived(deletion);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([deletion]);
  });

  it('leaving sends at once what the host has not shown it holds; a dropped link forgets it', () => {
    const sent: Uint8Array[] = [];
    const forwarding = new ArrivedForwarding((u) => sent.push(u), 1000);
    const peer = new Y.Doc();
    const a = edit(peer, 'a');
    forwarding.arrived(a);
    forwarding.flush();
    expect(sent).toEqual([a]);
    forwarding.arrived(edit(peer, 'b'));
    forwarding.drop();
    forwarding.flush();
    expect(sent).toHaveLength(1);
  });
});

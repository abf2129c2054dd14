import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { createPresenceStore, type PresenceStore, type Schedule } from '../../../renderer/presence/presence-store';
import { colourForClient } from '../../../renderer/identity/palette';
import type { Clock } from '../../../renderer/presence/throttle';

// Two peers in one process: every change of `from`'s local state is delivered to `to`, the way
// the relay and y-webrtc deliver awareness updates.
function link(from: Awareness, to: Awareness) {
  from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const changed = [...added, ...updated, ...removed];
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'remote');
  });
}

function manualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  };
  return { clock, advance };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A's presence delivered to B, one way; both destroyed after the test. */
function aToB() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  link(a, b);
  cleanups.push(() => {
    a.destroy();
    b.destroy();
  });
  return { a, b };
}

function peers() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  link(a, b);
  link(b, a);
  cleanups.push(() => {
    a.destroy();
    b.destroy();
  });
  const { clock, advance } = manualClock();
  const store: PresenceStore = createPresenceStore(b, clock);
  cleanups.push(store.connect());
  return { a, b, store, advance };
}

describe('presence store (what B sees of A)', () => {
  it('lists both people, B first as “self”, with A’s name and colour', () => {
    const { a, b, store } = peers();
    b.setLocalStateField('user', { name: 'Bartek', colour: '#2e7d32' });
    a.setLocalStateField('user', { name: 'Ana', colour: '#c2185b' });
    expect(store.getState().people).toEqual([
      { clientId: b.clientID, name: 'Bartek', colour: '#2e7d32', self: true, device: null, lead: null },
      { clientId: a.clientID, name: 'Ana', colour: '#c2185b', self: false, device: null, lead: null },
    ]);
  });

  it('shows A’s cursor on A’s board, never B’s own cursor', () => {
    const { a, b, store } = peers();
    a.setLocalStateField('user', { name: 'Ana', colour: '#c2185b' });
    a.setLocalStateField('cursor', { boardId: 'board1', x: 10, y: 20 });
    b.setLocalStateField('cursor', { boardId: 'board1', x: 1, y: 1 });
    expect(store.getState().cursors).toEqual([{ clientId: a.clientID, name: 'Ana', colour: '#c2185b', boardId: 'board1', x: 10, y: 20, idle: false }]);
    a.setLocalStateField('cursor', null);
    expect(store.getState().cursors).toEqual([]);
  });

  it('fades a cursor that has not moved for 10 s, and wakes it on the next move', () => {
    const { a, store, advance } = peers();
    a.setLocalStateField('cursor', { boardId: 'b', x: 1, y: 1 });
    advance(9_000);
    expect(store.getState().cursors[0]?.idle).toBe(false);
    // Awareness renews the same state every 15 s; that is not movement.
    a.setLocalStateField('cursor', { boardId: 'b', x: 1, y: 1 });
    advance(1_500);
    expect(store.getState().cursors[0]?.idle).toBe(true);
    a.setLocalStateField('cursor', { boardId: 'b', x: 2, y: 1 });
    expect(store.getState().cursors[0]?.idle).toBe(false);
  });

  it('marks the note A edits and the note A selects; editing wins when both are the same', () => {
    const { a, store } = peers();
    a.setLocalStateField('user', { name: 'Ana', colour: '#c2185b' });
    a.setLocalStateField('editing', 'n1');
    a.setLocalStateField('selected', 'n1');
    expect(store.getState().noteMarks).toEqual({ n1: [{ clientId: a.clientID, name: 'Ana', colour: '#c2185b', kind: 'editing' }] });
    a.setLocalStateField('editing', null);
    expect(store.getState().noteMarks.n1?.[0]?.kind).toBe('selected');
    a.setLocalStateField('selected', 'n2');
    expect(Object.keys(store.getState().noteMarks)).toEqual(['n2']);
  });

  it('does not change a note’s marks (or the people) when only a cursor moves', () => {
    const { a, store } = peers();
    a.setLocalStateField('editing', 'n1');
    const { noteMarks, people } = store.getState();
    const before = noteMarks.n1;
    let cursorUpdates = 0;
    store.subscribe((s, prev) => {
      if (s.cursors !== prev.cursors) cursorUpdates++;
    });
    for (let i = 0; i < 5; i++) a.setLocalStateField('cursor', { boardId: 'b', x: i, y: i });
    expect(cursorUpdates).toBe(5);
    expect(store.getState().noteMarks.n1).toBe(before);
    expect(store.getState().noteMarks).toBe(noteMarks);
    expect(store.getState().people).toBe(people);
  });

  it('shows a peer without a user as a guest in a colour derived from its id, and drops garbage fields', () => {
    const { a, store } = peers();
    a.setLocalState({ user: { name: 42, colour: 'javascript:alert(1)' }, cursor: { boardId: 'b', x: 'far', y: 0 }, editing: ['n1'] });
    const person = store.getState().people.find((p) => !p.self);
    expect(person).toEqual({ clientId: a.clientID, name: '', colour: colourForClient(a.clientID), self: false, device: null, lead: null });
    expect(store.getState().cursors).toEqual([]);
    expect(store.getState().noteMarks).toEqual({});
  });

  it('forgets a peer that leaves (closes the app, or times out)', () => {
    const { a, b, store } = peers();
    const c = new Awareness(new Y.Doc());
    link(c, b);
    cleanups.push(() => c.destroy());
    a.setLocalStateField('editing', 'n1');
    a.setLocalStateField('cursor', { boardId: 'b', x: 0, y: 0 });
    c.setLocalStateField('selected', 'n2');
    expect(store.getState().people).toHaveLength(3);
    a.setLocalState(null);
    removeAwarenessStates(b, [c.clientID], 'timeout');
    expect(store.getState().people.map((p) => p.self)).toEqual([true]);
    expect(store.getState().cursors).toEqual([]);
    expect(store.getState().noteMarks).toEqual({});
  });

  it('reads the states already there when it connects (a board opened after others joined)', () => {
    const { a, b } = aToB();
    a.setLocalStateField('user', { name: 'Ana', colour: '#c2185b' });
    a.setLocalStateField('editing', 'n9');
    const store = createPresenceStore(b);
    cleanups.push(store.connect());
    expect(store.getState().people.find((p) => !p.self)?.name).toBe('Ana');
    expect(store.getState().noteMarks.n9).toHaveLength(1);
  });

  it('applies a burst of presence messages together, with one notification, when its turn comes', () => {
    const { a, b } = aToB();
    const waiting: (() => void)[] = [];
    const nextFrame: Schedule = (work) => void waiting.push(work);
    const store = createPresenceStore(b, undefined, undefined, nextFrame);
    cleanups.push(store.connect());
    let notified = 0;
    cleanups.push(store.subscribe(() => notified++));

    a.setLocalStateField('user', { name: 'Ana', colour: '#c2185b' });
    a.setLocalStateField('selected', 'n1');
    a.setLocalStateField('editing', 'n1');
    a.setLocalStateField('caret', { noteId: 'n1', at: [3, 3] });
    // Nothing read or drawn while the messages arrive: one turn is asked for, for all of them.
    expect(store.getState().people.filter((p) => !p.self)).toEqual([]);
    expect(notified).toBe(0);
    expect(waiting).toHaveLength(1);

    waiting.shift()!();
    expect(notified).toBe(1);
    expect(store.getState().people.find((p) => !p.self)?.name).toBe('Ana');
    expect(store.getState().noteMarks.n1).toEqual([{ clientId: a.clientID, name: 'Ana', colour: '#c2185b', kind: 'editing', caret: [3, 3] }]);

    // A person who leaves before the turn comes is simply gone.
    a.setLocalStateField('editing', 'n2');
    removeAwarenessStates(b, [a.clientID], 'timeout');
    waiting.shift()!();
    expect(store.getState().people.filter((p) => !p.self)).toEqual([]);
    expect(store.getState().noteMarks).toEqual({});
  });
});

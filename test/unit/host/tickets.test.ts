import { describe, expect, it } from 'vitest';
import { TicketStore } from '../../../main/host/tickets';

const ROOM_A = 'room-a';
const ROOM_B = 'room-b';

describe('TicketStore', () => {
  it('past the per-room cap, drops only that room’s oldest unused ticket', () => {
    const store = new TicketStore({ perRoom: 3, total: 100 });
    const other = store.issue(ROOM_B); // released: unused, but another room's
    other.release();
    const live = store.issue(ROOM_A); // its /sync socket is still open
    const attached = store.issue(ROOM_A);
    attached.release();
    store.attach(attached.ticket, () => undefined); // a signaling socket uses it
    const unused = store.issue(ROOM_A);
    unused.release();
    for (let i = 0; i < 10; i++) store.issue(ROOM_A).release();
    expect(store.roomOf(live.ticket)).toBe(ROOM_A);
    expect(store.roomOf(attached.ticket)).toBe(ROOM_A);
    expect(store.roomOf(unused.ticket)).toBeNull();
    expect(store.roomOf(other.ticket)).toBe(ROOM_B);
    expect(store.sizeOf(ROOM_A)).toBe(3);
  });

  it('past the total cap, evicts from the room holding the most, never a ticket in use', () => {
    const store = new TicketStore({ perRoom: 1000, total: 5 });
    const quiet = store.issue(ROOM_B);
    quiet.release();
    const flood = Array.from({ length: 20 }, () => store.issue(ROOM_A));
    expect(store.size).toBeLessThanOrEqual(21);
    // All of the flood is still in use (sockets open): nothing may go, so the store grows.
    for (const t of flood) expect(store.roomOf(t.ticket)).toBe(ROOM_A);
    for (const t of flood) t.release();
    store.issue(ROOM_A).release();
    expect(store.roomOf(quiet.ticket)).toBe(ROOM_B);
    expect(store.size).toBe(21);
  });

  it('keeps an expired ticket while in use, and revokes a room’s attached sockets except the kept one', () => {
    let now = 0;
    const store = new TicketStore({ perRoom: 10, total: 10, ttlMs: 1000 }, () => now);
    const f = store.issue(ROOM_A);
    const p = store.issue(ROOM_A);
    const closed: string[] = [];
    store.attach(f.ticket, () => closed.push('f'));
    store.attach(p.ticket, (code) => closed.push(`p:${code}`));
    now = 2000;
    store.issue(ROOM_B); // purges expired unused tickets: none of A's
    store.revokeRoom(ROOM_A, 4402, f.ticket);
    expect(closed).toEqual(['p:4402']);
    expect(store.sizeOf(ROOM_A)).toBe(1);
  });
});

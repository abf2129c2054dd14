// One laptop whose clock is hours behind, or is set back in the middle of the workshop: what the
// room sees must stay in order — the decision record, the timer and which note is in front.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import * as M from '../../../shared/model';
import { steadyTime } from '../../../shared/protocol/steady-time';
import { session, syncAll } from './helpers';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const anna = { id: 'fac-a', name: 'Anna' };
const ben = { id: 'fac-b', name: 'Ben' };

function log(doc: Y.Doc, kind: M.DecisionKind, at: number, by = anna): string {
  let hash = '';
  doc.transact(() => (hash = M.appendDecision(doc, { kind, at, by, data: {} })), M.LOCAL_ORIGIN);
  return hash;
}

/** A laptop: a wall clock a test can set back, and a monotonic counter that only moves forward. */
function laptop(startWall: number) {
  let wall = startWall;
  let mono = 0;
  return {
    wall: () => wall,
    mono: () => mono,
    pass(ms: number) {
      wall += ms;
      mono += ms;
    },
    setBack(ms: number) {
      wall -= ms;
    },
  };
}

describe('decision record with a clock hours behind', () => {
  it('keeps the order in which the entries were made, on every device, and still verifies', () => {
    const { docs } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const first = log(a, 'activityStarted', T0);
    syncAll(a, b);
    // Ben's laptop is three hours behind: his entry carries an earlier time than the one it follows.
    const second = log(b, 'boardLocked', T0 + 60_000 - 3 * HOUR, ben);
    syncAll(a, b);
    const third = log(a, 'activityFinished', T0 + 120_000);
    syncAll(a, b);
    for (const doc of docs) {
      const verdict = M.verifyDecisionLog(doc);
      expect(verdict.problem).toBeNull();
      expect(verdict.entries.map((e) => e.hash)).toEqual([first, second, third]);
    }
  });

  it('a clock set back mid-session (several entries, two devices apart then together) never puts an entry before one it followed', () => {
    const { docs } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const a1 = log(a, 'activityStarted', T0);
    const a2 = log(a, 'boardLocked', T0 + 10 * 60_000);
    syncAll(a, b);
    // Anna's clock is set back two hours now; Ben's is right. They work apart, then meet.
    const a3 = log(a, 'boardUnlocked', T0 + 11 * 60_000 - 2 * HOUR);
    const b1 = log(b, 'zoneLocked', T0 + 11 * 60_000, ben);
    syncAll(a, b);
    const a4 = log(a, 'activityFinished', T0 + 12 * 60_000 - 2 * HOUR);
    syncAll(a, b);
    const order = M.verifyDecisionLog(a).entries.map((e) => e.hash);
    expect(M.verifyDecisionLog(b).entries.map((e) => e.hash)).toEqual(order);
    const at = (hash: string) => order.indexOf(hash);
    expect(at(a1)).toBeLessThan(at(a2));
    expect(at(a2)).toBeLessThan(at(a3));
    expect(at(a2)).toBeLessThan(at(b1));
    // a4 saw both branches: it comes after them, whatever its time says.
    expect(at(a4)).toBe(order.length - 1);
  });
});

describe('timer when the facilitator’s clock is set back mid-run', () => {
  it('keeps counting down with the app’s steady time (the raw wall clock would freeze it for two hours)', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const pc = laptop(T0);
    const now = steadyTime(pc.wall, pc.mono);
    M.startTimer(doc, 'fac-a', 10 * 60_000, now());
    pc.pass(3 * 60_000);
    expect(M.readTimer(doc, now()).remainingMs).toBe(7 * 60_000);

    pc.setBack(2 * HOUR);
    pc.pass(60_000);
    // What the raw clock says: nothing elapsed at all, for the next two hours.
    expect(M.readTimer(doc, pc.wall()).remainingMs).toBe(10 * 60_000);
    expect(M.readTimer(doc, now()).remainingMs).toBe(6 * 60_000);

    // Pause and resume keep the time that really passed.
    M.pauseTimer(doc, 'fac-a', now());
    expect(M.readTimer(doc, now())).toMatchObject({ state: 'paused', remainingMs: 6 * 60_000 });
    pc.pass(5 * 60_000);
    M.resumeTimer(doc, 'fac-a', now());
    pc.pass(6 * 60_000);
    expect(M.readTimer(doc, now())).toMatchObject({ state: 'running', remainingMs: 0, expired: true });
  });

  it('follows a clock that moves forward (the laptop slept: time really passed)', () => {
    const { docs } = session(1);
    const doc = docs[0]!;
    const pc = laptop(T0);
    const now = steadyTime(pc.wall, pc.mono);
    M.startTimer(doc, 'fac-a', 10 * 60_000, now());
    // Asleep for four minutes: the wall clock moved, the monotonic counter did not.
    pc.setBack(-4 * 60_000);
    expect(M.readTimer(doc, now()).remainingMs).toBe(6 * 60_000);
  });

  it('a participant whose clock is set back sees the same remaining time once its steady time is corrected by the host', () => {
    const { docs } = session(2);
    const [fac, guest] = docs as [Y.Doc, Y.Doc];
    const host = laptop(T0);
    const hostNow = steadyTime(host.wall, host.mono);
    const phone = laptop(T0 - 3 * HOUR);
    const phoneNow = steadyTime(phone.wall, phone.mono);
    const offset = hostNow() - phoneNow();
    M.startTimer(fac, 'fac-a', 5 * 60_000, hostNow());
    syncAll(fac, guest);
    host.pass(60_000);
    phone.pass(60_000);
    phone.setBack(HOUR);
    expect(M.readTimer(guest, phoneNow() + offset).remainingMs).toBe(M.readTimer(fac, hostNow()).remainingMs);
  });
});

describe('note stacking with a clock hours behind or ahead', () => {
  it('a note placed or moved by a laptop hours behind comes to the front, not behind everything', () => {
    const { docs, boardId } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const older = M.addNote(a, { boardId, pos: { x: 0, y: 0 }, now: T0, text: 'Older' });
    const newer = M.addNote(a, { boardId, pos: { x: 50, y: 50 }, now: T0 + 1000, text: 'Newer' });
    syncAll(a, b);
    const behind = T0 + 2000 - 3 * HOUR;
    const placed = M.addNote(b, { boardId, pos: { x: 20, y: 20 }, now: behind, text: 'Placed by Ben' });
    syncAll(a, b);
    expect(M.listNotes(a, boardId).map((n) => n.id)).toEqual([older, newer, placed]);
    M.moveNote(b, older, { x: 30, y: 30 }, behind + 1000);
    syncAll(a, b);
    for (const doc of docs) expect(M.listNotes(doc, boardId).map((n) => n.id)).toEqual([newer, placed, older]);
  });

  it('a laptop hours ahead does not pin its note in front: the next note moved elsewhere goes above it', () => {
    const { docs, boardId } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const ahead = M.addNote(b, { boardId, pos: { x: 0, y: 0 }, now: T0 + 5 * HOUR, text: 'From the future' });
    const other = M.addNote(a, { boardId, pos: { x: 50, y: 50 }, now: T0 - 60_000, text: 'Mine' });
    syncAll(a, b);
    M.moveNote(a, other, { x: 60, y: 60 }, T0);
    syncAll(a, b);
    expect(M.listNotes(b, boardId).map((n) => n.id)).toEqual([ahead, other]);
  });

  it('a group moved in one step lands in front, above the board, in the order moved', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const ids = [0, 1, 2, 3].map((i) => M.addNote(doc, { boardId, pos: { x: i * 10, y: 0 }, now: T0 + i, text: `n${i}` }));
    const behind = T0 - HOUR;
    doc.transact(() => {
      for (const id of [ids[0]!, ids[1]!]) M.moveNote(doc, id, { x: 500, y: 500 }, behind);
    }, M.LOCAL_ORIGIN);
    expect(M.listNotes(doc, boardId).map((n) => n.id)).toEqual([ids[2], ids[3], ids[0], ids[1]]);
  });
});

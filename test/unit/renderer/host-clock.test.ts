import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTimerTime, createSessionContent, pauseTimer, readTimer, startTimer } from '../../../shared/model';
import { clockOffsetFrom } from '../../../shared/protocol/host';
import { formatRemaining } from '../../../renderer/facilitation/use-timer';
import { measureHostOffset } from '../../../renderer/sync/host-clock';

describe('clock offset against the host', () => {
  it('takes the host’s time as read halfway through the round trip', () => {
    // Sent at 1,000 and back at 1,100 on a clock 5 minutes fast; the host said 700,050 - 300,000.
    expect(clockOffsetFrom(1_000, 1_100, 1_050 - 300_000)).toEqual({ offsetMs: -300_000, roundTripMs: 100 });
  });

  it('keeps the sample with the shortest round trip, and gives up quietly without a host time', async () => {
    let t = 0;
    const now = () => t;
    const replies = [
      { rtt: 400, host: 10_000 }, // slow: its midpoint guess is worst
      { rtt: 20, host: 20_000 },
      { rtt: 200, host: 30_000 },
    ];
    let i = 0;
    const fetchImpl = (async () => {
      const r = replies[i++]!;
      t += r.rtt;
      return { ok: true, json: async () => ({ ok: true, version: 'x', now: r.host }) };
    }) as unknown as typeof fetch;
    // Second sample: sent at 400, received at 420, host 20,000 → offset 20,000 + 10 - 420.
    expect(await measureHostOffset('http://h', fetchImpl, now)).toBe(19_590);
    const oldHost = (async () => ({ ok: true, json: async () => ({ ok: true, version: 'x' }) })) as unknown as typeof fetch;
    expect(await measureHostOffset('http://h', oldHost, now)).toBeNull();
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await measureHostOffset('http://h', down, now)).toBeNull();
  });
});

describe('timer', () => {
  it('adds a minute while running, paused or set', () => {
    const doc = new Y.Doc();
    createSessionContent(doc, { title: 'L', firstBoardTitle: 'B', now: 1, facilitatorId: 'f' });
    startTimer(doc, 'f', 120_000, 0);
    addTimerTime(doc, 'f', 60_000, 30_000);
    expect(readTimer(doc, 30_000).remainingMs).toBe(150_000);
    pauseTimer(doc, 'f', 40_000);
    addTimerTime(doc, 'f', 60_000, 50_000);
    expect(readTimer(doc, 99_000)).toMatchObject({ state: 'paused', remainingMs: 200_000 });
    expect(addTimerTime(doc, 'someone-else', 60_000, 50_000)).toBe(false);
  });

  it('shows minutes and seconds, hours past an hour, rounding up', () => {
    expect(formatRemaining(245_000)).toBe('4:05');
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
    expect(formatRemaining(999)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
  });
});

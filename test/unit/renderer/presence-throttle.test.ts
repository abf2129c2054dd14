import { describe, expect, it } from 'vitest';
import { throttle, type Clock } from '../../../renderer/presence/throttle';

function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = end;
  };
  return { clock, advance };
}

describe('cursor throttle', () => {
  it('sends the first value at once, then at most one per interval, and always the last one', () => {
    const { clock, advance } = fakeClock();
    const sent: number[] = [];
    const t = throttle<number>((v) => sent.push(v), 50, clock);
    t.push(1);
    expect(sent).toEqual([1]);
    for (let i = 2; i <= 20; i++) {
      advance(5);
      t.push(i);
    }
    // Pushes every 5 ms for 95 ms: the first at 0, the latest one waiting at 50, the last at 100.
    advance(200);
    expect(sent).toEqual([1, 10, 20]);
  });

  it('a value pushed after a quiet spell goes out immediately', () => {
    const { clock, advance } = fakeClock();
    const sent: string[] = [];
    const t = throttle<string>((v) => sent.push(v), 50, clock);
    t.push('a');
    advance(500);
    t.push('b');
    expect(sent).toEqual(['a', 'b']);
  });

  it('cancel drops the waiting value', () => {
    const { clock, advance } = fakeClock();
    const sent: number[] = [];
    const t = throttle<number>((v) => sent.push(v), 50, clock);
    t.push(1);
    t.push(2);
    t.cancel();
    advance(100);
    expect(sent).toEqual([1]);
  });

  it('sends ~20 per second under a steady 60 Hz stream', () => {
    const { clock, advance } = fakeClock();
    let count = 0;
    const t = throttle<number>(() => count++, 50, clock);
    for (let i = 0; i < 60; i++) {
      t.push(i);
      advance(1000 / 60);
    }
    advance(100);
    expect(count).toBeGreaterThanOrEqual(19);
    expect(count).toBeLessThanOrEqual(21);
  });
});

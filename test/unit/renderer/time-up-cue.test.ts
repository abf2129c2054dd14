import { describe, expect, it } from 'vitest';
import type { TimerView } from '../../../shared/model';
import { CUE_FRESH_MS, takeTimeUpCue } from '../../../renderer/facilitation/time-up-cue';

const running = (endsAt: number, remainingMs: number): TimerView => ({ state: 'running', durationMs: 60_000, remainingMs, endsAt, expired: false });
const up = (endsAt: number): TimerView => ({ state: 'running', durationMs: 60_000, remainingMs: 0, endsAt, expired: true });

describe('the time-up cue', () => {
  it('rings once per run of a session, however often the widget reads the ended timer', () => {
    const session = {};
    expect(takeTimeUpCue(session, running(10_000, 1_000), 9_000)).toBe(false);
    expect(takeTimeUpCue(session, up(10_000), 10_050)).toBe(true);
    // The same end read again (a remounted widget, another board): silent.
    expect(takeTimeUpCue(session, up(10_000), 10_300)).toBe(false);
    expect(takeTimeUpCue(session, up(10_000), 12_000)).toBe(false);
  });

  it('rings again for a new run, and separately for each session', () => {
    const a = {};
    const b = {};
    expect(takeTimeUpCue(a, up(10_000), 10_000)).toBe(true);
    expect(takeTimeUpCue(b, up(10_000), 10_000)).toBe(true);
    // +1 min after the end, then the new end.
    expect(takeTimeUpCue(a, running(70_000, 60_000), 10_000)).toBe(false);
    expect(takeTimeUpCue(a, up(70_000), 70_010)).toBe(true);
  });

  it('does not announce an end long past: a late joiner or a reload only sees that time is up', () => {
    const session = {};
    expect(takeTimeUpCue(session, up(10_000), 10_000 + CUE_FRESH_MS + 1)).toBe(false);
    expect(takeTimeUpCue(session, up(10_000), 10_000 + CUE_FRESH_MS + 2)).toBe(false);
    expect(takeTimeUpCue({}, up(10_000), 10_000 + CUE_FRESH_MS)).toBe(true);
  });

  it('stays silent while the timer counts, is paused or stopped', () => {
    const session = {};
    expect(takeTimeUpCue(session, running(10_000, 5), 9_995)).toBe(false);
    expect(takeTimeUpCue(session, { state: 'paused', durationMs: 60_000, remainingMs: 0, endsAt: null, expired: false }, 10_000)).toBe(false);
    expect(takeTimeUpCue(session, { state: 'stopped', durationMs: 60_000, remainingMs: 60_000, endsAt: null, expired: false }, 10_000)).toBe(false);
  });
});

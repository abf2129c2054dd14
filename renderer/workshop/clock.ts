import { steadyTime } from '../../shared/protocol/steady-time';

/**
 * The time every edit is stamped with (`createdAt`, `updatedAt`, `deletedAt`, stacking order).
 * Laptops in one room can be minutes apart; when the host or a peer tells us how far off we are,
 * `learnOffset` keeps that correction and every later stamp uses it. Until then it is Date.now().
 */
export interface Clock {
  now(): number;
  /** Milliseconds to add to this device's clock; 0 until something better is known. */
  readonly offsetMs: number;
  learnOffset(offsetMs: number): void;
}

/** This device's time, immune to its clock being set back mid-session (shared/protocol/steady-time.ts). */
export const deviceTime = steadyTime(Date.now, () => performance.now());

/** Offsets beyond a day are a broken measurement, not a slow clock: ignored. */
const MAX_OFFSET_MS = 24 * 60 * 60 * 1000;

export function createClock(deviceNow: () => number = deviceTime): Clock {
  let offset = 0;
  return {
    now: () => Math.round(deviceNow() + offset),
    get offsetMs() {
      return offset;
    },
    learnOffset(offsetMs) {
      if (Number.isFinite(offsetMs) && Math.abs(offsetMs) <= MAX_OFFSET_MS) offset = offsetMs;
    },
  };
}

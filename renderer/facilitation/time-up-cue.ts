import type { TimerView } from '../../shared/model';

/**
 * A run that ended longer ago than this is shown as over, not announced: someone who opens the
 * session, reloads, or wakes a laptop minutes after the end hears nothing, as in Miro's timer.
 */
export const CUE_FRESH_MS = 30_000;

/** Per session doc: the end (`endsAt`) of the last run this page has announced. */
const announced = new WeakMap<object, number>();

/**
 * Whether the "time is up" tones should play now, and if so marks the run as announced. One cue per
 * run and page, whichever views come and go: the timer widget remounts when a person switches
 * boards or opens another view, and must not ring again for the same end.
 */
export function takeTimeUpCue(session: object, timer: TimerView, now: number): boolean {
  if (!timer.expired || timer.endsAt === null) return false;
  if (announced.get(session) === timer.endsAt) return false;
  announced.set(session, timer.endsAt);
  return now - timer.endsAt <= CUE_FRESH_MS;
}

import type * as Y from 'yjs';
import { addTimerTime, pauseTimer, resumeTimer, startTimer, stopTimer } from '../../shared/model';
import type { Action, Target } from '../../shared/model/policy';
import type { Clock } from './clock';

/** The shared timer, the facilitator's (policy `startTimer`); times are this device's corrected clock. */
export interface TimerActions {
  startTimer(minutes: number): boolean;
  pauseTimer(): boolean;
  resumeTimer(): boolean;
  stopTimer(): boolean;
  addTimerMinute(): boolean;
}

interface Context {
  doc: Y.Doc;
  me: { deviceId: string };
  clock: Clock;
  allowed: (action: Action, target: Target) => boolean;
  step: <T>(edit: () => T) => T;
}

export function createTimerActions({ doc, me, clock, allowed, step }: Context): TimerActions {
  const run = (edit: () => boolean) => allowed('startTimer', {}) && step(edit);
  return {
    startTimer: (minutes) => Number.isFinite(minutes) && minutes > 0 && run(() => startTimer(doc, me.deviceId, Math.round(minutes * 60_000), clock.now())),
    pauseTimer: () => run(() => pauseTimer(doc, me.deviceId, clock.now())),
    resumeTimer: () => run(() => resumeTimer(doc, me.deviceId, clock.now())),
    stopTimer: () => run(() => stopTimer(doc, me.deviceId)),
    addTimerMinute: () => run(() => addTimerTime(doc, me.deviceId, 60_000, clock.now())),
  };
}

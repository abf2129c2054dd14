import type * as Y from 'yjs';
import { settingsMap } from './doc-roots';
import { isFacilitator } from './facilitators';
import { isPlainObject, oneOf } from './validate';
import { mutate } from './write';

/**
 * The workshop timer. The whole state is ONE atomic value (LWW): a start racing a pause ends as
 * exactly one of them, never "running" with the paused remainder or the other way round.
 * Times are the facilitator's wall clock (ms). Participants compute the remainder with their own
 * clock; on one room's LAN clocks are usually within a second, which is fine for a countdown.
 */
export const TIMER_STATES = ['stopped', 'running', 'paused'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

interface StoredTimer {
  state: TimerState;
  /** When the current run started (running only). */
  startedAt: number;
  durationMs: number;
  /** Remaining time when the run started (running) or when paused (paused). */
  remainingMs: number;
}

export interface TimerView {
  state: TimerState;
  durationMs: number;
  remainingMs: number;
  /** When a running timer reaches zero; null otherwise. */
  endsAt: number | null;
  expired: boolean;
}

export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
const STOPPED: StoredTimer = { state: 'stopped', startedAt: 0, durationMs: 0, remainingMs: 0 };

function clampMs(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(MAX_TIMER_MS, Math.round(v))) : 0;
}

function readStored(doc: Y.Doc): StoredTimer {
  const v = settingsMap(doc).get('timer');
  if (!isPlainObject(v) || !oneOf(TIMER_STATES, v.state)) return STOPPED;
  const startedAt = typeof v.startedAt === 'number' && Number.isFinite(v.startedAt) ? v.startedAt : 0;
  return { state: v.state, startedAt, durationMs: clampMs(v.durationMs), remainingMs: clampMs(v.remainingMs) };
}

export function readTimer(doc: Y.Doc, now: number): TimerView {
  const t = readStored(doc);
  if (t.state === 'running') {
    const remaining = Math.max(0, t.remainingMs - Math.max(0, now - t.startedAt));
    return { state: 'running', durationMs: t.durationMs, remainingMs: remaining, endsAt: t.startedAt + t.remainingMs, expired: remaining === 0 };
  }
  const remainingMs = t.state === 'paused' ? t.remainingMs : t.durationMs;
  return { state: t.state, durationMs: t.durationMs, remainingMs, endsAt: null, expired: false };
}

function write(doc: Y.Doc, by: string, t: StoredTimer): boolean {
  if (!isFacilitator(doc, by)) return false;
  return mutate(doc, () => settingsMap(doc).set('timer', { ...t }));
}

export function startTimer(doc: Y.Doc, by: string, durationMs: number, now: number): boolean {
  const d = clampMs(durationMs);
  return write(doc, by, { state: 'running', startedAt: now, durationMs: d, remainingMs: d });
}

export function pauseTimer(doc: Y.Doc, by: string, now: number): boolean {
  const view = readTimer(doc, now);
  if (view.state !== 'running') return false;
  return write(doc, by, { state: 'paused', startedAt: 0, durationMs: view.durationMs, remainingMs: view.remainingMs });
}

export function resumeTimer(doc: Y.Doc, by: string, now: number): boolean {
  const t = readStored(doc);
  if (t.state !== 'paused') return false;
  return write(doc, by, { state: 'running', startedAt: now, durationMs: t.durationMs, remainingMs: t.remainingMs });
}

/** Stops and rewinds to the full duration. */
export function stopTimer(doc: Y.Doc, by: string): boolean {
  const t = readStored(doc);
  return write(doc, by, { state: 'stopped', startedAt: 0, durationMs: t.durationMs, remainingMs: t.durationMs });
}

/** Adds time (a minute, say) to whatever the timer is doing: running, paused or set. */
export function addTimerTime(doc: Y.Doc, by: string, ms: number, now: number): boolean {
  const t = readStored(doc);
  const view = readTimer(doc, now);
  if (t.state === 'running') {
    return write(doc, by, { state: 'running', startedAt: now, durationMs: clampMs(t.durationMs + ms), remainingMs: clampMs(view.remainingMs + ms) });
  }
  if (t.state === 'paused') return write(doc, by, { ...t, durationMs: clampMs(t.durationMs + ms), remainingMs: clampMs(t.remainingMs + ms) });
  return write(doc, by, { ...t, durationMs: clampMs(t.durationMs + ms), remainingMs: clampMs(t.durationMs + ms) });
}

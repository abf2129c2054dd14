import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { takeTimeUpCue } from './time-up-cue';
import { isTimerMuted, playTimeUp, setTimerMuted } from './timer-sound';
import { formatRemaining, useTimer } from './use-timer';

/**
 * The shared `Timer`: everyone sees the same remaining time (each device's clock corrected by the
 * host's); the facilitator sets `Minutes`, starts, pauses, resumes, adds a minute and stops it.
 * At zero the readout turns red and pulses, says "Time is up", and three tones play unless this
 * device muted them (once per run, and only near the end: see time-up-cue.ts). Participants see
 * it only while it counts (or has just run out).
 */
export function TimerWidget() {
  const { t } = useTranslation();
  const { actions, doc, clock } = useWorkshop();
  const can = useCan('startTimer').allowed;
  const timer = useTimer();
  const [minutes, setMinutes] = useState(() => (timer.durationMs > 0 ? Math.round(timer.durationMs / 60_000) : 5));
  const [muted, setMuted] = useState(isTimerMuted);
  const minutesId = useId();

  // One chime per run, kept with the session rather than this widget (which remounts with the board).
  useEffect(() => {
    if (takeTimeUpCue(doc, timer, clock.now()) && !isTimerMuted()) playTimeUp();
  }, [timer, doc, clock]);

  const active = timer.state !== 'stopped';
  if (!can && !active) return null;
  const label = timer.expired ? t('timer.timeUp') : formatRemaining(timer.state === 'stopped' ? minutes * 60_000 : timer.remainingMs);
  return (
    <div className={`timer-widget${timer.expired ? ' expired' : ''}${timer.state === 'paused' ? ' paused' : ''}`} role="timer" aria-label={t('timer.name')}>
      <span className="timer-readout" aria-live={timer.expired ? 'assertive' : 'off'}>
        {label}
        {timer.state === 'paused' && <span className="timer-state"> · {t('timer.paused')}</span>}
      </span>
      {can && timer.state === 'stopped' && (
        <span className="timer-minutes">
          <label htmlFor={minutesId}>{t('timer.minutes')}</label>
          <input
            id={minutesId}
            type="number"
            min={1}
            max={180}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(Math.max(1, Math.min(180, Math.round(Number(e.target.value)) || 1)))}
          />
        </span>
      )}
      {can && (
        <span className="timer-controls">
          {timer.state === 'stopped' && (
            <button type="button" className="button primary" onClick={() => actions.startTimer(minutes)}>
              {t('timer.start')}
            </button>
          )}
          {timer.state === 'running' && !timer.expired && (
            <button type="button" className="button" onClick={() => actions.pauseTimer()}>
              {t('timer.pause')}
            </button>
          )}
          {timer.state === 'paused' && (
            <button type="button" className="button primary" onClick={() => actions.resumeTimer()}>
              {t('timer.resume')}
            </button>
          )}
          {active && (
            <>
              <button type="button" className="button" onClick={() => actions.addTimerMinute()}>
                {t('timer.addMinute')}
              </button>
              <button type="button" className="button" onClick={() => actions.stopTimer()}>
                {t('timer.stop')}
              </button>
            </>
          )}
        </span>
      )}
      <button
        type="button"
        className="button icon timer-mute"
        aria-pressed={muted}
        aria-label={t('timer.mute')}
        title={t('timer.mute')}
        onClick={() => {
          setTimerMuted(!muted);
          setMuted(!muted);
        }}
      >
        <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          {muted && <path d="M3 3l18 18" />}
        </svg>
      </button>
    </div>
  );
}

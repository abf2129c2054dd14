import { useCallback, useEffect, useState } from 'react';
import { observeRoots, readTimer, type TimerView } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';

/** The shared timer as this device sees it now (its clock corrected by the host's), ticking while it runs. */
export function useTimer(): TimerView {
  const { doc, clock } = useWorkshop();
  const [view, setView] = useState(() => readTimer(doc, clock.now()));
  const update = useCallback(
    () =>
      setView((prev) => {
        const next = readTimer(doc, clock.now());
        // Re-render once a displayed second changes, not on every tick.
        const same = prev.state === next.state && prev.endsAt === next.endsAt && Math.ceil(prev.remainingMs / 1000) === Math.ceil(next.remainingMs / 1000) && prev.durationMs === next.durationMs && prev.expired === next.expired;
        return same ? prev : next;
      }),
    [doc, clock],
  );
  useEffect(() => observeRoots(doc, ['settings'], update), [doc, update]);
  // Only a running timer changes with the clock; a stopped or paused one waits for the doc.
  const running = view.state === 'running' && !view.expired;
  useEffect(() => {
    if (!running) return;
    update();
    const tick = setInterval(update, 250);
    return () => clearInterval(tick);
  }, [running, update]);
  return view;
}

/** 4:05, or 1:02:05 past an hour. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

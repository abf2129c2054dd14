import { useEffect } from 'react';
import { ownHostUrl } from '../platform/platform';
import { measureHostOffset } from '../sync/host-clock';
import { deviceTime, type Clock } from '../workshop/clock';

/** Re-measured this often: laptop clocks drift, and a host may appear after the session opened. */
const EVERY_MS = 60_000;

/**
 * Keeps the session's clock corrected by the host's: the host this session joined (a participant)
 * or the one serving this window (the facilitator's own, whose offset is then about zero).
 */
export function useHostClock(clock: Clock, joinedHostUrl: string | null): void {
  useEffect(() => {
    let live = true;
    const measure = async () => {
      const host = joinedHostUrl ?? (await ownHostUrl());
      if (!host || !live) return;
      const offset = await measureHostOffset(host.replace(/\/+$/, ''), fetch, deviceTime);
      if (live && offset !== null) clock.learnOffset(offset);
    };
    void measure();
    const timer = setInterval(() => void measure(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [clock, joinedHostUrl]);
}

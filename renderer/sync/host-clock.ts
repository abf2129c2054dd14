import { clockOffsetFrom, isHealthResponse } from '../../shared/protocol/host';

const SAMPLES = 3;

/**
 * How far this device's clock is from its host's (ms to add to Date.now()), from a few quick
 * requests to `/healthz`, keeping the one with the shortest round trip. Null when the host cannot
 * be reached or is too old to say its time: the caller keeps what it had.
 */
export async function measureHostOffset(hostUrl: string, fetchImpl: typeof fetch = fetch, now: () => number = Date.now): Promise<number | null> {
  let best: { offsetMs: number; roundTripMs: number } | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    try {
      const sentAt = now();
      const response = await fetchImpl(`${hostUrl}/healthz`, { cache: 'no-store' });
      const receivedAt = now();
      if (!response.ok) continue;
      const body: unknown = await response.json();
      if (!isHealthResponse(body) || typeof body.now !== 'number' || !Number.isFinite(body.now)) continue;
      const sample = clockOffsetFrom(sentAt, receivedAt, body.now);
      if (!best || sample.roundTripMs < best.roundTripMs) best = sample;
    } catch {
      // Offline or the host is restarting: try the next sample, or keep the old offset.
    }
  }
  return best?.offsetMs ?? null;
}

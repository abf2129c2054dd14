/** Wire facts about the LAN host that the host, the renderer and the tests all agree on. */

export const DEFAULT_HOST_PORT = 4455;

/** Body of `GET /healthz` (docs/ui-contract.md). */
export interface HealthResponse {
  ok: true;
  version: string;
  /** The host's clock (ms since the epoch) when it answered: devices correct their own clock by it. */
  now?: number;
}

export function isHealthResponse(value: unknown): value is HealthResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === true &&
    typeof (value as { version?: unknown }).version === 'string'
  );
}

/**
 * How far this device's clock is from the host's, from one request: the host's time is taken to
 * be read halfway through the round trip (NTP's assumption). Returns the offset to add to
 * `Date.now()` and the round trip, so a caller can keep the sample with the shortest one.
 */
export function clockOffsetFrom(sentAt: number, receivedAt: number, hostNow: number): { offsetMs: number; roundTripMs: number } {
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: Math.round(hostNow + roundTripMs / 2 - receivedAt), roundTripMs };
}

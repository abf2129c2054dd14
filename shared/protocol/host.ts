/** Wire facts about the LAN host that the host, the renderer and the tests all agree on. */

export const DEFAULT_HOST_PORT = 4455;

/** Body of `GET /healthz` (docs/ui-contract.md). */
export interface HealthResponse {
  ok: true;
  version: string;
}

export function isHealthResponse(value: unknown): value is HealthResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === true &&
    typeof (value as { version?: unknown }).version === 'string'
  );
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthResponse } from '../../shared/protocol/host';
import { steadyTime } from '../../shared/protocol/steady-time';
import { sendJson } from './http-responses';

/** The time the participants' apps set their clocks by: it must not jump back with the laptop's. */
const hostNow = steadyTime(Date.now, () => performance.now());

export function healthResponse(): HealthResponse {
  return { ok: true, version: __APP_VERSION__, now: Math.round(hostNow()) };
}

export function handleHealth(req: IncomingMessage, res: ServerResponse): void {
  // Harnesses poll this to learn when the host is up; a cached answer would lie about that.
  res.setHeader('Cache-Control', 'no-store');
  sendJson(req, res, 200, healthResponse());
}

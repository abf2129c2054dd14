import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthResponse } from '../../shared/protocol/host';
import { sendJson } from './http-responses';

export function healthResponse(): HealthResponse {
  return { ok: true, version: __APP_VERSION__, now: Date.now() };
}

export function handleHealth(req: IncomingMessage, res: ServerResponse): void {
  // Harnesses poll this to learn when the host is up; a cached answer would lie about that.
  res.setHeader('Cache-Control', 'no-store');
  sendJson(req, res, 200, healthResponse());
}

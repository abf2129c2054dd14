import type { ClientText } from '../../../shared/protocol/room-wire';
import { parseJsonObject } from '../json-object';
import { decodeKey } from './room-storage';

/** Proofs are base64url HMAC-SHA256 (32 bytes → 43 chars). */
const PROOF_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_REMOVE_IDS = 1000;

export type ParsedClientText =
  | { t: 'hello'; proof: string; adminProof?: string }
  | { t: 'claim'; authKey: Uint8Array; adminKey: Uint8Array; proof: string; adminProof: string }
  | { t: 'rotate'; authKey: Uint8Array }
  | { t: 'remove'; clientIds: number[] };

/**
 * Parses one text frame from a /sync client into a checked message, or null for anything that
 * is not exactly one of room-wire.ts's ClientText shapes (the caller closes with PROTOCOL).
 */
export function parseClientText(text: string): ParsedClientText | null {
  const msg: Partial<Record<keyof ClientText | string, unknown>> | null = parseJsonObject(text);
  if (!msg) return null;
  switch (msg['t']) {
    case 'hello': {
      if (!isProof(msg['proof'])) return null;
      if (msg['adminProof'] !== undefined && !isProof(msg['adminProof'])) return null;
      return msg['adminProof'] === undefined
        ? { t: 'hello', proof: msg['proof'] }
        : { t: 'hello', proof: msg['proof'], adminProof: msg['adminProof'] as string };
    }
    case 'claim': {
      const authKey = decodeKey(msg['authKey']);
      const adminKey = decodeKey(msg['adminKey']);
      if (!authKey || !adminKey || !isProof(msg['proof']) || !isProof(msg['adminProof'])) return null;
      return { t: 'claim', authKey, adminKey, proof: msg['proof'], adminProof: msg['adminProof'] };
    }
    case 'rotate': {
      const authKey = decodeKey(msg['authKey']);
      return authKey ? { t: 'rotate', authKey } : null;
    }
    case 'remove': {
      const ids = msg['clientIds'];
      if (!Array.isArray(ids) || ids.length > MAX_REMOVE_IDS) return null;
      if (!ids.every((id) => Number.isSafeInteger(id) && (id as number) >= 0)) return null;
      return { t: 'remove', clientIds: ids as number[] };
    }
    default:
      return null;
  }
}

function isProof(value: unknown): value is string {
  return typeof value === 'string' && PROOF_PATTERN.test(value);
}

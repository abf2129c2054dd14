import type { ClientText } from '../../../shared/protocol/room-wire';
import { decodeKey32 } from '../../../shared/protocol/wire-crypto';
import { parseJsonObject } from '../json-object';

/** Proofs are base64url HMAC-SHA256 (32 bytes → 43 chars). */
const PROOF_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A sealed claim: two base64url keys in JSON plus the GCM tag; a few hundred characters. */
const SEALED_PATTERN = /^[A-Za-z0-9_-]{1,1024}$/;
const MAX_REMOVE_IDS = 1000;

export type ParsedClientText =
  | { t: 'hello'; key: string; proof: string; adminProof?: string }
  | { t: 'claim'; key: string; sealed: string; proof: string; adminProof: string }
  | { t: 'rotate'; authKey: Uint8Array }
  | { t: 'remove'; clientIds: number[] };

/**
 * Parses one text message from a /sync client into a checked message, or null for anything that
 * is not exactly one of room-wire.ts's ClientText shapes (the caller closes with PROTOCOL).
 * A v1 hello or claim (no ephemeral `key`) is null too: the host never speaks v1 again, because v1
 * sent the keys in the clear.
 */
export function parseClientText(text: string): ParsedClientText | null {
  const msg: Partial<Record<keyof ClientText | string, unknown>> | null = parseJsonObject(text);
  if (!msg) return null;
  switch (msg['t']) {
    case 'hello': {
      if (!isKey(msg['key']) || !isProof(msg['proof'])) return null;
      if (msg['adminProof'] !== undefined && !isProof(msg['adminProof'])) return null;
      return msg['adminProof'] === undefined
        ? { t: 'hello', key: msg['key'], proof: msg['proof'] }
        : { t: 'hello', key: msg['key'], proof: msg['proof'], adminProof: msg['adminProof'] as string };
    }
    case 'claim': {
      const sealed = msg['sealed'];
      if (!isKey(msg['key']) || typeof sealed !== 'string' || !SEALED_PATTERN.test(sealed)) return null;
      if (!isProof(msg['proof']) || !isProof(msg['adminProof'])) return null;
      return { t: 'claim', key: msg['key'], sealed, proof: msg['proof'], adminProof: msg['adminProof'] };
    }
    case 'rotate': {
      const authKey = decodeKey32(msg['authKey']);
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

function isKey(value: unknown): value is string {
  return decodeKey32(value) !== null;
}

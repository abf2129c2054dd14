/**
 * Access to a room: the join code is a secret shared by everyone invited; it never travels to the
 * host. Clients derive keys from it (same code in browsers and Node):
 *
 *   roomKey  = PBKDF2-SHA256(normalised code, salt "transition-lab/v1/room:" + roomId, 100 000 iterations)
 *   authKey  = HKDF-SHA256(roomKey, info "transition-lab/v1/auth")     — what the host stores
 *   proof    = HMAC-SHA256(authKey, "transition-lab/v1/proof|" + roomId + "|" + transport + "|" + nonce)
 *
 * The host sends a fresh random nonce on every connection and checks the proof against the
 * authKey it was given when the facilitator's app claimed the room. A wrong code yields a wrong
 * proof, so the connection is closed before any content is sent. y-webrtc gets the code itself as
 * its `password` (it derives its own AES key from it for signaling payloads).
 *
 * The facilitator additionally holds a random admin secret (kept only on their device); its
 * HKDF-derived adminKey lets them rotate the code and remove participants.
 */

import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';

export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 10;
const PBKDF2_ITERATIONS = 100_000;
const encoder = new TextEncoder();

export type Transport = 'sync' | 'signal';

/** A new join code, shown as `ABCDE-FGHJK` (50 bits: enough against guessing through a rate-limited host). */
export function newJoinCode(): string {
  const bytes = new Uint8Array(JOIN_CODE_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let code = '';
  for (const b of bytes) code += JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a person types a code (the alphabet has no 0/O/1/I). */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function isWellFormedJoinCode(input: string): boolean {
  const code = normaliseJoinCode(input);
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

export function formatJoinCode(input: string): string {
  const code = normaliseJoinCode(input);
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

// Pure-JS hashing (audited @noble/hashes) rather than WebCrypto: `crypto.subtle` exists only in
// secure contexts, and a participant's browser opening http://192.168.x.x:4455 is not one.
// The async signatures stay so callers need not care, and PBKDF2 yields to the event loop.

export async function deriveRoomKey(joinCode: string, roomId: string): Promise<Uint8Array> {
  return pbkdf2Async(sha256, encoder.encode(normaliseJoinCode(joinCode)), encoder.encode(`transition-lab/v1/room:${roomId}`), {
    c: PBKDF2_ITERATIONS,
    dkLen: 32,
  });
}

export async function deriveAuthKey(roomKey: Uint8Array): Promise<Uint8Array> {
  return hkdf(sha256, roomKey, new Uint8Array(32), encoder.encode('transition-lab/v1/auth'), 32);
}

export async function deriveAdminKey(adminSecret: Uint8Array): Promise<Uint8Array> {
  return hkdf(sha256, adminSecret, new Uint8Array(32), encoder.encode('transition-lab/v1/admin'), 32);
}

export async function computeProof(key: Uint8Array, roomId: string, transport: Transport, nonce: string): Promise<string> {
  return toBase64Url(hmac(sha256, key, encoder.encode(`transition-lab/v1/proof|${roomId}|${transport}|${nonce}`)));
}

/** Constant-time comparison of two proofs. */
export function proofsEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function randomNonce(bytes = 16): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return toBase64Url(buf);
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

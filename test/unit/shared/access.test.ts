import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeProof,
  deriveAdminKey,
  deriveAuthKey,
  deriveRoomKey,
  formatJoinCode,
  fromBase64Url,
  isWellFormedJoinCode,
  newJoinCode,
  normaliseJoinCode,
  proofsEqual,
  toBase64Url,
} from '../../../shared/protocol/access';

const enc = new TextEncoder();

/** The same derivations done with WebCrypto, as a reference for the pure-JS implementation. */
async function referenceRoomKey(code: string, roomId: string): Promise<Uint8Array> {
  const base = await webcrypto.subtle.importKey('raw', enc.encode(normaliseJoinCode(code)), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await webcrypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(`transition-lab/v1/room:${roomId}`), iterations: 100_000 }, base, 256),
  );
}

async function referenceHkdf(key: Uint8Array, info: string): Promise<Uint8Array> {
  const base = await webcrypto.subtle.importKey('raw', key, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await webcrypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: enc.encode(info) }, base, 256));
}

describe('join codes', () => {
  it('are 10 unambiguous characters shown in two groups', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
      expect(isWellFormedJoinCode(code)).toBe(true);
    }
  });

  it('ignore case, spaces and dashes when typed', () => {
    expect(normaliseJoinCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(formatJoinCode('abcdefghjk')).toBe('ABCDE-FGHJK');
    expect(isWellFormedJoinCode('ABCDE-FGHJ')).toBe(false);
    expect(isWellFormedJoinCode('ABCDE-FGHJ0')).toBe(false);
  });
});

describe('key derivation (pure JS, works outside secure contexts)', () => {
  it('matches WebCrypto for the room, auth and admin keys', async () => {
    const roomKey = await deriveRoomKey('abcde-fghjk', 'room123');
    expect(roomKey).toEqual(await referenceRoomKey('ABCDEFGHJK', 'room123'));
    expect(await deriveAuthKey(roomKey)).toEqual(await referenceHkdf(roomKey, 'transition-lab/v1/auth'));
    const secret = new Uint8Array(32).fill(7);
    expect(await deriveAdminKey(secret)).toEqual(await referenceHkdf(secret, 'transition-lab/v1/admin'));
  });

  it('gives a different key for another code or another room', async () => {
    const a = await deriveRoomKey('ABCDE-FGHJK', 'room1');
    expect(await deriveRoomKey('ABCDE-FGHJM', 'room1')).not.toEqual(a);
    expect(await deriveRoomKey('ABCDE-FGHJK', 'room2')).not.toEqual(a);
  });

  it('proofs bind key, room, transport and nonce', async () => {
    const key = await deriveAuthKey(await deriveRoomKey('ABCDE-FGHJK', 'room1'));
    const proof = await computeProof(key, 'room1', 'sync', 'nonce-1');
    const hmacKey = await webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const reference = new Uint8Array(await webcrypto.subtle.sign('HMAC', hmacKey, enc.encode('transition-lab/v1/proof|room1|sync|nonce-1')));
    expect(proof).toBe(toBase64Url(reference));
    expect(proofsEqual(proof, await computeProof(key, 'room1', 'sync', 'nonce-1'))).toBe(true);
    expect(proofsEqual(proof, await computeProof(key, 'room1', 'signal', 'nonce-1'))).toBe(false);
    expect(proofsEqual(proof, await computeProof(key, 'room1', 'sync', 'nonce-2'))).toBe(false);
    expect(proofsEqual(proof, await computeProof(key, 'room2', 'sync', 'nonce-1'))).toBe(false);
  });

  it('round-trips base64url', () => {
    const bytes = Uint8Array.from({ length: 50 }, (_, i) => (i * 37) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
  });
});

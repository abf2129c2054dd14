import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installSubtleShimIfMissing, subtleShim } from '../../../renderer/sync/subtle-shim';

const enc = new TextEncoder();

/** Exactly what y-webrtc's crypto.js does with the join code and the room name. */
async function deriveWith(subtle: typeof webcrypto.subtle | typeof subtleShim, secret: string, room: string) {
  const material = await (subtle as typeof webcrypto.subtle).importKey('raw', enc.encode(secret).buffer, 'PBKDF2', false, ['deriveKey']);
  return (subtle as typeof webcrypto.subtle).deriveKey(
    { name: 'PBKDF2', salt: enc.encode(room).buffer, iterations: 100000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

describe('crypto.subtle shim for insecure contexts', () => {
  it('interoperates with WebCrypto both ways, as y-webrtc uses it', async () => {
    const real = await deriveWith(webcrypto.subtle, 'ABCDEFGHJK', 'room-1');
    const shim = await deriveWith(subtleShim, 'ABCDEFGHJK', 'room-1');
    const iv = webcrypto.getRandomValues(new Uint8Array(12));
    const message = enc.encode(JSON.stringify({ type: 'signal', sdp: 'v=0…' }));

    const fromShim = await subtleShim.encrypt({ name: 'AES-GCM', iv }, shim, message);
    const fromReal = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, real, message);
    expect(new Uint8Array(fromShim)).toEqual(new Uint8Array(fromReal));
    expect(new Uint8Array(await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, real, fromShim))).toEqual(message);
    expect(new Uint8Array(await subtleShim.decrypt({ name: 'AES-GCM', iv }, shim, fromReal))).toEqual(message);
  });

  it('refuses to decrypt with the wrong join code, like WebCrypto', async () => {
    const right = await deriveWith(subtleShim, 'ABCDEFGHJK', 'room-1');
    const wrong = await deriveWith(subtleShim, 'ABCDEFGHJM', 'room-1');
    const iv = new Uint8Array(12);
    const sealed = await subtleShim.encrypt({ name: 'AES-GCM', iv }, right, enc.encode('hello'));
    await expect(subtleShim.decrypt({ name: 'AES-GCM', iv }, wrong, sealed)).rejects.toMatchObject({ name: 'OperationError' });
  });

  it('is installed only where crypto.subtle is missing', () => {
    const secure = { crypto: webcrypto as unknown as Crypto };
    expect(installSubtleShimIfMissing(secure)).toBe(false);
    const insecure = { crypto: { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as unknown as Crypto };
    expect(installSubtleShimIfMissing(insecure)).toBe(true);
    expect(insecure.crypto.subtle).toBe(subtleShim);
  });

  it('rejects algorithms y-webrtc does not use', async () => {
    await expect(subtleShim.importKey('raw', new Uint8Array(4), 'HMAC')).rejects.toMatchObject({ name: 'NotSupportedError' });
  });
});

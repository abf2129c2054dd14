import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomNonce } from '../../../shared/protocol/access';
import { deriveChannelKeys, FRAME_BINARY, jsAead, newEphemeralKeyPair, sharedSecret, WireChannel } from '../../../shared/protocol/wire-crypto';
import { nodeAead } from '../../../main/host/sync/node-aead';

describe("the host's native AES-GCM", () => {
  it('produces exactly the bytes of the pure-JS one, for empty, small and large messages', () => {
    for (const size of [0, 1, 15, 16, 17, 120, 4096, 300_000]) {
      const key = randomBytes(32);
      const nonce = randomBytes(12);
      const plain = randomBytes(size);
      const sealed = nodeAead.encrypt(key, nonce, plain);
      expect(sealed).toEqual(jsAead.encrypt(key, nonce, plain));
      expect(nodeAead.decrypt(key, nonce, sealed)).toEqual(new Uint8Array(plain));
      expect(jsAead.decrypt(key, nonce, sealed)).toEqual(new Uint8Array(plain));
    }
  });

  it('refuses an altered frame, a wrong key and a wrong nonce', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const sealed = nodeAead.encrypt(key, nonce, new TextEncoder().encode('a note'));
    const flipped = sealed.slice();
    flipped[2]! ^= 1;
    expect(() => nodeAead.decrypt(key, nonce, flipped)).toThrow();
    expect(() => nodeAead.decrypt(randomBytes(32), nonce, sealed)).toThrow();
    expect(() => nodeAead.decrypt(key, randomBytes(12), sealed)).toThrow();
    expect(() => nodeAead.decrypt(key, nonce, sealed.subarray(0, 10))).toThrow();
  });

  it('a browser on the pure-JS cipher and the host on the native one talk in both directions', () => {
    const nonce = randomNonce();
    const server = newEphemeralKeyPair();
    const client = newEphemeralKeyPair();
    const host = WireChannel.forServer(deriveChannelKeys(sharedSecret(server.secretKey, client.publicKey), new Uint8Array(32).fill(3), nonce), nodeAead);
    const browser = WireChannel.forClient(deriveChannelKeys(sharedSecret(client.secretKey, server.publicKey), new Uint8Array(32).fill(3), nonce));
    for (let i = 0; i < 3; i++) {
      expect(host.open(browser.seal(FRAME_BINARY, Uint8Array.of(i, 1, 2))).payload).toEqual(Uint8Array.of(i, 1, 2));
      expect(browser.open(host.sealText({ t: 'presence', connections: i })).payload.length).toBeGreaterThan(0);
    }
  });
});

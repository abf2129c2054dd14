import { describe, expect, it } from 'vitest';
import { randomNonce, toBase64Url } from '../../../shared/protocol/access';
import {
  deriveChannelKeys,
  FRAME_BINARY,
  FRAME_OVERHEAD,
  FRAME_TEXT,
  frameText,
  newEphemeralKeyPair,
  openClaim,
  sealClaim,
  sharedSecret,
  WireChannel,
  WireCryptoError,
} from '../../../shared/protocol/wire-crypto';

const authKey = new Uint8Array(32).fill(11);
const adminKey = new Uint8Array(32).fill(22);

/** Both ends of one handshake, each computing its own view of the shared secret. */
function handshake(serverAuthKey = authKey, clientAuthKey = authKey) {
  const nonce = randomNonce();
  const server = newEphemeralKeyPair();
  const client = newEphemeralKeyPair();
  const serverShared = sharedSecret(server.secretKey, client.publicKey);
  const clientShared = sharedSecret(client.secretKey, server.publicKey);
  return {
    nonce,
    serverShared,
    clientShared,
    server: WireChannel.forServer(deriveChannelKeys(serverShared, serverAuthKey, nonce)),
    client: WireChannel.forClient(deriveChannelKeys(clientShared, clientAuthKey, nonce)),
  };
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('wire crypto', () => {
  it('both sides of a handshake derive the same shared secret and channel keys', () => {
    const { nonce, serverShared, clientShared } = handshake();
    expect(serverShared).toEqual(clientShared);
    const a = deriveChannelKeys(serverShared, authKey, nonce);
    const b = deriveChannelKeys(clientShared, authKey, nonce);
    expect(a).toEqual(b);
    expect(a.clientToServer).toHaveLength(32);
    expect(a.clientToServer).not.toEqual(a.serverToClient);
  });

  it('round-trips text and binary frames in both directions, in order', () => {
    const { server, client } = handshake();
    for (let i = 0; i < 5; i++) {
      const up = client.seal(FRAME_BINARY, bytes(0, 2, i));
      expect(up).toHaveLength(3 + FRAME_OVERHEAD);
      expect(server.open(up)).toEqual({ kind: FRAME_BINARY, payload: bytes(0, 2, i) });
      const down = client.open(server.sealText({ t: 'presence', connections: i }));
      expect(down.kind).toBe(FRAME_TEXT);
      expect(JSON.parse(frameText(down.payload))).toEqual({ t: 'presence', connections: i });
    }
    // Empty payloads are legal frames too.
    expect(server.open(client.seal(FRAME_BINARY, bytes())).payload).toHaveLength(0);
  });

  it('refuses a frame out of counter order: skipped, replayed or reordered', () => {
    const { server, client } = handshake();
    const first = client.seal(FRAME_BINARY, bytes(1));
    const second = client.seal(FRAME_BINARY, bytes(2));
    expect(() => server.open(second)).toThrow(WireCryptoError);
    expect(server.open(first).payload).toEqual(bytes(1));
    expect(() => server.open(first)).toThrow(WireCryptoError);
    expect(server.open(second).payload).toEqual(bytes(2));
  });

  it('refuses a frame with any single bit flipped, or cut short', () => {
    const message = new TextEncoder().encode('{"t":"rotate"}');
    for (let bit = 0; bit < (message.length + FRAME_OVERHEAD) * 8; bit += 7) {
      const { server: fresh, client: sender } = handshake();
      const sealed = sender.seal(FRAME_TEXT, message);
      sealed[bit >> 3] = (sealed[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(() => fresh.open(sealed)).toThrow(WireCryptoError);
    }
    const { server, client: other } = handshake();
    expect(() => server.open(other.seal(FRAME_BINARY, bytes(1, 2, 3)).subarray(0, FRAME_OVERHEAD - 1))).toThrow(WireCryptoError);
  });

  it('does not open a frame reflected back to its sender (directions have separate keys)', () => {
    const { client } = handshake();
    const frame = client.seal(FRAME_BINARY, bytes(9));
    expect(() => client.open(frame)).toThrow(WireCryptoError);
  });

  it('derives different keys for a different authKey: a wrong code cannot read or write the channel', () => {
    const { nonce, serverShared, server, client } = handshake(authKey, new Uint8Array(32).fill(12));
    expect(deriveChannelKeys(serverShared, authKey, nonce)).not.toEqual(deriveChannelKeys(serverShared, new Uint8Array(32).fill(12), nonce));
    expect(() => server.open(client.seal(FRAME_BINARY, bytes(1)))).toThrow(WireCryptoError);
    expect(() => client.open(server.seal(FRAME_BINARY, bytes(1)))).toThrow(WireCryptoError);
  });

  it('derives different keys for another nonce or another key exchange with the same authKey', () => {
    const one = handshake();
    const two = handshake();
    expect(deriveChannelKeys(one.serverShared, authKey, one.nonce)).not.toEqual(deriveChannelKeys(one.serverShared, authKey, two.nonce));
    expect(() => two.server.open(one.client.seal(FRAME_BINARY, bytes(1)))).toThrow(WireCryptoError);
  });

  it('seals the claim keys so that only the other end of this key exchange opens them', () => {
    const { serverShared, clientShared } = handshake();
    const sealed = sealClaim(clientShared, { authKey, adminKey });
    expect(sealed).not.toContain(toBase64Url(authKey));
    expect(openClaim(serverShared, sealed)).toEqual({ authKey, adminKey });
    expect(openClaim(handshake().serverShared, sealed)).toBeNull();
    const tampered = `${sealed.slice(0, 10)}${sealed[10] === 'A' ? 'B' : 'A'}${sealed.slice(11)}`;
    expect(openClaim(serverShared, tampered)).toBeNull();
    expect(openClaim(serverShared, '')).toBeNull();
  });

  it('refuses malformed and low-order public keys', () => {
    const own = newEphemeralKeyPair();
    expect(() => sharedSecret(own.secretKey, 'not a key')).toThrow(WireCryptoError);
    expect(() => sharedSecret(own.secretKey, toBase64Url(new Uint8Array(31)))).toThrow(WireCryptoError);
    expect(() => sharedSecret(own.secretKey, toBase64Url(new Uint8Array(32)))).toThrow(WireCryptoError);
    expect(() => sharedSecret(own.secretKey, toBase64Url(Uint8Array.of(1, ...new Uint8Array(31))))).toThrow(WireCryptoError);
  });

  it('uses a fresh ephemeral key pair every time', () => {
    const a = newEphemeralKeyPair();
    const b = newEphemeralKeyPair();
    expect(a.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.publicKey).not.toBe(b.publicKey);
  });
});

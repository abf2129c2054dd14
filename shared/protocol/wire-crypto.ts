/**
 * The /sync relay's encrypted channel (protocol in room-wire.ts), one implementation for the host
 * and the renderer. Pure JS (@noble) on purpose: `crypto.subtle` is missing in a participant's
 * insecure http://192.168.x.x page, and WebCrypto's promises would let frames overtake each
 * other, while the implicit frame counter needs every frame sealed and opened in send order.
 *
 *   shared  = X25519(own ephemeral secret, peer ephemeral public)        — fresh on every socket
 *   claim   = AES-256-GCM(HKDF(shared, info "transition-lab/v2/claim"), nonce 0, {authKey, adminKey})
 *   c2s/s2c = HKDF-SHA256(shared ‖ authKey, salt nonce, info "transition-lab/v2/wire c2s|s2c")
 *   frame   = AES-256-GCM(direction key, nonce = big-endian frame counter, kind byte ‖ payload)
 *
 * Mixing authKey into the channel keys is what keeps out a man in the middle who swapped the
 * ephemeral keys: without the join code he derives different keys and the first frame fails.
 */

import { gcm } from '@noble/ciphers/aes.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64Url, toBase64Url } from './access';

/** First plaintext byte of a channel frame: what the payload is. */
export const FRAME_TEXT = 0;
export const FRAME_BINARY = 1;
export type FrameKind = typeof FRAME_TEXT | typeof FRAME_BINARY;

/** AES-GCM tag plus the kind byte: what a frame adds to its payload on the wire. */
export const FRAME_OVERHEAD = 17;

const NONCE_BYTES = 12;
const KEY_BYTES = 32;
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Anything that fails to open or is not what the protocol allows: the socket must close. */
export class WireCryptoError extends Error {
  override readonly name = 'WireCryptoError';
}

export interface EphemeralKeyPair {
  secretKey: Uint8Array;
  /** base64url, as it travels in `challenge`, `hello` and `claim`. */
  publicKey: string;
}

export function newEphemeralKeyPair(): EphemeralKeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { secretKey, publicKey: toBase64Url(publicKey) };
}

/** A base64url 32-byte key (X25519 public key, authKey, adminKey), or null. */
export function decodeKey32(value: unknown): Uint8Array | null {
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) return null;
  try {
    const bytes = fromBase64Url(value);
    return bytes.length === KEY_BYTES ? bytes : null;
  } catch {
    return null;
  }
}

/** X25519; throws WireCryptoError for a malformed or low-order peer key (all-zero secret). */
export function sharedSecret(ownSecret: Uint8Array, peerPublic: string): Uint8Array {
  const peer = decodeKey32(peerPublic);
  if (!peer) throw new WireCryptoError('malformed public key');
  try {
    return x25519.getSharedSecret(ownSecret, peer);
  } catch {
    throw new WireCryptoError('unusable public key');
  }
}

/**
 * What the proofs sign instead of the bare nonce: both ephemeral keys, so a proof made for one
 * key exchange is worthless in another (a man in the middle cannot forward it).
 */
export function handshakeTranscript(nonce: string, serverKey: string, clientKey: string): string {
  return `${nonce}|${serverKey}|${clientKey}`;
}

export interface ClaimKeys {
  authKey: Uint8Array;
  adminKey: Uint8Array;
}

function claimKey(shared: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, undefined, encoder.encode('transition-lab/v2/claim'), KEY_BYTES);
}

/** The key is used for exactly one message (fresh ephemeral keys per socket), so nonce 0 is safe. */
export function sealClaim(shared: Uint8Array, keys: ClaimKeys): string {
  const body = encoder.encode(JSON.stringify({ authKey: toBase64Url(keys.authKey), adminKey: toBase64Url(keys.adminKey) }));
  return toBase64Url(gcm(claimKey(shared), new Uint8Array(NONCE_BYTES)).encrypt(body));
}

/** The keys in a claim, or null if it does not open or does not hold two 32-byte keys. */
export function openClaim(shared: Uint8Array, sealed: string): ClaimKeys | null {
  try {
    const body = gcm(claimKey(shared), new Uint8Array(NONCE_BYTES)).decrypt(fromBase64Url(sealed));
    const parsed = JSON.parse(decoder.decode(body)) as { authKey?: unknown; adminKey?: unknown };
    const authKey = decodeKey32(parsed.authKey);
    const adminKey = decodeKey32(parsed.adminKey);
    return authKey && adminKey ? { authKey, adminKey } : null;
  } catch {
    return null;
  }
}

export interface ChannelKeys {
  clientToServer: Uint8Array;
  serverToClient: Uint8Array;
}

export function deriveChannelKeys(shared: Uint8Array, authKey: Uint8Array, nonce: string): ChannelKeys {
  const ikm = new Uint8Array(shared.length + authKey.length);
  ikm.set(shared);
  ikm.set(authKey, shared.length);
  const salt = fromBase64Url(nonce);
  const derive = (info: string) => hkdf(sha256, ikm, salt, encoder.encode(info), KEY_BYTES);
  const keys = { clientToServer: derive('transition-lab/v2/wire c2s'), serverToClient: derive('transition-lab/v2/wire s2c') };
  ikm.fill(0);
  return keys;
}

/**
 * AES-256-GCM with the 16-byte tag appended to the ciphertext. The pure-JS one works everywhere
 * (also where a browser has no `crypto.subtle`); the host swaps in Node's native implementation
 * (main/host/sync/node-aead.ts), which gives the same bytes and is many times faster — the host
 * seals every message once per person in the room.
 */
export interface Aead {
  encrypt(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array): Uint8Array;
  /** Throws when the frame does not authenticate. */
  decrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array;
}

export const jsAead: Aead = {
  encrypt: (key, nonce, plain) => gcm(key, nonce).encrypt(plain),
  decrypt: (key, nonce, sealed) => gcm(key, nonce).decrypt(sealed),
};

export interface OpenedFrame {
  kind: FrameKind;
  payload: Uint8Array;
}

/**
 * One direction pair of an established channel. The counters are implicit: a frame opens only
 * as the next one in order, so a replayed, dropped, reordered or altered frame fails.
 */
export class WireChannel {
  private sent = 0;
  private received = 0;

  constructor(
    private readonly sendKey: Uint8Array,
    private readonly receiveKey: Uint8Array,
    private readonly aead: Aead = jsAead,
  ) {}

  static forClient(keys: ChannelKeys, aead?: Aead): WireChannel {
    return new WireChannel(keys.clientToServer, keys.serverToClient, aead);
  }

  static forServer(keys: ChannelKeys, aead?: Aead): WireChannel {
    return new WireChannel(keys.serverToClient, keys.clientToServer, aead);
  }

  seal(kind: FrameKind, payload: Uint8Array): Uint8Array {
    const plain = new Uint8Array(1 + payload.length);
    plain[0] = kind;
    plain.set(payload, 1);
    return this.aead.encrypt(this.sendKey, counterNonce(this.sent++), plain);
  }

  sealText(message: unknown): Uint8Array {
    return this.seal(FRAME_TEXT, encoder.encode(JSON.stringify(message)));
  }

  /** Throws WireCryptoError; the counter advances only on success (the caller closes anyway). */
  open(frame: Uint8Array): OpenedFrame {
    if (frame.length < FRAME_OVERHEAD) throw new WireCryptoError('frame too short');
    let plain: Uint8Array;
    try {
      plain = this.aead.decrypt(this.receiveKey, counterNonce(this.received), frame);
    } catch {
      throw new WireCryptoError('frame did not open');
    }
    const kind = plain[0];
    if (kind !== FRAME_TEXT && kind !== FRAME_BINARY) throw new WireCryptoError(`unknown frame kind ${kind}`);
    this.received++;
    return { kind, payload: plain.subarray(1) };
  }
}

/** Decodes a FRAME_TEXT payload (strict UTF-8); throws WireCryptoError on invalid bytes. */
export function frameText(payload: Uint8Array): string {
  try {
    return decoder.decode(payload);
  } catch {
    throw new WireCryptoError('text frame is not UTF-8');
  }
}

function counterNonce(counter: number): Uint8Array {
  if (!Number.isSafeInteger(counter)) throw new WireCryptoError('frame counter exhausted');
  const nonce = new Uint8Array(NONCE_BYTES);
  const view = new DataView(nonce.buffer);
  view.setUint32(4, Math.floor(counter / 2 ** 32));
  view.setUint32(8, counter >>> 0);
  return nonce;
}

import { gcm } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * Browsers expose `crypto.subtle` only in secure contexts, and a participant who opens the host at
 * http://192.168.x.x:4455 is not in one. y-webrtc encrypts its signaling with the join code through
 * `crypto.subtle` (PBKDF2 → AES-GCM), so without it that participant could not take part — or would
 * have to drop encryption, which would split the room into peers that cannot read each other.
 * This shim implements exactly the four calls y-webrtc makes, with audited pure-JS primitives
 * (@noble), producing byte-identical results to WebCrypto; it is installed only where
 * `crypto.subtle` is missing.
 */

interface ShimKey {
  readonly shim: 'pbkdf2-material' | 'aes-gcm-256';
  readonly bytes: Uint8Array;
}

type Algorithm = string | { name: string; [key: string]: unknown };

function algorithmName(algorithm: Algorithm): string {
  return (typeof algorithm === 'string' ? algorithm : algorithm.name).toUpperCase();
}

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  throw new TypeError('Expected an ArrayBuffer or a typed array');
}

function keyOf(key: unknown, kind: ShimKey['shim']): ShimKey {
  if (typeof key === 'object' && key !== null && (key as ShimKey).shim === kind) return key as ShimKey;
  throw new DOMException(`Expected a ${kind} key`, 'InvalidAccessError');
}

function unsupported(what: string): never {
  throw new DOMException(`${what} is not supported outside a secure context`, 'NotSupportedError');
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

export const subtleShim = {
  async importKey(format: string, keyData: unknown, algorithm: Algorithm): Promise<ShimKey> {
    if (format !== 'raw' || algorithmName(algorithm) !== 'PBKDF2') unsupported(`importKey(${format}, ${algorithmName(algorithm)})`);
    return { shim: 'pbkdf2-material', bytes: bytesOf(keyData) };
  },

  async deriveKey(params: { name: string; salt: unknown; iterations: number; hash: Algorithm }, baseKey: unknown, derived: { name: string; length: number }): Promise<ShimKey> {
    if (algorithmName(params.name) !== 'PBKDF2' || algorithmName(params.hash) !== 'SHA-256') unsupported('deriveKey with this algorithm');
    if (algorithmName(derived.name) !== 'AES-GCM' || derived.length !== 256) unsupported('a derived key other than AES-GCM 256');
    if (!Number.isInteger(params.iterations) || params.iterations < 1) throw new DOMException('Bad iteration count', 'OperationError');
    const material = keyOf(baseKey, 'pbkdf2-material');
    const bytes = await pbkdf2Async(sha256, material.bytes, bytesOf(params.salt), { c: params.iterations, dkLen: 32 });
    return { shim: 'aes-gcm-256', bytes };
  },

  async encrypt(params: { name: string; iv: unknown }, key: unknown, data: unknown): Promise<ArrayBuffer> {
    if (algorithmName(params.name) !== 'AES-GCM') unsupported(`encrypt(${params.name})`);
    return arrayBuffer(gcm(keyOf(key, 'aes-gcm-256').bytes, bytesOf(params.iv)).encrypt(bytesOf(data)));
  },

  async decrypt(params: { name: string; iv: unknown }, key: unknown, data: unknown): Promise<ArrayBuffer> {
    if (algorithmName(params.name) !== 'AES-GCM') unsupported(`decrypt(${params.name})`);
    try {
      return arrayBuffer(gcm(keyOf(key, 'aes-gcm-256').bytes, bytesOf(params.iv)).decrypt(bytesOf(data)));
    } catch {
      // Same failure WebCrypto reports for a wrong key or a tampered message.
      throw new DOMException('The operation failed for an operation-specific reason', 'OperationError');
    }
  },
};

/** Installs the shim where the browser hides `crypto.subtle` (insecure context). Returns whether it did. */
export function installSubtleShimIfMissing(target: { crypto?: Crypto } = globalThis): boolean {
  const cryptoObject = target.crypto;
  if (!cryptoObject || cryptoObject.subtle) return false;
  Object.defineProperty(cryptoObject, 'subtle', { value: subtleShim, configurable: true });
  return true;
}

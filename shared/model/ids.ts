/**
 * Random identifiers. Session ids double as room ids on the network, so they carry 128 random
 * bits (docs/architecture.md "Identity and roles"); note and board ids only need to be unique per doc but use
 * the same generator so nothing depends on which kind of id it is.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function randomId(bits = 128): string {
  const chars = Math.ceil(bits / Math.log2(ALPHABET.length));
  // Rejection sampling keeps every character uniform (256 is not a multiple of 36).
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < chars) {
    const bytes = new Uint8Array(chars * 2);
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < limit && out.length < chars) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

const ID_PATTERN = /^[0-9a-z]{8,64}$/;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

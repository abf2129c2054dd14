/**
 * Random identifiers. Session ids double as room ids on the network, so they carry 128 random
 * bits (docs/architecture.md "Identity and roles"); note and board ids only need to be unique per doc but use
 * the same generator so nothing depends on which kind of id it is.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

// Rejection sampling keeps every character uniform (256 is not a multiple of 36).
const LIMIT = 256 - (256 % ALPHABET.length);
// Random bytes are drawn in blocks: one getRandomValues call costs ~12 µs in Chromium, which made
// it a quarter of the time to add 5,000 notes (a template, a paste, an import) one id each.
const pool = new Uint8Array(4096);
let used = pool.length;

function randomByte(): number {
  if (used === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  const b = pool[used]!;
  // Spent bytes are wiped so no later reader of the pool can see an id already handed out.
  pool[used++] = 0;
  return b;
}

export function randomId(bits = 128): string {
  const chars = Math.ceil(bits / Math.log2(ALPHABET.length));
  let out = '';
  while (out.length < chars) {
    const b = randomByte();
    if (b < LIMIT) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}

const ID_PATTERN = /^[0-9a-z]{8,64}$/;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

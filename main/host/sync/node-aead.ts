import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Aead } from '../../../shared/protocol/wire-crypto';

const TAG_BYTES = 16;

/** Node's native AES-256-GCM, laid out like the pure-JS one (ciphertext, then the tag). */
export const nodeAead: Aead = {
  encrypt(key, nonce, plain) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    const body = cipher.update(plain);
    const rest = cipher.final();
    const tag = cipher.getAuthTag();
    const out = new Uint8Array(body.length + rest.length + TAG_BYTES);
    out.set(body);
    out.set(rest, body.length);
    out.set(tag, body.length + rest.length);
    return out;
  },
  decrypt(key, nonce, sealed) {
    if (sealed.length < TAG_BYTES) throw new Error('sealed frame too short');
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    const rest = decipher.final();
    if (rest.length === 0) return new Uint8Array(body.buffer, body.byteOffset, body.length);
    const out = new Uint8Array(body.length + rest.length);
    out.set(body);
    out.set(rest, body.length);
    return out;
  },
};

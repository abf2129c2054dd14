import { createHash } from 'node:crypto';

/**
 * The framing of the host's room files (snapshot and update logs): a file starts with an 8-byte
 * magic (which file kind, which format version), then records of
 * `u32 BE payload length | first 8 bytes of SHA-256(payload) | payload`.
 * A checksum per record (not per file) lets a log that was cut short by a crash keep every
 * record before the cut, and tells a torn tail (expected after kill -9) from damage in the middle.
 */
export const HEADER_BYTES = 8;
export const RECORD_OVERHEAD = 12;

export const SNAPSHOT_MAGIC = Buffer.from('TLSNAP1\n', 'latin1');
export const LOG_MAGIC = Buffer.from('TLLOG01\n', 'latin1');

export function checksum(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest().subarray(0, 8);
}

export function encodeRecord(payload: Uint8Array): Buffer {
  const head = Buffer.alloc(RECORD_OVERHEAD);
  head.writeUInt32BE(payload.length, 0);
  checksum(payload).copy(head, 4);
  return Buffer.concat([head, payload]);
}

/** What a file held: its good records, and what (if anything) was wrong after them. */
export interface ReadRecords {
  records: Uint8Array[];
  /** Bytes of the file that the good records (and header) cover. */
  goodBytes: number;
  problem: null | 'empty' | 'bad-header' | 'truncated' | 'checksum';
}

/** Reads records until the end of the file or the first record that does not check out. */
export function decodeRecords(bytes: Uint8Array, magic: Buffer): ReadRecords {
  if (bytes.length === 0) return { records: [], goodBytes: 0, problem: 'empty' };
  if (bytes.length < HEADER_BYTES || !magic.equals(bytes.subarray(0, HEADER_BYTES))) {
    return { records: [], goodBytes: 0, problem: bytes.length < HEADER_BYTES ? 'truncated' : 'bad-header' };
  }
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const records: Uint8Array[] = [];
  let offset = HEADER_BYTES;
  while (offset < view.length) {
    if (view.length - offset < RECORD_OVERHEAD) return { records, goodBytes: offset, problem: 'truncated' };
    const length = view.readUInt32BE(offset);
    const start = offset + RECORD_OVERHEAD;
    if (view.length - start < length) return { records, goodBytes: offset, problem: 'truncated' };
    const payload = view.subarray(start, start + length);
    if (!checksum(payload).equals(view.subarray(offset + 4, offset + RECORD_OVERHEAD))) {
      return { records, goodBytes: offset, problem: 'checksum' };
    }
    records.push(payload);
    offset = start + length;
  }
  return { records, goodBytes: offset, problem: null };
}

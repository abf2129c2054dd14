import { Deflate, strToU8 } from 'fflate';

/** One entry of a hand-made zip: its bytes, or a run of zeros deflated chunk by chunk. */
export type BombEntry = { name: string; bytes: Uint8Array } | { name: string; zeros: number; declare?: number };

const ZERO_CHUNK = new Uint8Array(1 << 20);

function deflateZeros(count: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  // Chunk by chunk: the test itself must not hold the hundreds of MB it makes the reader face.
  for (let left = count; left > 0; left -= ZERO_CHUNK.length) deflate.push(left > ZERO_CHUNK.length ? ZERO_CHUNK : ZERO_CHUNK.subarray(0, left), left <= ZERO_CHUNK.length);
  return concat(parts);
}

function deflateBytes(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  deflate.push(bytes, true);
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A zip (deflate, no CRC: fflate does not check it) whose entries may inflate far beyond what it
 * declares: `declare` is the uncompressed size written in its headers (default: the real one).
 */
export function handMadeZip(entries: BombEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const real = 'bytes' in entry ? entry.bytes.length : entry.zeros;
    const declared = 'bytes' in entry ? real : (entry.declare ?? real);
    const data = 'bytes' in entry ? deflateBytes(entry.bytes) : deflateZeros(entry.zeros);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, declared >>> 0, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, declared >>> 0, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

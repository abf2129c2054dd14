import { Unzip, UnzipInflate } from 'fflate';

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1,032:1, so one step
 * makes at most ~4 MB however the file was built; unzipSync would inflate a whole entry in one go.
 */
const STEP_BYTES = 4 * 1024;

export type UnzipProblem = 'tooLarge' | 'corrupt' | 'unexpected';

export interface BoundedUnzipOptions<P extends string> {
  /** Most bytes this entry may inflate to; null: an entry that has no business in the zip. */
  limitFor(name: string): number | null;
  /** Each whole entry as it completes (in zip order); a problem returned stops the reading. */
  onEntry?(name: string, data: Uint8Array): P | null;
}

/**
 * Unzips while counting: every entry stops at its limit, whatever size its headers claim, and the
 * reading stops at the first problem — a zip bomb costs a few MB and some milliseconds, not the
 * hundreds of MB it would inflate to. Each entry name may appear once.
 */
export function unzipBounded<P extends string>(bytes: Uint8Array, options: BoundedUnzipOptions<P>): { ok: true; files: Record<string, Uint8Array> } | { ok: false; problem: UnzipProblem | P } {
  // A zip ends with its directory record; a copy cut short does not (our archives carry no comment).
  if (!endsWithDirectory(bytes)) return { ok: false, problem: 'corrupt' };
  const files: Record<string, Uint8Array> = {};
  const open = new Set<string>();
  let problem: UnzipProblem | P | null = null;
  const unzip = new Unzip((file) => {
    const limit = options.limitFor(file.name);
    if (problem) return;
    if (limit === null || file.name in files || open.has(file.name)) {
      problem = 'unexpected';
      return;
    }
    if (file.originalSize !== undefined && file.originalSize > limit) {
      problem = 'tooLarge';
      return;
    }
    open.add(file.name);
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) {
        problem = 'corrupt';
        return;
      }
      size += chunk.length;
      if (size > limit) {
        problem = 'tooLarge';
        file.terminate();
        return;
      }
      parts.push(chunk);
      if (!final) return;
      open.delete(file.name);
      files[file.name] = join(parts, size);
      problem = options.onEntry?.(file.name, files[file.name]!) ?? null;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !problem; at += STEP_BYTES) unzip.push(bytes.subarray(at, at + STEP_BYTES), at + STEP_BYTES >= bytes.length);
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  if (problem) return { ok: false, problem };
  if (open.size > 0) return { ok: false, problem: 'corrupt' };
  return { ok: true, files };
}

function endsWithDirectory(bytes: Uint8Array): boolean {
  const at = bytes.length - 22;
  return at >= 0 && bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06;
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Files the operating system asks the app to open: a double-clicked `.tlab` arrives as a path in
 * argv (Windows, Linux), in a second instance's argv (the app is already running), or as macOS's
 * `open-file` event — which can fire before the window exists. This module finds the paths, checks
 * and reads each one within the import limit, and holds them until the renderer can take them.
 * Pure module: node: built-ins only, no electron import (main/index.ts wires the events to it).
 */
import { constants as fsConstants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_EXTENSION, MAX_ARCHIVE_BYTES } from '../shared/export/archive-limits';
import type { OpenedFile, OpenedFileProblem } from '../shared/protocol/ipc';

/** More than this many files in one launch is not a person double-clicking: the rest are ignored. */
export const MAX_FILES_PER_LAUNCH = 8;

const EXTENSION = `.${ARCHIVE_EXTENSION}`;

function hasArchiveExtension(file: string): boolean {
  return file.toLowerCase().endsWith(EXTENSION);
}

export interface ArgvContext {
  /** Relative paths are resolved against it: the directory the (second) instance was started in. */
  cwd: string;
  /** `process.platform`: a Windows command line has Windows paths whatever this module runs on. */
  platform: string;
}

/**
 * The `.tlab` paths in a command line, absolute, in order, without repeats. argv[0] is the
 * executable; switches (`--flag`, `-psn_…` on macOS, Chromium's own) are skipped, and so is
 * anything else that is not a `.tlab` file — in development argv[1] is the app's folder.
 * Linux file managers may hand over `file://` URLs (the desktop entry's `%U`).
 */
export function archivePathsFromArgv(argv: readonly string[], { cwd, platform }: ArgvContext): string[] {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg === '' || arg.startsWith('-')) continue;
    let file = arg;
    // Another scheme (https:, smb:) is never a local file; two letters or more, so `C:\` is a path.
    if (/^[a-z][a-z0-9+.-]+:/iu.test(arg) && !/^file:/iu.test(arg)) continue;
    if (/^file:/iu.test(arg)) {
      try {
        file = fileURLToPath(arg, { windows: platform === 'win32' });
      } catch {
        continue;
      }
    }
    if (!hasArchiveExtension(file)) continue;
    const absolute = paths.resolve(cwd, file);
    if (!found.includes(absolute)) found.push(absolute);
    if (found.length === MAX_FILES_PER_LAUNCH) break;
  }
  return found;
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: OpenedFileProblem };

/**
 * Reads one file the OS gave us, trusting nothing about it: the path and the file it really is
 * (after symlinks) must both be `.tlab`, it must be a regular file (not a directory, device, FIFO
 * or socket), and no larger than the import accepts. Size and type are checked on the open
 * handle, so a file swapped after the check is still the one measured, and a file that grows
 * while being read stops at the limit.
 */
export async function readArchiveFile(file: string, maxBytes = MAX_ARCHIVE_BYTES): Promise<ReadResult> {
  if (!hasArchiveExtension(file)) return { ok: false, problem: 'notArchive' };
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (!hasArchiveExtension(real)) return { ok: false, problem: 'notArchive' };
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO that was swapped in after realpath must not hang main.
    handle = await open(real, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, problem: 'unreadable' };
    if (stat.size > maxBytes) return { ok: false, problem: 'tooLarge' };
    // A buffer of our own (not Node's shared pool): IPC would copy a pooled buffer's neighbours too.
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // Grown since stat: more than we measured means the limit may no longer hold.
    const extra = await handle.read(new Uint8Array(1), 0, 1, filled);
    if (extra.bytesRead > 0) return { ok: false, problem: stat.size + 1 > maxBytes ? 'tooLarge' : 'unreadable' };
    return { ok: true, bytes: filled === bytes.length ? bytes : bytes.slice(0, filled) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export interface OpenFileQueueOptions {
  read?: (file: string) => Promise<ReadResult>;
  /** Most paths held while no window can take them; later ones are dropped (and logged). */
  maxPending?: number;
  log?: (line: string) => void;
}

export interface OpenFileQueue {
  /** A path the OS asked us to open: delivered now if a renderer is attached, else held. */
  open(file: string): void;
  /** The renderer can take files (its page has loaded): everything held goes to it, in order. */
  attach(deliver: (file: OpenedFile) => void): void;
  /** The window closed or is reloading: hold files again until the next attach. */
  detach(): void;
  /** Paths held, for tests and logs. */
  pending(): readonly string[];
  /** Resolves when every file opened so far has been read and delivered (or is held). */
  idle(): Promise<void>;
}

/**
 * Holds opened paths until a renderer is attached, then reads and delivers them one at a time in
 * the order they came. Files are read at delivery, not when they arrive, so nothing large sits in
 * memory while the app starts; a path already waiting is not queued twice (macOS may report a
 * file both in argv and as open-file).
 */
export function createOpenFileQueue(options: OpenFileQueueOptions = {}): OpenFileQueue {
  const read = options.read ?? ((file: string) => readArchiveFile(file));
  const maxPending = options.maxPending ?? MAX_FILES_PER_LAUNCH;
  const log = options.log ?? (() => undefined);
  const waiting: string[] = [];
  let deliver: ((file: OpenedFile) => void) | null = null;
  let chain: Promise<void> = Promise.resolve();

  const pump = () => {
    chain = chain.then(async () => {
      while (deliver !== null && waiting.length > 0) {
        const file = waiting[0]!;
        const result = await read(file).catch((): ReadResult => ({ ok: false, problem: 'unreadable' }));
        // Detached while reading: keep the path, read it again for the next window.
        const to = deliver;
        if (to === null) return;
        waiting.shift();
        const name = path.basename(file);
        try {
          to(result.ok ? { name, bytes: result.bytes } : { name, problem: result.problem });
        } catch (error) {
          log(`could not hand ${name} to the window: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
  };

  return {
    open(file) {
      if (typeof file !== 'string' || file === '' || waiting.includes(file)) return;
      if (waiting.length >= maxPending) {
        log(`ignored ${path.basename(file)}: ${maxPending} files already waiting to open`);
        return;
      }
      waiting.push(file);
      pump();
    },
    attach(to) {
      deliver = to;
      pump();
    },
    detach() {
      deliver = null;
    },
    pending: () => [...waiting],
    idle: () => chain,
  };
}

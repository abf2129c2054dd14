import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real small disk for the host's data folder: a tmpfs of `sizeKb` mounted in a private mount
 * namespace held by a sleeping child (nothing on this machine sees the mount), reached from the
 * test through /proc/<pid>/root. It really fills (ENOSPC) and really turns read-only (EROFS),
 * which root — as tests run — would not get from chmod. Needs Linux, root and unshare.
 */
export interface TinyDisk {
  /** Where the host's data folder goes (a path any process of ours can use). */
  readonly root: string;
  /** Writes a filler file until the disk refuses: every later write gets ENOSPC. */
  fill(): void;
  /** Removes the filler. */
  unfill(): void;
  readOnly(): void;
  writable(): void;
  stop(): void;
}

export function tinyDiskUnavailable(): string | false {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (mount)';
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs /mnt'], { encoding: 'utf8', timeout: 5000 });
  if (probe.error || probe.status !== 0) return `unshare -m with a tmpfs failed: ${probe.error?.message ?? probe.stderr.trim()}`;
  return false;
}

export async function mountTinyDisk(sizeKb: number): Promise<TinyDisk> {
  const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'tl-tiny-disk-'));
  const child: ChildProcess = spawn('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=${sizeKb}k,mode=0700 tmpfs "$0" && echo ready && exec sleep 3600`, mountPoint], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`tiny disk did not mount (${code}): ${err}`)));
  });
  const root = `/proc/${child.pid}/root${mountPoint}`;
  const filler = path.join(root, 'filler');
  const remount = (mode: 'ro' | 'rw'): void => {
    const r = spawnSync('nsenter', ['-t', String(child.pid), '-m', 'mount', '-o', `remount,${mode}`, mountPoint], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`remount ${mode} failed: ${r.stderr}`);
  };
  return {
    root,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    unfill: () => rmSync(filler, { force: true }),
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    stop() {
      child.kill('SIGKILL');
      try {
        rmdirSync(mountPoint);
      } catch {
        // The namespace may still be going away; an empty temp folder is harmless.
      }
    },
  };
}

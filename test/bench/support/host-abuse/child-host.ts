/**
 * The real host as a child process (`node cli.mjs`), so "the process exits" is an observable
 * failure and its memory is its own. Bound to 127.0.0.1; attackers connect from other loopback
 * addresses (127.0.0.2, …) so per-address limits see them as other devices.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ChildHost {
  port: number;
  baseUrl: string;
  pid: number;
  /** Everything the host wrote to stderr (its log), line by line. */
  log: string[];
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  alive(): boolean;
  /** Current resident set size, bytes (from /proc). */
  rssBytes(): number;
  /** Peak resident set size since start (VmHWM), bytes. */
  peakRssBytes(): number;
  /** SIGTERM, then SIGKILL after a grace period; removes the temp folders. */
  stop(): Promise<void>;
}

export interface ChildHostOptions {
  cliPath: string;
  /** Extra command-line flags (after --port/--bind/--data/--static). */
  args?: string[];
  startTimeoutMs?: number;
}

export async function startChildHost(options: ChildHostOptions): Promise<ChildHost> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tl-abuse-'));
  const staticDir = path.join(base, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Transition Lab</title>');
  const dataDir = path.join(base, 'data');
  const child: ChildProcess = spawn(
    process.execPath,
    [options.cliPath, '--port', '0', '--bind', '127.0.0.1', '--data', dataDir, '--static', staticDir, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  let exitedWith: number | string | undefined;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedWith = code ?? signal ?? 'unknown';
      resolve(exitedWith);
    });
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(...chunk.split('\n').filter(Boolean)));

  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start in time; log: ${log.join(' | ')}`)), options.startTimeoutMs ?? 10_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before listening; log: ${log.join(' | ')}`));
    });
  });
  const pid = child.pid as number;

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}/`,
    pid,
    log,
    exited,
    alive: () => exitedWith === undefined,
    rssBytes: () => procStatusBytes(pid, 'VmRSS'),
    peakRssBytes: () => procStatusBytes(pid, 'VmHWM'),
    async stop() {
      if (exitedWith === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A `VmRSS:   1234 kB` line of /proc/PID/status, in bytes (0 once the process is gone). */
function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples RSS every `everyMs` while `work` runs; returns the work's result and the highest sample. */
export async function withRssSampling<T>(host: ChildHost, work: () => Promise<T>, everyMs = 20): Promise<{ result: T; maxRssBytes: number }> {
  let max = host.rssBytes();
  const timer = setInterval(() => {
    max = Math.max(max, host.rssBytes());
  }, everyMs);
  try {
    const result = await work();
    max = Math.max(max, host.rssBytes());
    return { result, maxRssBytes: max };
  } finally {
    clearInterval(timer);
  }
}

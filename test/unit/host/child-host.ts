import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const START_TIMEOUT_MS = 15_000;

/** host-child.ts bundled into one CommonJS file (every dependency included), in a temp folder. */
export async function bundleHostChild(): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-host-child-'));
  const file = path.join(dir, 'host-child.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'host-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    define: { __APP_VERSION__: JSON.stringify(version) },
    logLevel: 'silent',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildHost {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** The host's log (stderr) so far. */
  readonly log: string[];
  /** Peak resident memory of the host process so far, in bytes (Linux: VmHWM). */
  peakRss(): number;
  /** kill -9, and wait until it is gone. */
  kill9(): Promise<void>;
  /** Ctrl+C, and wait until it exited. */
  stop(): Promise<void>;
}

/** Starts the bundled `npm run host` on 127.0.0.1 and a free port; resolves once it listens. */
export function spawnChildHost(bundle: string, options: { dataDir: string; staticDir: string; args?: string[] }): Promise<ChildHost> {
  const child = spawn(
    process.execPath,
    [bundle, '--port', '0', '--bind', '127.0.0.1', '--data', options.dataDir, '--static', options.staticDir, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start in ${START_TIMEOUT_MS} ms:\n${stdout}\n${log.join('\n')}`));
    }, START_TIMEOUT_MS);
    const onEarlyExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before listening:\n${stdout}\n${log.join('\n')}`));
    };
    child.once('exit', onEarlyExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({
        child,
        baseUrl: match[1],
        log,
        peakRss: () => peakRss(child.pid),
        async kill9() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
          await exited;
        },
      });
    });
  });
}

function peakRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

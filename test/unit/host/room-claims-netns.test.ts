// The real "is this the facilitator's computer" check, with a source address that is not
// loopback: inside a private network namespace lo also gets 10.99.0.1 (addresses added there
// never reach a real network), the host listens on 0.0.0.0, and a client that connects to
// 10.99.0.1 arrives from 10.99.0.1 — as a laptop on the venue Wi-Fi would, as far as the host
// can tell. Needs Linux with unshare and ip (CI runs as root); fails loudly without them,
// TL_SKIP_NETNS=1 skips it on purpose.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { NETNS_ADDRESS, REPORT_PREFIX, type NetnsReport } from './room-claims-netns-driver';

const RUN_TIMEOUT_MS = 30_000;
const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const SETUP = `ip link set lo up && ip addr add ${NETNS_ADDRESS}/32 dev lo`;

function unshareFlags(): string[] | string {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  const flags = process.getuid?.() === 0 ? ['-n'] : ['-r', '-n'];
  const probe = spawnSync('unshare', [...flags, 'sh', '-c', SETUP], { encoding: 'utf8', timeout: 5000 });
  if (probe.error || probe.status !== 0) return `unshare ${flags.join(' ')} failed: ${probe.error?.message ?? probe.stderr.trim()}`;
  return flags;
}

function run(flags: string[], bundle: string): Promise<{ stdout: string; stderr: string }> {
  const child = spawn('unshare', [...flags, 'sh', '-c', `${SETUP} && exec "$0" "$@"`, process.execPath, bundle], {
    env: { ...process.env, TL_NETNS_DRIVER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => {
    stderr += `\n[test] killed after ${RUN_TIMEOUT_MS} ms`;
    process.kill(-child.pid!, 'SIGKILL');
  }, RUN_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr });
    });
  });
}

describe.skipIf(process.env['TL_SKIP_NETNS'] === '1')('room claims from a non-loopback address (private network namespace)', () => {
  let tmp: string | undefined;
  let report: NetnsReport | undefined;
  let setupError: Error | undefined;

  beforeAll(async () => {
    try {
      const flags = unshareFlags();
      if (typeof flags === 'string') throw new Error(`${flags}. Set TL_SKIP_NETNS=1 to skip on purpose.`);
      tmp = mkdtempSync(path.join(os.tmpdir(), 'tl-netns-bundle-'));
      const bundle = path.join(tmp, 'driver.cjs');
      await build({
        entryPoints: [path.join(import.meta.dirname, 'room-claims-netns-driver.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        define: { __APP_VERSION__: JSON.stringify(version) },
        logLevel: 'silent',
      });
      const { stdout, stderr } = await run(flags, bundle);
      const line = stdout.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
      if (!line) throw new Error(`no report from the namespace run.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      report = JSON.parse(line.slice(REPORT_PREFIX.length)) as NetnsReport;
      if (!report.ok) throw new Error(`the namespace run failed: ${report.error}`);
    } catch (error) {
      setupError = error as Error;
    }
  }, RUN_TIMEOUT_MS + 15_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  function got(): NetnsReport {
    if (!report?.ok) throw setupError ?? new Error('no report');
    return report;
  }

  it('refuses a claim for a new room from the network with CLAIM_REFUSED, creates nothing, and logs the address', () => {
    const r = got();
    expect(r.claimFromNetwork).toBe(CLOSE.CLAIM_REFUSED);
    expect(r.roomsAfterRefusal).toEqual([]);
    expect(r.claimLogged).toBe(true);
  });

  it("creates the room for the facilitator's own computer, and participants from the network still join it", () => {
    const r = got();
    expect(r.claimFromLoopback).toBe('welcome');
    expect(r.helloFromNetwork).toBe('welcome');
  });

  it('lets an address named with --allow-sessions-from create rooms', () => {
    expect(got().claimFromAllowed).toBe('welcome');
  });
});

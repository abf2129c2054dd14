/**
 * Runs a scenario inside a fresh network namespace that has only loopback (`unshare -n`, as the
 * e2e suite and the WebRTC benchmarks do), so the host and every "device" attacking it can reach
 * nothing but each other. Where no namespace can be made (not Linux, no unshare), it runs in this
 * process instead — still loopback only (the host binds 127.0.0.1) — and says so in `isolated`.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { ATTACKS, runScenario, type ScenarioResult } from './scenarios';

export type IsolatedResult = ScenarioResult & { isolated: boolean; isolation: string };

/** `unshare` flags that give a loopback-only namespace here, or why there is none. */
export function loopbackNamespace(): { flags: string[] } | { problem: string } {
  if (process.platform !== 'linux') return { problem: `network namespaces need Linux (this is ${process.platform})` };
  const flags = process.getuid?.() === 0 ? ['-n'] : ['-r', '-n'];
  const probe = spawnSync('unshare', [...flags, 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8', timeout: 5000 });
  if (probe.error || probe.status !== 0) return { problem: `unshare ${flags.join(' ')} failed: ${probe.error?.message ?? probe.stderr.trim()}` };
  return { flags };
}

/** Bundles scenario-runner.ts (self-contained, like bundleHostCli) into `outDir/runner.mjs`. */
export async function bundleScenarioRunner(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'runner.mjs');
  await build({
    entryPoints: [path.join(process.cwd(), 'test', 'bench', 'support', 'host-abuse', 'scenario-runner.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __tlRequire } from 'node:module'; const require = __tlRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

export async function runScenarioIsolated(
  cliPath: string,
  runnerPath: string,
  attackName: string,
  options: Parameters<typeof runScenario>[2] = {},
  timeoutMs = 90_000,
): Promise<IsolatedResult> {
  const ns = loopbackNamespace();
  if ('problem' in ns) {
    const attack = ATTACKS.find((a) => a.name === attackName);
    if (!attack) throw new Error(`no attack ${attackName}`);
    return { ...(await runScenario(cliPath, attack, options)), isolated: false, isolation: ns.problem };
  }
  const child = spawn(
    'unshare',
    [...ns.flags, 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, runnerPath, cliPath, attackName, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  clearTimeout(timer);
  const line = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !line) throw new Error(`scenario ${attackName} in a namespace exited with ${code}: ${stderr.slice(-2000)}`);
  return { ...(JSON.parse(line) as ScenarioResult), isolated: true, isolation: `unshare ${ns.flags.join(' ')} (loopback only)` };
}

// `npm run bench -- host-abuse`: each attack of issue 9 (items 1, 2, 4, 5) against a fresh real
// host process (production limits), with the host's peak RSS and a well-behaved participant's join
// latency (socket open → welcome → first sync) during and after the attack, vs. no attack.
// Loopback only: the host listens on 127.0.0.1, attackers connect from 127.0.0.2–5; each scenario
// runs in its own loopback-only network namespace where one can be made (root on Linux).
// TL_HOST_CLI=path/to/cli.mjs measures another build of the host (e.g. an older commit) instead.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ATTACKS, bundleHostCli, bundleScenarioRunner, runScenarioIsolated, type IsolatedResult } from './support/host-abuse';
import { summarise, writeResults } from './support/results';

const MB = 1024 * 1024;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;
const ms = (value: number): number => Math.round(value * 10) / 10;

const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'tl-abuse-bench-'));
const cliPath = process.env.TL_HOST_CLI ?? (await bundleHostCli(bundleDir));
const runnerPath = await bundleScenarioRunner(bundleDir);
const results: Record<string, unknown> = {};
try {
  // TL_ATTACKS=deep-json,big-frames runs only those.
  const only = process.env.TL_ATTACKS?.split(',');
  for (const attack of ATTACKS.filter((a) => !only || only.includes(a.name))) {
    const r: IsolatedResult = await runScenarioIsolated(cliPath, runnerPath, attack.name, { roomOnDisk: attack.name === 'wrong-proofs' });
    const during = summarise(r.joinsDuring.map((t) => t.syncedMs));
    results[attack.name] = {
      attack: attack.description,
      hostSurvived: r.alive,
      isolation: r.isolation,
      error: r.error,
      baselineRssMB: mb(r.baselineRssBytes),
      peakRssDuringAttackMB: mb(r.attackPeakRssBytes),
      peakRssAboveBaselineMB: mb(r.attackPeakRssBytes - r.baselineRssBytes),
      processPeakRssMB: mb(r.processPeakRssBytes),
      joinDuringAttack: { n: during.n, welcomeMsMedian: ms(summarise(r.joinsDuring.map((t) => t.welcomeMs)).median), syncedMsMedian: ms(during.median), syncedMsMax: ms(during.max) },
      joinAfterAttack: { welcomeMs: ms(r.joinAfter.welcomeMs), syncedMs: ms(r.joinAfter.syncedMs) },
      participantStillInSync: r.syncedAfter,
      participantSignalingReconnects: r.signalingAfter,
      hostLogLines: r.logLines,
      attackResult: r.attackResult,
    };
    console.log(
      `${attack.name.padEnd(16)} survived ${String(r.alive).padEnd(5)} peak RSS ${mb(r.attackPeakRssBytes)} MB ` +
        `(+${mb(r.attackPeakRssBytes - r.baselineRssBytes)} over ${mb(r.baselineRssBytes)})  ` +
        `join during ${ms(during.median)} ms (n=${during.n}), after ${ms(r.joinAfter.syncedMs)} ms` +
        (r.error ? `  ERROR ${r.error}` : ''),
    );
  }
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
writeResults(process.env.TL_HOST_CLI ? 'host-abuse-other-build' : 'host-abuse', {
  command: 'npm run bench -- host-abuse',
  host: process.env.TL_HOST_CLI ? `TL_HOST_CLI=${process.env.TL_HOST_CLI}` : 'this checkout (main/host/cli.ts, production limits)',
  joinLatency: 'participant from 127.0.0.1: socket open → welcome, and → host sync step 2 (first sync)',
  attacks: results,
});

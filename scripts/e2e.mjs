// Runs the Playwright suite. On Linux as root it runs inside a fresh network namespace with only
// loopback up (docs/stack-notes.md), so no test traffic — WebRTC included — can reach a real network card.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
const canIsolate =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  !process.env.TL_E2E_NO_NETNS &&
  spawnSync('unshare', ['--version']).status === 0 &&
  spawnSync('ip', ['-V']).status === 0;

let result;
if (canIsolate) {
  result = spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up && exec npx playwright test ${quoted}`], { stdio: 'inherit' });
} else {
  console.warn('e2e: not root or no unshare/ip — running without a loopback-only network namespace.');
  result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);

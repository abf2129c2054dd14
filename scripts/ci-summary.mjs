// Adds up the counts that vitest and Playwright print into one closing line for CI:
// `N passed, N failed` (`, N skipped` when any were skipped).
import { readFileSync } from 'node:fs';

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const text = readFileSync(process.argv[2], 'utf8').replace(ansi, '');
const total = { passed: 0, failed: 0, skipped: 0 };

for (const line of text.split('\n')) {
  // vitest: "      Tests  233 passed | 1 skipped (234)" or "Tests  2 failed | 231 passed (233)"
  const vitest = line.match(/^\s*Tests\s+(.+)\(\d+\)\s*$/);
  if (vitest) {
    for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (kind === 'todo') total.skipped += Number(n);
      else total[kind] += Number(n);
    }
    continue;
  }
  // Playwright list reporter: "  5 passed (31.5s)", "  2 failed", "  1 skipped", "  1 flaky"
  const pw = line.match(/^\s{2}(\d+) (passed|failed|skipped|flaky|did not run|interrupted)(?: \(.*\))?\s*$/);
  if (pw) {
    const n = Number(pw[1]);
    if (pw[2] === 'passed' || pw[2] === 'flaky') total.passed += n;
    else if (pw[2] === 'skipped' || pw[2] === 'did not run') total.skipped += n;
    else total.failed += n;
  }
}

// A step that failed before any runner counted (typecheck, lint, build) is still a failure.
if (Number(process.argv[3] ?? 0) !== 0 && total.failed === 0) total.failed = 1;

const parts = [`${total.passed} passed`, `${total.failed} failed`];
if (total.skipped) parts.push(`${total.skipped} skipped`);
console.log(parts.join(', '));

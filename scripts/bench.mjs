// `npm run bench [-- name-filter]`: runs every test/bench/*.bench.ts in its own Node process
// (bundled with esbuild, so TypeScript and our imports work without a loader). Each benchmark
// writes its numbers as JSON under test/bench/results/ and prints a short summary.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ?? '';
const benchDir = join(root, 'test', 'bench');
const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Bundles live under node_modules/ so Node's ESM resolver finds the external packages (it ignores NODE_PATH).
const out = mkdtempSync(join(root, 'node_modules', '.tl-bench-'));
mkdirSync(join(benchDir, 'results'), { recursive: true });

let failed = 0;
for (const file of files) {
  const outfile = join(out, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(benchDir, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  console.log(`\n▶ ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', outfile], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, TL_BENCH_RESULTS: join(benchDir, 'results'), NODE_PATH: join(root, 'node_modules') },
  });
  if (result.status !== 0) {
    failed++;
    console.error(`✖ ${file} exited with ${result.status}`);
  }
}
rmSync(out, { recursive: true, force: true });
console.log(`\n${files.length - failed} of ${files.length} benchmarks finished; results in test/bench/results/`);
process.exit(failed ? 1 : 0);

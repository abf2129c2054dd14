// `npm run fuzz -- --iterations N [--seed S] [--peers P] [--ops K]`: the long mode of the
// convergence fuzz suite (test/unit/model/fuzz.test.ts). It runs N consecutive seeds starting at S
// (a fresh random S by default, so every run explores new interleavings) through vitest, then
// prints each failing seed with the command that reproduces it. Pin fixed failures in
// test/unit/model/fuzz-regressions.test.ts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  const raw = eq ? eq.slice(name.length + 3) : i >= 0 ? args[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} wants a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

if (args.includes('--help')) {
  console.log('usage: npm run fuzz -- [--iterations N=200] [--seed S=random] [--peers 3..5] [--ops K=150]');
  process.exit(0);
}

const iterations = option('iterations', 200);
const seed = option('seed', Math.floor(Math.random() * 1_000_000_000));
const peers = option('peers', undefined);
const ops = option('ops', 150);
if (peers !== undefined && (peers < 2 || peers > 8)) {
  console.error('--peers must be between 2 and 8');
  process.exit(2);
}

const env = { ...process.env, FUZZ_ITERATIONS: String(iterations), FUZZ_SEED: String(seed), FUZZ_OPS: String(ops) };
if (peers !== undefined) env.FUZZ_PEERS = String(peers);

// vitest's package exports do not expose its bin; it sits at a fixed place in node_modules.
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
console.log(`fuzz: seeds ${seed}..${seed + iterations - 1}, ${peers ?? '3–5'} peers, ${ops} ops each`);
const started = Date.now();
const child = spawn(process.execPath, [vitest, 'run', 'test/unit/model/fuzz.test.ts', '--reporter=dot'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
const failures = new Set();
const scan = (chunk, sink) => {
  const text = chunk.toString();
  sink.write(text);
  for (const m of text.matchAll(/FUZZ FAILURE seed=(\d+)[^\n]*/g)) failures.add(m[0]);
};
child.stdout.on('data', (c) => scan(c, process.stdout));
child.stderr.on('data', (c) => scan(c, process.stderr));
child.on('close', (code) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.size === 0 && code === 0) {
    console.log(`\nfuzz: ${iterations} seeds passed in ${seconds} s`);
    process.exit(0);
  }
  console.error(`\nfuzz: ${failures.size} failing seed(s) of ${iterations} in ${seconds} s`);
  for (const line of failures) console.error(`  ${line}`);
  console.error('Fix the bug, then pin the seed as a named test in test/unit/model/fuzz-regressions.test.ts.');
  process.exit(code || 1);
});

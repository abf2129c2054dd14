import { describe, expect, it } from 'vitest';
import { runFuzz } from './sim/run';

/**
 * Convergence fuzz suite (modelled on Yjs's tests/testHelper.js and tldraw's syncFuzz.test.ts).
 * `npm test` runs a fixed, fast set of seeds. `npm run fuzz -- --iterations N` runs N fresh seeds
 * (FUZZ_ITERATIONS / FUZZ_SEED / FUZZ_PEERS / FUZZ_OPS). A failing seed is reproduced with
 * `npm run fuzz -- --seed S` and, once fixed, pinned in fuzz-regressions.test.ts.
 */
const env = globalThis.process?.env ?? {};
const iterations = Number(env.FUZZ_ITERATIONS ?? 40);
const firstSeed = Number(env.FUZZ_SEED ?? 1);
const fixedPeers = env.FUZZ_PEERS ? Number(env.FUZZ_PEERS) : null;
const ops = Number(env.FUZZ_OPS ?? 150);

describe('convergence fuzz', () => {
  for (let i = 0; i < iterations; i++) {
    const seed = firstSeed + i;
    // 3 to 5 peers, varied by seed so the fixed set covers all sizes.
    const peers = fixedPeers ?? 3 + (seed % 3);
    it(`seed ${seed}: ${peers} peers × ${ops} ops converge`, () => {
      const result = runFuzz({ seed, peers, ops });
      if (!result.ok) {
        // The line the fuzz script greps for, with the command that reproduces it.
        console.error(`FUZZ FAILURE seed=${seed} peers=${peers} ops=${ops} — reproduce: npm run fuzz -- --seed ${seed} --peers ${peers} --ops ${ops} --iterations 1`);
      }
      expect(result.failures).toEqual([]);
    });
  }
});

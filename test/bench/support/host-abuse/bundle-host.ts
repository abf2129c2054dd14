import path from 'node:path';
import { build } from 'esbuild';

// vitest and scripts/bench.mjs both run from the repository root (the bench is bundled elsewhere).
const ROOT = process.cwd();

/**
 * Bundles main/host/cli.ts with every dependency into `outDir/cli.mjs`. Self-contained (no
 * node_modules next to it), so it can live in a temp folder; CommonJS dependencies (ws) get a
 * real `require` through the banner.
 */
export async function bundleHostCli(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'cli.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'main', 'host', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __APP_VERSION__: '"0.0.0-abuse-test"' },
    // ws's optional native helpers; it falls back to JS when they are missing.
    external: ['bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __tlRequire } from 'node:module'; const require = __tlRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

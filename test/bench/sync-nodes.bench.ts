/**
 * Launcher for the sync benchmark (the work is in support/sync-nodes-run.ts). scripts/bench.mjs
 * writes its bundle to the system temp folder, where Node's ESM resolver cannot find
 * node_modules for packages left external (yjs, ws, y-webrtc, @roamhq/wrtc). So this file
 * imports no package statically: it bundles the real benchmark into node_modules/.cache (inside
 * the repo) and runs it from there.
 *
 * Run it inside a loopback-only network namespace (WebRTC peers):
 *   unshare -n sh -c 'ip link set lo up && npm run bench -- sync-nodes'
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';

const root = process.cwd();
const require = createRequire(path.join(root, 'package.json'));
const { build } = require('esbuild') as typeof Esbuild;
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const outfile = path.join(root, 'node_modules', '.cache', 'tl-bench', 'sync-nodes-run.mjs');

await build({
  entryPoints: [path.join(root, 'test', 'bench', 'support', 'sync-nodes-run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
const { run } = (await import(pathToFileURL(outfile).href)) as { run: () => Promise<void> };
run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// Bundles the Electron main process, the sandboxed preload and the headless LAN host with esbuild.
// The preload must be one CommonJS file: a sandboxed preload cannot require our other modules.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', define };

await Promise.all([
  build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs', format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] }),
  build({
    ...common,
    entryPoints: ['main/host/cli.ts'],
    outfile: 'dist/host/cli.mjs',
    format: 'esm',
    // ws has optional native helpers; keep node_modules resolvable at run time.
    packages: 'external',
  }),
  // The lab-network hub (`npm run hub`): plain Node; better-sqlite3 is native, so packages stay external.
  build({ ...common, entryPoints: ['main/hub/cli.ts'], outfile: 'dist/hub/cli.mjs', format: 'esm', packages: 'external' }),
]);

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Emits dist/renderer/sw.js (source: renderer/offline/sw.ts) with the list of every file this
 * build produced, so a browser that loaded the app once can reload it with the host gone. The
 * cache name carries a hash of those files: a new build gets a new cache and the old one is dropped.
 */
function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'transition-lab:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      const fromBuild = Object.keys(bundle).filter((file) => !file.endsWith('.map') && file !== 'index.html' && file !== 'sw.js');
      const precache = [...new Set([...fromBuild, ...filesUnder(publicDir)])].sort();
      const hash = createHash('sha256');
      for (const file of [...precache, 'index.html']) {
        const item = bundle[file];
        hash.update(file);
        if (item?.type === 'chunk') hash.update(item.code);
        else if (item?.type === 'asset') hash.update(item.source);
        else if (existsSync(join(publicDir, file))) hash.update(readFileSync(join(publicDir, file)));
      }
      const out = await build({
        entryPoints: [fileURLToPath(new URL('./renderer/offline/sw.ts', import.meta.url))],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        define: {
          __SW_PRECACHE__: JSON.stringify(precache.map((file) => `./${file}`)),
          __SW_VERSION__: JSON.stringify(`${pkg.version}-${hash.digest('hex').slice(0, 12)}`),
        },
      });
      const code = out.outputFiles[0]?.text;
      if (!code) throw new Error('service worker build produced no output');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

// The renderer is one static bundle served by the LAN host and by Electron's app:// protocol.
// Relative base so the same files work under both origins.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), serviceWorker()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
  },
});

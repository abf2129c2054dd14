import { build, type Metafile } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The LAN host runs headless as `npm run host`, so nothing it loads may be Electron-bound — not
 * directly (lint checks each import) and not through a chain of imports (only the whole graph
 * shows that). esbuild resolves the graph the way the real build does; the metafile lists every
 * file it pulled in and every import it left external.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

function tsFilesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

async function graph(entryPoints: string[]): Promise<Metafile> {
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    outdir: 'out',
    logLevel: 'silent',
    // Marked external so a reference shows up in the metafile instead of failing the build.
    external: ['electron'],
    define: { __APP_VERSION__: '"test"' },
  });
  return result.metafile;
}

/** Files outside main/host, shared and node_modules, and every import of electron, with the importer. */
function offences(meta: Metafile): string[] {
  const out: string[] = [];
  for (const [file, input] of Object.entries(meta.inputs)) {
    const path = relative(root, join(root, file));
    // node_modules may be a symlink (shared install), so esbuild reports it by its real path.
    if (!/^(main\/host\/|shared\/)/.test(path) && !/(^|\/)node_modules\//.test(path)) out.push(`loads ${path}`);
    for (const imp of input.imports) if (imp.path === 'electron' || imp.path.startsWith('electron/')) out.push(`${path} imports ${imp.path}`);
  }
  return out.sort();
}

describe('main/host is plain Node through its whole import graph', () => {
  it('the host CLI loads only main/host, shared and packages, and never electron', async () => {
    const meta = await graph(['main/host/cli.ts']);
    expect(Object.keys(meta.inputs).some((f) => f.startsWith('main/host/sync/'))).toBe(true);
    expect(offences(meta)).toEqual([]);
  });

  it('so does every file under main/host, reachable from the CLI or not', async () => {
    const files = tsFilesUnder('main/host');
    expect(files.length).toBeGreaterThan(20);
    expect(offences(await graph(files))).toEqual([]);
  });

  it('the check does see an Electron-bound graph (the Electron main process)', async () => {
    const found = offences(await graph(['main/index.ts']));
    expect(found).toContain('loads main/security.ts');
    expect(found.some((line) => line.endsWith('imports electron'))).toBe(true);
  });
});

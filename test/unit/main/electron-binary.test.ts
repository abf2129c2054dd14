import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from '../../../scripts/electron-binary.mjs';

const dirs: string[] = [];
function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tl-electron-bin-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
  return root;
}
const pkg = (root: string) => path.join(root, 'node_modules', 'electron');

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('returns null without path.txt (binary never downloaded)', () => {
    expect(findElectronBinary(project(), {})).toBeNull();
  });

  it('returns null when path.txt names a missing file', () => {
    const root = project();
    writeFileSync(path.join(pkg(root), 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('finds the binary named by path.txt inside dist/', () => {
    const root = project();
    writeFileSync(path.join(pkg(root), 'path.txt'), 'electron\n');
    const bin = path.join(pkg(root), 'dist', 'electron');
    writeFileSync(bin, '#!/bin/sh\n');
    chmodSync(bin, 0o755);
    expect(findElectronBinary(root, {})).toBe(bin);
  });

  it('refuses a path.txt that points outside dist/ or at a directory', () => {
    const root = project();
    writeFileSync(path.join(root, 'evil'), 'x');
    writeFileSync(path.join(pkg(root), 'path.txt'), '../../../evil');
    expect(findElectronBinary(root, {})).toBeNull();
    writeFileSync(path.join(pkg(root), 'path.txt'), '');
    expect(findElectronBinary(root, {})).toBeNull();
    mkdirSync(path.join(pkg(root), 'dist', 'Electron.app'));
    writeFileSync(path.join(pkg(root), 'path.txt'), 'Electron.app');
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = project();
    const custom = path.join(root, 'custom');
    mkdirSync(custom);
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: custom })).toBeNull();
    writeFileSync(path.join(custom, 'electron'), 'x');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: custom })).toBe(path.join(custom, 'electron'));
  });

  it('has the one-line fallback message', () => {
    expect(NO_ELECTRON_MESSAGE).toBe(
      'Electron is not installed on this machine (offline install) — starting the LAN host instead; open the URL below in a browser.',
    );
    expect(NO_ELECTRON_MESSAGE).not.toContain('\n');
  });
});

import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError, defaultDataDir, ensureDataDir } from '../../../main/host/data-dir';

describe('defaultDataDir', () => {
  it('follows XDG on Linux, falling back to ~/.config', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/ana' })).toBe(
      '/cfg/transition-lab/host',
    );
    expect(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/transition-lab/host',
    );
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'cfg' }, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/transition-lab/host',
    );
  });

  it('uses %APPDATA% on Windows and Application Support on macOS', () => {
    expect(
      defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\Ana\\AppData\\Roaming' }, homedir: 'C:\\Users\\Ana' }),
    ).toBe('C:\\Users\\Ana\\AppData\\Roaming\\Transition Lab\\host');
    expect(defaultDataDir({ platform: 'darwin', env: {}, homedir: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Transition Lab/host',
    );
  });
});

describe('ensureDataDir', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'tl-data-'));
  });
  afterEach(() => {
    chmodSync(base, 0o700);
    rmSync(base, { recursive: true, force: true });
  });

  it('creates missing folders and leaves no probe file behind', async () => {
    const dir = path.join(base, 'a', 'b', 'c');
    expect(await ensureDataDir(dir)).toBe(dir);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explains when a file is in the way', async () => {
    const file = path.join(base, 'file');
    writeFileSync(file, '');
    await expect(ensureDataDir(path.join(file, 'sub'))).rejects.toThrow(
      /^Cannot use the data folder .*: a file is in the way where a folder should be\. Choose another with --data\.$/,
    );
  });

  // Root ignores permission bits, so this check only means something for other users.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('explains when the folder is not writable', async () => {
    chmodSync(base, 0o500);
    await expect(ensureDataDir(base)).rejects.toBeInstanceOf(DataDirError);
    await expect(ensureDataDir(base)).rejects.toThrow(/permission denied/);
  });
});

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
}

function currentPlatform(): PlatformInfo {
  return { platform: process.platform, env: process.env, homedir: os.homedir() };
}

/** Where the host keeps rooms when no --data is given: the user's usual app-data folder. */
export function defaultDataDir(info: PlatformInfo = currentPlatform()): string {
  const { platform, env, homedir } = info;
  if (platform === 'win32') {
    const appData = env['APPDATA'] || path.win32.join(homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Transition Lab', 'host');
  }
  if (platform === 'darwin') {
    return path.posix.join(homedir, 'Library', 'Application Support', 'Transition Lab', 'host');
  }
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const xdg = env['XDG_CONFIG_HOME'];
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homedir, '.config');
  return path.posix.join(configHome, 'transition-lab', 'host');
}

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/**
 * Creates the folder if needed and proves it is writable by writing a probe file, which is the
 * only check that is reliable on every platform (`access(W_OK)` ignores Windows ACLs).
 * Failing at start-up beats failing the first time a room is saved mid-workshop.
 */
export async function ensureDataDir(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  try {
    await fs.mkdir(absolute, { recursive: true });
    const probe = path.join(absolute, `.write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
  } catch (error) {
    throw new DataDirError(
      `Cannot use the data folder ${absolute}: ${diskErrorReason(error)}. Choose another with --data.`,
      { cause: error },
    );
  }
  return absolute;
}

/** Why a file operation failed, in words an operator reads in the host's log. */
export function diskErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way where a folder should be';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

// Finds the Electron executable the way node_modules/electron/index.js does, but WITHOUT its side
// effect: requiring 'electron' in plain Node downloads the binary when it is missing (which fails
// on an offline install). Pure apart from reading the file system; unit-tested with a temp dir.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root  the project root (the folder holding node_modules)
 * @param {NodeJS.ProcessEnv} [env]  honours ELECTRON_OVERRIDE_DIST_PATH like electron's own index.js
 * @returns {string | null} absolute path of an existing Electron executable, or null
 */
export function findElectronBinary(root, env = process.env) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  let executable;
  try {
    executable = readFileSync(pathFile, 'utf8').trim();
  } catch {
    executable = null;
  }

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.resolve(override, executable || 'electron');
    return isFile(candidate) ? candidate : null;
  }

  if (!executable) return null;
  const distDir = path.join(pkgDir, 'dist');
  const candidate = path.resolve(distDir, executable);
  const relative = path.relative(distDir, candidate);
  // path.txt must name a file inside dist/ (e.g. `electron`, `Electron.app/Contents/MacOS/Electron`).
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return isFile(candidate) ? candidate : null;
}

function isFile(file) {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

export const NO_ELECTRON_MESSAGE =
  'Electron is not installed on this machine (offline install) — starting the LAN host instead; open the URL below in a browser.';

// `npm start` (after `npm run build`): opens the desktop app with Electron, or — where the Electron
// binary is missing (an offline install) — says so in one line and runs the headless LAN host.
// Never imports 'electron': in plain Node that would try to download the binary.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`Could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Killed by a signal we forwarded (Ctrl+C): a clean stop. Any other signal: report failure.
    process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
  });
}

const electron = findElectronBinary(root);
if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  run(electron, ['.', ...args], env);
} else {
  console.log(NO_ELECTRON_MESSAGE);
  run(process.execPath, [path.join(root, 'dist', 'host', 'cli.mjs'), ...args]);
}

// `npm run host`: builds whatever is missing, then runs the host CLI in this same process, so
// Ctrl+C and SIGTERM reach the CLI's own handlers directly (no child process to forward them to).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rendererIndex = join(root, 'dist', 'renderer', 'index.html');
const cliBundle = join(root, 'dist', 'host', 'cli.mjs');

/** How to run npm without a shell. Node refuses to spawn Windows' npm.cmd without one. */
function npmInvocation() {
  // npm sets npm_execpath to its JS entry point when it runs a script (`npm run host`).
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /\.[cm]?js$/.test(fromNpm) && existsSync(fromNpm)) {
    return { command: process.execPath, args: [fromNpm] };
  }
  // Started as `node scripts/host.mjs`: npm ships next to node in every official install.
  const besideNode = process.platform === 'win32'
    ? join(dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js')
    : join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(besideNode)) return { command: process.execPath, args: [besideNode] };
  return { command: 'npm', args: [] };
}

function runNpmScript(script) {
  const npm = npmInvocation();
  process.stderr.write(`Building first: npm run ${script}\n`);
  const result = spawnSync(npm.command, [...npm.args, 'run', script], {
    cwd: root,
    // Build output goes to stderr: harnesses wait for the first "http://" on stdout, and a build
    // log that happened to contain one would look like the host being ready.
    stdio: ['inherit', 2, 'inherit'],
    shell: false,
  });
  if (result.error) {
    process.stderr.write(`Could not run npm: ${result.error.message}\n`);
    process.exit(1);
  }
  if (result.status !== 0) {
    process.stderr.write(`npm run ${script} failed; the host was not started.\n`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(rendererIndex)) runNpmScript('build:renderer');
if (!existsSync(cliBundle)) runNpmScript('build:main');

const cli = await import(pathToFileURL(cliBundle).href);
await cli.main(process.argv.slice(2));

// `npm run hub`: builds the hub bundle if missing, then runs its CLI in this same process, so
// SIGINT/SIGTERM reach the hub's own handlers (it stores every open document before it exits).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'hub', 'cli.mjs');

if (!existsSync(bundle)) {
  process.stderr.write('Building first: npm run build:main\n');
  // Build output to stderr: callers wait for the first "http://" on stdout.
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: ['inherit', 2, 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('The hub could not be built; it was not started.\n');
    process.exit(result.status ?? 1);
  }
}

const cli = await import(pathToFileURL(bundle).href);
await cli.main(process.argv.slice(2));

// Entry point of `npm run host` (bundled to dist/host/cli.mjs). Also imported by tests, which
// call runCli with fake output, exit and signals instead of touching the real process.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { installCrashGuard } from './crash-guard';
import { DataDirError, defaultDataDir } from './data-dir';
import { startHost, StaticDirError, type RunningHost } from './start-host';

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface CliDeps {
  stdout(line: string): void;
  stderr(line: string): void;
  exit(code: number): void;
  /** Calls the handler on SIGINT/SIGTERM until the returned function is called. */
  onStopSignal(handler: (signal: StopSignal) => void): () => void;
  defaultDataDir(): string;
  defaultStaticDir(): string;
}

// Exit codes: 1 = could not run (port taken, folder unusable); 2 = the command line was wrong.
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const processDeps: CliDeps = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
  onStopSignal(handler) {
    const onInt = (): void => handler('SIGINT');
    const onTerm = (): void => handler('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    return () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
  },
  defaultDataDir: () => defaultDataDir(),
  // The bundle lives at dist/host/cli.mjs and the renderer build at dist/renderer/.
  defaultStaticDir: () => fileURLToPath(new URL('../renderer/', import.meta.url)),
};

/** Resolves with the running host, or undefined when it printed help or failed (exit already called). */
export async function runCli(argv: readonly string[], overrides: Partial<CliDeps> = {}): Promise<RunningHost | undefined> {
  const deps: CliDeps = { ...processDeps, ...overrides };
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    deps.stderr(parsed.error);
    deps.exit(EXIT_USAGE);
    return undefined;
  }
  const { options } = parsed;
  if (options.help) {
    deps.stdout(CLI_USAGE);
    deps.exit(EXIT_OK);
    return undefined;
  }

  let host: RunningHost;
  try {
    host = await startHost({
      port: options.port,
      bind: options.bind,
      dataDir: options.dataDir ?? deps.defaultDataDir(),
      staticDir: options.staticDir ?? deps.defaultStaticDir(),
      log: deps.stderr,
      advertise: options.advertise,
      limits: options.quotas,
      allowSessionsFrom: options.allowSessionsFrom,
      hubs: options.hubs,
    });
  } catch (error) {
    deps.stderr(describeStartError(error, options.port, options.bind));
    deps.exit(EXIT_FAILED);
    return undefined;
  }

  deps.stdout('Transition Lab host is running. Open one of these in a browser:');
  for (const url of host.urls) deps.stdout(url);
  deps.stdout(`Data folder: ${host.dataDir}`);
  deps.stdout(
    options.allowSessionsFrom.length > 0
      ? `New sessions can be started from this computer and from ${options.allowSessionsFrom.join(', ')}.`
      : 'New sessions can be started only from this computer (see --allow-sessions-from).',
  );
  deps.stdout('Press Ctrl+C to stop.');

  let stopping = false;
  const unsubscribe = deps.onStopSignal(() => {
    if (stopping) {
      // A second Ctrl+C means "now": don't make anyone wait for a stuck close.
      deps.stderr('Stopping immediately.');
      deps.exit(EXIT_FAILED);
      return;
    }
    stopping = true;
    host.close().then(
      () => {
        unsubscribe();
        deps.stdout('Host stopped.');
        deps.exit(EXIT_OK);
      },
      (error: unknown) => {
        deps.stderr(`Could not stop the host cleanly: ${error instanceof Error ? error.message : String(error)}`);
        deps.exit(EXIT_FAILED);
      },
    );
  });
  return host;
}

export function describeStartError(error: unknown, port: number, bind: string): string {
  if (error instanceof StaticDirError) return `${error.message} Run "npm run build:renderer" first, or pass --static DIR.`;
  if (error instanceof DataDirError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use. Choose another with --port.`;
    case 'EACCES':
      return `Not allowed to listen on port ${port}. Choose a port above 1023 with --port.`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${bind}: this computer has no such address. Choose another with --bind.`;
    default:
      return `Could not start the host: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** `scripts/host.mjs` imports the bundle and calls this. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Only for the real process (tests call runCli): a stray error must not end every room.
  installCrashGuard(process, processDeps.stderr);
  await runCli(argv);
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// Run when started directly (`node dist/host/cli.mjs`), not when imported.
if (isEntryPoint()) void main();

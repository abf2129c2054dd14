// Entry point of `npm run hub` (bundled to dist/hub/cli.mjs): serve, add-lab, add-coordinator.
// Plain Node, no Electron. Tests call runHubCli with fake output, exit and signals.
import { parseArgs } from 'node:util';
import { installCrashGuard } from '../host/crash-guard';
import { openHubStore, type HubStore } from './hub-store';
import { startHub, type RunningHub } from './hub-server';

export interface HubCliDeps {
  stdout(line: string): void;
  stderr(line: string): void;
  exit(code: number): void;
  onStopSignal(handler: () => void): () => void;
}

export const HUB_USAGE = `Usage:
  npm run hub -- --port P --data DIR [--redis redis://HOST:PORT] [--bind ADDR] [--name NAME]
      starts one hub instance. Instances given the same --data (or --database) and --redis
      serve the same labs; put them behind a TLS reverse proxy (docs/hub.md).
      --database URL   sqlite:/path/hub.sqlite, or postgres://user:pass@host/db for
                       instances on several machines (instead of DIR/hub.sqlite)
      --bind ADDR                          address to listen on (default 127.0.0.1)
  npm run hub -- add-lab --data DIR --country CC --name NAME
      creates a lab; prints its publishing token alone on the last line
  npm run hub -- add-coordinator --data DIR [--country CC]
      prints a coordinator token (every lab, or one country's) alone on the last line`;

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
export const DEFAULT_HUB_PORT = 4460;
/** Every session is stored before this starts counting; only closing Redis and sockets can take longer. */
const STOP_TIMEOUT_MS = 5_000;

const processDeps: HubCliDeps = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
  onStopSignal(handler) {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
};

function countryCode(value: string | undefined): string | null {
  const code = (value ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** The data store named on the command line: --database wins over --data. */
function storeLocation(values: { data?: string | undefined; database?: string | undefined }): string | { error: string } {
  if (values.database !== undefined) {
    if (!/^(sqlite:|postgres(ql)?:\/\/)/i.test(values.database)) return { error: `--database must be a sqlite: or postgres:// URL (got ${values.database.split(':')[0]}:).` };
    return values.database;
  }
  if (!values.data) return { error: '--data DIR is required.' };
  return values.data;
}

/** Resolves with the running hub when serving; undefined after an admin command, help or an error. */
export async function runHubCli(argv: readonly string[], overrides: Partial<HubCliDeps> = {}): Promise<RunningHub | undefined> {
  const deps = { ...processDeps, ...overrides };
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'serve';
  const rest = command === 'serve' && argv[0] !== 'serve' ? argv : argv.slice(1);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      strict: true,
      options: {
        port: { type: 'string' },
        bind: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        redis: { type: 'string' },
        name: { type: 'string' },
        country: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    deps.stderr(`${error instanceof Error ? error.message : String(error)}\n${HUB_USAGE}`);
    deps.exit(EXIT_USAGE);
    return undefined;
  }
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  if (values.help) {
    deps.stdout(HUB_USAGE);
    deps.exit(0);
    return undefined;
  }
  const location = storeLocation({ data: str('data'), database: str('database') });
  if (typeof location !== 'string') {
    deps.stderr(location.error);
    deps.exit(EXIT_USAGE);
    return undefined;
  }

  if (command === 'add-lab' || command === 'add-coordinator') {
    const country = countryCode(str('country'));
    if (str('country') !== undefined && !country) {
      deps.stderr('--country must be a two-letter country code, e.g. PL.');
      deps.exit(EXIT_USAGE);
      return undefined;
    }
    const name = (str('name') ?? '').trim();
    if (command === 'add-lab' && (!country || !name)) {
      deps.stderr('add-lab needs --country CC and --name NAME.');
      deps.exit(EXIT_USAGE);
      return undefined;
    }
    let store: HubStore | null = null;
    try {
      store = await openHubStore(location);
      if (command === 'add-lab') {
        const { lab, token } = await store.addLab(country as string, name.slice(0, 200));
        deps.stdout(`Lab "${lab.name}" (${lab.country}) created. Its facilitators publish with this token:`);
        deps.stdout(token);
      } else {
        const { token } = await store.addCoordinator(country);
        deps.stdout(country ? `Coordinator token for the labs in ${country}:` : 'Coordinator token for every lab:');
        deps.stdout(token);
      }
    } catch (error) {
      deps.stderr(`Could not open the hub's data: ${error instanceof Error ? error.message : String(error)}`);
      deps.exit(EXIT_FAILED);
    } finally {
      await store?.close();
    }
    return undefined;
  }
  if (command !== 'serve') {
    deps.stderr(`Unknown command: ${command}\n${HUB_USAGE}`);
    deps.exit(EXIT_USAGE);
    return undefined;
  }

  const port = str('port') === undefined ? DEFAULT_HUB_PORT : Number(str('port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    deps.stderr('--port must be a number from 0 to 65535.');
    deps.exit(EXIT_USAGE);
    return undefined;
  }
  const bind = str('bind') ?? '127.0.0.1';
  let hub: RunningHub;
  try {
    hub = await startHub({ port, bind, data: location, redis: str('redis'), name: str('name'), log: deps.stderr });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    deps.stderr(code === 'EADDRINUSE' ? `Port ${port} is already in use. Choose another with --port.` : `Could not start the hub: ${error instanceof Error ? error.message : String(error)}`);
    deps.exit(EXIT_FAILED);
    return undefined;
  }
  const shown = bind.includes(':') ? `[${bind}]` : bind;
  deps.stdout(`Transition Lab hub ${hub.name} is running${str('redis') ? ' (Redis: on)' : ''}:`);
  deps.stdout(`http://${shown}:${hub.port}`);
  let stopping = false;
  const unsubscribe = deps.onStopSignal(() => {
    if (stopping) {
      deps.exit(EXIT_FAILED);
      return;
    }
    stopping = true;
    // Stores every open session first; a Redis that is already gone must not keep the process up.
    const bounded = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('stores did not finish in time')), STOP_TIMEOUT_MS).unref());
    Promise.race([hub.stop(), bounded]).then(
      () => {
        unsubscribe();
        deps.stdout('Hub stopped.');
        deps.exit(0);
      },
      (error: unknown) => {
        deps.stderr(`Could not stop the hub cleanly: ${error instanceof Error ? error.message : String(error)}`);
        deps.exit(EXIT_FAILED);
      },
    );
  });
  return hub;
}

/** `scripts/hub.mjs` imports the bundle and calls this. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A stray error in one connection must not end every lab's sync.
  installCrashGuard(process, processDeps.stderr);
  await runHubCli(argv);
}

import { isIP } from 'node:net';
import { DEFAULT_HOST_PORT } from '../../shared/protocol/host';
import { hubConnectSources } from '../../shared/protocol/hub';
import { DEFAULT_HOST_LIMITS, type HostLimits } from './host-limits';
import { DEFAULT_BIND_ADDRESS } from './start-host';
import { parseAddressList } from './sync/room-creators';

export interface CliOptions {
  port: number;
  bind: string;
  /** undefined: use the platform's app-data folder. */
  dataDir: string | undefined;
  /** undefined: use the bundled dist/renderer. */
  staticDir: string | undefined;
  help: boolean;
  /** Announce the host on the LAN by mDNS. */
  advertise: boolean;
  /** Addresses besides this computer that may start sessions (create rooms). */
  allowSessionsFrom: string[];
  /** Lab-network hubs this host's pages may connect to (--hub). */
  hubs: string[];
  /** --max-rooms, --max-room-mb, --max-disk-mb (only those given). */
  quotas: Partial<Pick<HostLimits, 'roomsPerHost' | 'roomBytes' | 'diskBytes'>>;
}

const MIB = 1024 * 1024;

export type CliParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

export const CLI_USAGE = `Usage: npm run host -- [options]

Serves Transition Lab to browsers on this network.

Options:
  --port P       port to listen on, 0 for any free port (default ${DEFAULT_HOST_PORT})
  --bind ADDR    address to listen on, e.g. 127.0.0.1 for this computer only
                 (default ${DEFAULT_BIND_ADDRESS}: all network interfaces)
  --data DIR     folder for the host's data (default: your app-data folder)
  --static DIR   folder with the built app (default: dist/renderer)
  --advertise    announce the host on the local network (mDNS), so the desktop
                 app can offer "join nearby session" (default: off)
  --allow-sessions-from ADDR[,ADDR]
                 also let these computers start new sessions on this host, e.g.
                 the facilitator's laptop when the host runs on another one.
                 By default only this computer can (the app, or a browser, opened
                 here); everyone else can only join sessions the host already has.
                 Anyone who takes over that address on the network could start
                 sessions too, so allow it only for the workshop.
  --hub ADDR[,ADDR]
                 lab-network hub addresses (https://hub.example.org) that pages from
                 this host may publish to or read from; by default they may talk to
                 this host only
  --max-rooms N  sessions kept on this host (default ${DEFAULT_HOST_LIMITS.roomsPerHost})
  --max-room-mb N
                 size limit of one session on disk, in MiB (default ${DEFAULT_HOST_LIMITS.roomBytes / MIB})
  --max-disk-mb N
                 size limit of all sessions together, in MiB (default ${DEFAULT_HOST_LIMITS.diskBytes / MIB})
  --help         show this help`;

const VALUE_FLAGS = ['--port', '--bind', '--data', '--static', '--allow-sessions-from', '--hub', '--max-rooms', '--max-room-mb', '--max-disk-mb'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(flag: string): flag is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

const HELP_HINT = 'Run with --help to see the options.';

/** Accepts `--flag value` and `--flag=value`. Errors are one line, meant to be shown as they are. */
export function parseCliArgs(argv: readonly string[]): CliParseResult {
  const values = new Map<ValueFlag, string>();
  let help = false;
  let advertise = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--advertise') {
      advertise = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals !== -1 ? arg.slice(0, equals) : arg;
    if (!isValueFlag(flag)) {
      return fail(arg.startsWith('-') ? `Unknown option ${flag}. ${HELP_HINT}` : `Unexpected argument "${arg}". ${HELP_HINT}`);
    }
    if (values.has(flag)) return fail(`${flag} was given more than once.`);
    let value: string | undefined;
    if (equals !== -1 && arg.startsWith('--')) {
      value = arg.slice(equals + 1);
    } else {
      value = argv[i + 1];
      i++;
    }
    // A following flag is almost certainly a forgotten value, not a value starting with "--".
    if (value === undefined || value === '' || value.startsWith('--')) return fail(`${flag} needs a value.`);
    values.set(flag, value);
  }

  const port = parsePort(values.get('--port'));
  if (port === null) return fail(`--port must be a whole number from 0 to 65535, got "${values.get('--port')}".`);

  const bind = values.get('--bind') ?? DEFAULT_BIND_ADDRESS;
  if (bind !== 'localhost' && isIP(bind) === 0) {
    return fail(`--bind must be an IP address such as 0.0.0.0 or 127.0.0.1, got "${bind}".`);
  }

  const allowRaw = values.get('--allow-sessions-from');
  const allowSessionsFrom = allowRaw === undefined ? [] : parseAddressList(allowRaw);
  if (allowSessionsFrom === null) {
    return fail(`--allow-sessions-from must be IP addresses separated by commas, such as 192.168.1.20, got "${allowRaw}".`);
  }

  const hubRaw = values.get('--hub');
  const hubs = hubRaw === undefined ? [] : hubRaw.split(',').map((h) => h.trim());
  const badHub = hubs.find((h) => hubConnectSources([h]).length === 0);
  if (badHub !== undefined) return fail(`--hub must be hub addresses such as https://hub.example.org, separated by commas, got "${badHub}".`);

  const quotas: CliOptions['quotas'] = {};
  for (const [flag, key, unit] of [
    ['--max-rooms', 'roomsPerHost', 1],
    ['--max-room-mb', 'roomBytes', MIB],
    ['--max-disk-mb', 'diskBytes', MIB],
  ] as const) {
    const raw = values.get(flag);
    if (raw === undefined) continue;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1) return fail(`${flag} must be a whole number of at least 1, got "${raw}".`);
    quotas[key] = Number(raw) * unit;
  }

  return {
    ok: true,
    options: {
      port,
      bind,
      dataDir: values.get('--data'),
      staticDir: values.get('--static'),
      help,
      advertise,
      allowSessionsFrom,
      hubs,
      quotas,
    },
  };
}

function parsePort(raw: string | undefined): number | null {
  if (raw === undefined) return DEFAULT_HOST_PORT;
  if (!/^\d{1,5}$/.test(raw)) return null;
  const port = Number(raw);
  return port <= 65_535 ? port : null;
}

function fail(error: string): CliParseResult {
  return { ok: false, error };
}

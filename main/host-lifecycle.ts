/**
 * Starting and stopping the LAN host from the desktop app. No electron import: the host's
 * `startHost` is injected, so the port fallback and shutdown timeout are unit-tested.
 */
import { DEFAULT_HOST_PORT } from '../shared/protocol/host';

export interface RunningHost {
  port: number;
  urls: string[];
  close(): Promise<void>;
}

export interface HostStartOptions {
  port?: number;
  bind?: string;
  dataDir: string;
  staticDir: string;
  log?: (line: string) => void;
}

export type StartHostFn<H extends RunningHost> = (options: HostStartOptions) => Promise<H>;

export function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/** Starts on the default port (4455); if it is taken, on a random free port instead. */
export async function startHostWithFallback<H extends RunningHost>(
  start: StartHostFn<H>,
  options: Omit<HostStartOptions, 'port'>,
): Promise<H> {
  try {
    return await start({ ...options, port: DEFAULT_HOST_PORT });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    options.log?.(`Port ${DEFAULT_HOST_PORT} is busy; starting the LAN host on a free port instead.`);
    return start({ ...options, port: 0 });
  }
}

/** The loopback URL the desktop renderer uses (its CSP allows loopback hosts only). */
export function loopbackHostUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** Closes the host, but never holds up quitting for longer than `timeoutMs`. */
export async function closeWithTimeout(host: RunningHost | null, timeoutMs = 3000): Promise<void> {
  if (host === null) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([host.close().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

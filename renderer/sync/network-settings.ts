/**
 * User-supplied STUN/TURN servers for networks where peers cannot reach each other directly.
 * Empty by default: the app never contacts a public server on its own.
 */
const KEY = 'transition-lab.iceServers';

export interface IceServerSetting {
  urls: string;
  username?: string;
  credential?: string;
}

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/i;

export function isValidIceUrl(url: string): boolean {
  return ICE_URL.test(url.trim());
}

/** Parses the settings text: one `stun:`/`turn:` URL per line, optionally `url username credential`. */
export function parseIceServers(text: string): { servers: IceServerSetting[]; invalid: string[] } {
  const servers: IceServerSetting[] = [];
  const invalid: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [urls = '', username, credential] = line.split(/\s+/);
    if (!isValidIceUrl(urls)) {
      invalid.push(line);
      continue;
    }
    servers.push(username && credential ? { urls, username, credential } : { urls });
  }
  return { servers, invalid };
}

export function formatIceServers(servers: IceServerSetting[]): string {
  return servers.map((s) => [s.urls, s.username, s.credential].filter(Boolean).join(' ')).join('\n');
}

export function readIceServers(): IceServerSetting[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (s): s is IceServerSetting => !!s && typeof s === 'object' && typeof (s as IceServerSetting).urls === 'string' && isValidIceUrl((s as IceServerSetting).urls),
    );
  } catch {
    return [];
  }
}

export function saveIceServers(servers: IceServerSetting[]): void {
  localStorage.setItem(KEY, JSON.stringify(servers));
}

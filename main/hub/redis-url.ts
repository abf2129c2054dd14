/**
 * `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS) as the options
 * @hocuspocus/extension-redis hands to ioredis; throws a one-line error a person can act on.
 */
export function redisOptions(url: string): { host: string; port: number; options: Record<string, unknown> } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a Redis URL: ${url} (expected redis://HOST:PORT)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`Not a Redis URL: ${url} (expected redis://HOST:PORT)`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new Error(`Redis database must be a number: ${url}`);
  const options: Record<string, unknown> = {};
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  if (db) options.db = Number(db);
  if (parsed.protocol === 'rediss:') options.tls = {};
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : 6379, options };
}

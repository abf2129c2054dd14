import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, kept off the network: no Google services, no QUIC, and a resolver that
 * knows only loopback — so a request the app makes to anywhere else fails visibly.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
  };
}

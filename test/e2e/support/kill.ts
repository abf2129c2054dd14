import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromiumLaunchOptions } from './chromium';

export interface OwnedBrowser {
  browser: Browser;
  process: ChildProcess;
  /** SIGKILL to the whole process group: no unload, no pagehide, no clean IndexedDB shutdown. */
  kill: () => Promise<void>;
}

/**
 * Starts Chromium ourselves (Playwright does not expose the PID of a persistent context) on a
 * given profile, in its own process group, and connects over CDP.
 */
export async function launchOwnedChromium(profileDir: string): Promise<OwnedBrowser> {
  const { executablePath, args = [] } = chromiumLaunchOptions();
  const child = spawn(
    executablePath as string,
    [...args, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--window-size=1280,800', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not print its DevTools URL:\n${seen}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready:\n${seen}`)));
  });
  const browser = await chromium.connectOverCDP(wsUrl);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    browser,
    process: child,
    kill: async () => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}
